import { Batcher } from './triage-batcher';

describe('Batcher', () => {
  afterEach(() => jest.useRealTimers());

  it('runs a full batch at once and answers each caller with its own result', async () => {
    const run = jest.fn((items: number[]) => Promise.allSettled(items.map((i) => i * 10)));
    const batcher = new Batcher(run, 3, 1000);
    await expect(Promise.all([1, 2, 3].map((i) => batcher.add(i)))).resolves.toEqual([10, 20, 30]);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith([1, 2, 3]);
  });

  it('runs a partial batch after the wait, and later items in the next batch', async () => {
    jest.useFakeTimers();
    const run = jest.fn((items: string[]) => Promise.allSettled(items.map((i) => i.toUpperCase())));
    const batcher = new Batcher(run, 10, 5);
    const first = [batcher.add('a'), batcher.add('b')];
    expect(run).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(5);
    await expect(Promise.all(first)).resolves.toEqual(['A', 'B']);
    const second = batcher.add('c');
    await jest.advanceTimersByTimeAsync(5);
    await expect(second).resolves.toBe('C');
    expect(run.mock.calls).toEqual([[['a', 'b']], [['c']]]);
  });

  it('settles each caller with its own outcome', async () => {
    const batcher = new Batcher<number, number>(
      (items) =>
        Promise.allSettled(
          items.map((i) => (i === 2 ? Promise.reject(new Error('two')) : Promise.resolve(i))),
        ),
      3,
      1000,
    );
    const calls = [1, 2, 3].map((i) => batcher.add(i));
    await expect(calls[0]).resolves.toBe(1);
    await expect(calls[1]).rejects.toThrow('two');
    await expect(calls[2]).resolves.toBe(3);
  });

  it('fails every caller of a batch that fails or answers short', async () => {
    const failing = new Batcher<number, number>(() => Promise.reject(new Error('boom')), 2, 1000);
    const calls = [failing.add(1), failing.add(2)];
    await expect(calls[0]).rejects.toThrow('boom');
    await expect(calls[1]).rejects.toThrow('boom');
    const short = new Batcher<number, number>(() => Promise.allSettled([1]), 2, 1000);
    const answers = [short.add(1), short.add(2)];
    await expect(answers[0]).rejects.toThrow('returned 1 results');
    await expect(answers[1]).rejects.toThrow('returned 1 results');
  });
});

describe('Batcher under load', () => {
  it('runs at most `parallel` batches at once; the rest fill the next batches', async () => {
    let running = 0;
    let most = 0;
    const sizes: number[] = [];
    const batcher = new Batcher<number, number>(
      async (items) => {
        running++;
        most = Math.max(most, running);
        sizes.push(items.length);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
        return Promise.allSettled(items);
      },
      4,
      1,
      2,
    );
    const all = Array.from({ length: 20 }, (_, i) => batcher.add(i));
    await expect(Promise.all(all)).resolves.toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(most).toBe(2);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
  });
});
