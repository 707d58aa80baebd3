import { Logger } from '@nestjs/common';
import { BackgroundSchedules } from './background-schedules';

describe('BackgroundSchedules', () => {
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('returns at once and retries a failing task with backoff until it succeeds', async () => {
    const schedules = new BackgroundSchedules();
    let calls = 0;
    const started = Date.now();
    schedules.start(
      'test schedule',
      () => (++calls < 3 ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve()),
      { initialDelayMs: 20, maxDelayMs: 40 },
    );
    expect(calls).toBe(1);
    await schedules.settled();
    expect(calls).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55); // 20 + 40 ms of backoff
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0][0])).toMatch(/test schedule: attempt 1 failed .*20 ms/);
    expect(String(warn.mock.calls[1][0])).toMatch(/attempt 2 failed .*40 ms/);
    expect(log).toHaveBeenCalledWith('test schedule: done (attempt 3)');
  });

  it('warns once about an attempt that hangs, and finishes when it completes', async () => {
    const schedules = new BackgroundSchedules();
    let finish: () => void = () => undefined;
    schedules.start('slow', () => new Promise<void>((resolve) => (finish = resolve)), {
      warnAfterMs: 10,
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toMatch(/slow: still waiting for Redis/);
    finish();
    await schedules.settled();
    expect(log).toHaveBeenCalledWith('slow: done (attempt 1)');
  });

  it('stops retrying once shutdown begins', async () => {
    const schedules = new BackgroundSchedules();
    let calls = 0;
    schedules.start('doomed', () => (calls++, Promise.reject(new Error('down'))), {
      initialDelayMs: 60_000,
    });
    await new Promise((resolve) => setImmediate(resolve));
    schedules.beforeApplicationShutdown();
    await schedules.settled();
    expect(calls).toBe(1);
    schedules.start('late', () => (calls++, Promise.resolve()));
    expect(calls).toBe(1);
  });
});

describe('BackgroundSchedules refresh', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('runs the task again after each success, so a scheduler lost with Redis comes back', async () => {
    const schedules = new BackgroundSchedules();
    let calls = 0;
    schedules.start('refreshing', () => (calls++, Promise.resolve()), { refreshEveryMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(calls).toBeGreaterThanOrEqual(3);
    schedules.beforeApplicationShutdown();
    await schedules.settled();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toBe(after);
  });

  it('runs once without a refresh interval', async () => {
    const schedules = new BackgroundSchedules();
    let calls = 0;
    schedules.start('once', () => (calls++, Promise.resolve()));
    await schedules.settled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(1);
  });
});
