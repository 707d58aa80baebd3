import type { EntityManager } from 'typeorm';
import { queryOne } from '@app/database';

/**
 * Next `CY-YYYY-NNNNNN` for the current year in the reporting time zone. The counter row is
 * locked until the caller's transaction ends, so numbers are gap-free and never repeat.
 */
export async function nextCaseNumber(manager: EntityManager, timeZone: string): Promise<string> {
  const row = await queryOne<{ year: number; last_value: number }>(
    manager,
    `INSERT INTO case_counters (year, last_value)
     VALUES (EXTRACT(YEAR FROM now() AT TIME ZONE $1)::int, 1)
     ON CONFLICT (year) DO UPDATE SET last_value = case_counters.last_value + 1
     RETURNING year, last_value`,
    [timeZone],
  );
  if (!row) throw new Error('case counter returned no row');
  return formatCaseNumber(row.year, row.last_value);
}

export function formatCaseNumber(year: number, value: number): string {
  return `CY-${year}-${String(value).padStart(6, '0')}`;
}
