import { UnrecoverableError } from 'bullmq';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '@app/common';

type Constructor<T> = new () => T;

/**
 * Validates job data like HTTP input. A malformed payload can never succeed, so it fails the
 * job for good (UnrecoverableError) instead of burning the retries.
 */
export function parseJobData<T extends object>(type: Constructor<T>, data: unknown): T {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UnrecoverableError('job data must be an object');
  }
  const instance = plainToInstance(type, data);
  // Unknown keys are dropped, not rejected: producers may add context (e.g. the outbox job id).
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    const fields = flattenValidationErrors(errors).map((e) => `${e.field}: ${e.message}`);
    throw new UnrecoverableError(`invalid job data: ${fields.join('; ')}`);
  }
  return instance;
}
