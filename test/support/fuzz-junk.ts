/** Junk for the route fuzz: payload kinds, bad path segments, query strings and values. */
import type { SchemaObject } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';

export type Payload =
  | { kind: 'none' }
  | { kind: 'raw'; contentType: string; text: string }
  | { kind: 'multipart'; field: string; filename: string; contentType: string; data: Buffer };

export const json = (value: unknown): Payload => ({
  kind: 'raw',
  contentType: 'application/json',
  text: JSON.stringify(value) ?? 'null',
});
export const rawJson = (text: string): Payload => ({
  kind: 'raw',
  contentType: 'application/json',
  text,
});

export const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…(${s.length})` : s);

const LONG = 'x'.repeat(10_000);
/** Path segments, already percent-encoded (`%00` raw on purpose, and a broken escape). */
export const PATH_JUNK: Array<[string, string]> = [
  ['x', 'x'],
  ['0', '0'],
  ['-1', '-1'],
  ['sql', encodeURIComponent("' OR 1=1 --")],
  ['10k', LONG],
  ['unknown-uuid', randomUUID()],
  ['upper-uuid', randomUUID().toUpperCase()],
  ['nil-uuid', '00000000-0000-0000-0000-000000000000'],
  ['uuid+junk', `${randomUUID()}x`],
  ['unicode', encodeURIComponent('ключ💸\u202e')],
  ['%00', '%00'],
  ['bad-escape', '%E0%A4%A'],
  ['dots', '..'],
  ['1e400', '1e400'],
];

export const QUERY_JUNK: string[] = [
  'limit=-1',
  'limit=abc',
  'limit=1e999',
  'limit=99999999999999999999',
  'limit=1&limit=2',
  'from=2026-13-45',
  'from=2026-02-30&to=2026-03-01',
  'from=2026-05-01&to=2026-01-01',
  'from=0001-01-01&to=9999-12-31',
  'from=2026-01-01T00:00:00Z',
  'status=a&status=b',
  'status=open&status=closed',
  'status=,,,',
  'by=nope',
  'format=xml',
  'cursor=garbage',
  `cursor=${Buffer.from('{"p":"P9","t":"x","id":"y"}').toString('base64url')}`,
  `cursor=${'A'.repeat(400)}`,
  'region[]=astana',
  'region[a]=b',
  'assignee=%00',
  'priority=P1&priority=P1',
  'slaBreached=maybe',
  'value=',
  `value=${'9'.repeat(600)}`,
  'expiringWithinDays=-5',
  'unknownParam=1',
  '%E0%A4%A=1',
];

/** Values a query param of the document gets, whatever its declared type. */
export const QUERY_VALUE_JUNK: string[] = [
  '',
  'abc',
  '-1',
  '0',
  '1.5',
  '1e999',
  '99999999999999999999',
  '2026-13-45',
  'NaN',
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('ключ💸'),
  '%00',
  'x'.repeat(2000),
];

export const STRING_JUNK = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-1.00',
  '0.001',
  '1.005',
  '-0.00',
  '1e5',
  '99999999999999999999999.99',
  ' 1.00 ',
  '1,00',
  '',
  '\u0000',
  '2026-13-45T99:99:99Z',
  '+275760-09-13T00:00:00.000Z',
  "' OR 1=1 --",
  '💸'.repeat(3000),
];

export const NUMBER_JUNK = [
  1e308,
  -1e308,
  2 ** 64,
  Number.MAX_SAFE_INTEGER + 2,
  -1,
  0.5,
  0,
  5e-324,
];

/** Deep nesting is spliced into the JSON text: JSON.stringify would overflow the stack. */
export const deepJson = (depth: number) => '{"n":['.repeat(depth) + '1' + ']}'.repeat(depth);

/** Values of the wrong JSON type for a field of the schema. */
export function wrongTypes(s: SchemaObject): unknown[] {
  switch (s.type) {
    case 'string':
      return [12345, true, ['a'], { a: 1 }];
    case 'integer':
    case 'number':
      return ['12', 'abc', true, [1], 1.5];
    case 'boolean':
      return ['true', 1, null];
    case 'array':
      return ['a', { 0: 'a' }, [null, 1, 'x']];
    case 'object':
      return ['x', [], 1];
    default:
      return [{ a: [] }, 'x', 1];
  }
}
