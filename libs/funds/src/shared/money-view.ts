import { Money } from '@app/common';

/** A bigint-tiyn column as pg returns it (text) to the API's decimal string. */
export function money(value: string | bigint | number | null | undefined): string {
  return Money.format(value === null || value === undefined ? 0n : Money.fromDb(value));
}
