import { ScrapeSample } from './scrape-sample';

const OPTIONS = { timeoutMs: 20, ttlMs: 1000, abandonAfterMs: 5000 };
const never = () => new Promise<number>(() => undefined);

describe('ScrapeSample', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 0));

  it('reuses a fresh value and reads again once it is older than ttlMs', async () => {
    let reads = 0;
    const sample = new ScrapeSample(async () => ++reads, OPTIONS, now);
    expect(await sample.get()).toBe(1);
    clock = 999;
    expect(await sample.get()).toBe(1);
    clock = 1000;
    expect(await sample.get()).toBe(2);
  });

  it('answers within timeoutMs with the last value when the read hangs', async () => {
    let hang = false;
    const sample = new ScrapeSample(async () => (hang ? never() : 7), OPTIONS, now);
    expect(await sample.get()).toBe(7);
    hang = true;
    clock = 2000;
    const started = Date.now();
    expect(await sample.get()).toBe(7);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('answers undefined when the first read fails, and keeps the last value after a failure', async () => {
    let fail = true;
    const sample = new ScrapeSample(
      async () => {
        if (fail) throw new Error('down');
        return 3;
      },
      OPTIONS,
      now,
    );
    expect(await sample.get()).toBeUndefined();
    fail = false;
    expect(await sample.get()).toBe(3);
    fail = true;
    clock = 2000;
    expect(await sample.get()).toBe(3);
  });

  it('waits on one read at a time, and abandons one that never settles', async () => {
    let reads = 0;
    const sample = new ScrapeSample(
      () => {
        reads++;
        return reads === 1 ? never() : Promise.resolve(5);
      },
      OPTIONS,
      now,
    );
    expect(await sample.get()).toBeUndefined();
    expect(await sample.get()).toBeUndefined();
    expect(reads).toBe(1);
    clock = 5000;
    expect(await sample.get()).toBe(5);
    expect(reads).toBe(2);
  });
});
