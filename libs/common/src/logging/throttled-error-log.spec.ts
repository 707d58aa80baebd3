import { ThrottledErrorLog } from './throttled-error-log';

describe('ThrottledErrorLog', () => {
  it('logs one line per source per interval and counts the rest', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new ThrottledErrorLog(
      (m) => lines.push(m),
      30_000,
      () => now,
    );

    log.record('queue a', new Error('connect ECONNREFUSED'));
    for (let i = 0; i < 50; i++) log.record('queue a', new Error('connect ECONNREFUSED'));
    log.record('worker a', 'closed');
    expect(lines).toEqual(['queue a: connect ECONNREFUSED', 'worker a: closed']);

    now = 29_999;
    log.record('queue a', new Error('again'));
    expect(lines).toHaveLength(2);

    now = 30_000;
    log.record('queue a', new Error('again'));
    expect(lines[2]).toBe('queue a: again (51 more since the last report)');
  });

  it('shortens very long messages', () => {
    const lines: string[] = [];
    new ThrottledErrorLog((m) => lines.push(m)).record('q', new Error('x'.repeat(1000)));
    expect(lines[0].length).toBeLessThan(320);
  });
});
