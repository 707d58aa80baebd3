import { DataSource } from 'typeorm';
import type { TestDeployment } from './test-app';

/** The audit log rows of one action, oldest first. */
export function auditRows(
  d: TestDeployment,
  action: string,
): Promise<Array<Record<string, unknown>>> {
  return d.api
    .get(DataSource)
    .query(`SELECT * FROM audit_log WHERE action = $1 ORDER BY id`, [action]);
}
