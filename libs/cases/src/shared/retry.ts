import { isRetryableDbError } from '@app/database';

/**
 * Thrown inside a transaction when a row it decided on changed before it could be locked (a
 * case closed or merged meanwhile): the whole transaction is run again on fresh data.
 */
export class StaleReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaleReadError';
  }
}

/** Runs `work` (one transaction) again on deadlocks, unique races and stale reads. */
export async function withTransactionRetries<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const retryable = error instanceof StaleReadError || isRetryableDbError(error);
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
