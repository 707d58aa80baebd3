import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_COVERAGE_DIR } from './response-contract';

/**
 * Prints which operations of docs/openapi.json the run's responses were checked on, and which
 * none reached (their declared responses are then unchecked: a suite should call them).
 */
export default function globalTeardown(): void {
  const file = join(CONTRACT_COVERAGE_DIR, 'covered.jsonl');
  if (!existsSync(file)) return;
  const covered = new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => (JSON.parse(line) as { covered: string[] }).covered),
  );
  const doc = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'),
  ) as { paths: Record<string, Record<string, unknown>> };
  const all = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
  const uncovered = all.filter((key) => !covered.has(key));
  const lines = [
    `response contract: ${all.length - uncovered.length}/${all.length} operations checked`,
    ...uncovered.map((key) => `  not reached: ${key}`),
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
}
