/**
 * Gathers single calls into batches: `add` resolves with the item's own outcome once the
 * batch holding it has run. At most `parallel` batches run at once (each is the caller's own
 * transaction); while they do, new items wait and fill the next batch. A batch starts when a
 * slot is free and it is full, or `waitMs` after its first item.
 */
export class Batcher<T, R> {
  private pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = 0;

  constructor(
    /** Settles one outcome per item, in the items' order. */
    private readonly run: (items: T[]) => Promise<PromiseSettledResult<R>[]>,
    private readonly size: number,
    private readonly waitMs: number,
    private readonly parallel = 2,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.size) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.waitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // A busy batcher starts nothing: the batch goes on filling until a running one ends.
    if (this.running >= this.parallel || this.pending.length === 0) return;
    const batch = this.pending.splice(0, this.size);
    this.running++;
    this.run(batch.map((b) => b.item))
      .then((results) => {
        if (results.length !== batch.length) {
          throw new Error(`batch of ${batch.length} returned ${results.length} results`);
        }
        batch.forEach((b, i) => {
          const result = results[i];
          if (result.status === 'fulfilled') b.resolve(result.value);
          else b.reject(result.reason);
        });
      })
      .catch((error: unknown) => {
        for (const b of batch) b.reject(error);
      })
      .finally(() => {
        this.running--;
        this.flush();
      });
    if (this.pending.length > 0) this.flush();
  }
}
