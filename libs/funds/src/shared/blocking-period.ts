import type { EntityManager } from 'typeorm';
import { queryOne as firstRow } from '@app/database';
import { businessDayOffset } from './business-days';

/**
 * `from` plus `days` business days, at the same local time in the reporting time zone. The
 * calendar arithmetic is PostgreSQL's (`AT TIME ZONE` with the IANA zone), so offsets and any
 * future rule change of the zone are handled by its tz database, not hard-coded here.
 */
export async function addBusinessDays(
  manager: EntityManager,
  from: Date,
  days: number,
  timeZone: string,
): Promise<Date> {
  const local = await firstRow<{ isodow: number }>(
    manager,
    `SELECT extract(isodow FROM ($1::timestamptz AT TIME ZONE $2))::int AS isodow`,
    [from, timeZone],
  );
  const offset = businessDayOffset(Number(local!.isodow), days);
  const result = await firstRow<{ at: Date }>(
    manager,
    `SELECT (($1::timestamptz AT TIME ZONE $2) + make_interval(days => $3)) AT TIME ZONE $2 AS at`,
    [from, timeZone, offset],
  );
  return result!.at;
}
