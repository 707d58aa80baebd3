/**
 * Calendar days from a date with ISO weekday `isoWeekday` (1 = Monday … 7 = Sunday) to the
 * date `n` business days (Monday–Friday) later. Public holidays are not modelled.
 */
export function businessDayOffset(isoWeekday: number, n: number): number {
  if (!Number.isInteger(isoWeekday) || isoWeekday < 1 || isoWeekday > 7) {
    throw new RangeError('isoWeekday must be 1..7');
  }
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let offset = 0;
  let weekday = isoWeekday;
  let left = n;
  while (left > 0) {
    offset += 1;
    weekday = (weekday % 7) + 1;
    if (weekday <= 5) left -= 1;
  }
  return offset;
}
