/** fast-check bodies for a write route: each known field absent, plausible, the base value or junk. */
import type { SchemaObject } from '@nestjs/swagger';
import fc from 'fast-check';
import type { FuzzFixtures } from './fuzz-fixtures';
import { NUMBER_JUNK, STRING_JUNK } from './fuzz-junk';
import { bodyFields, Route } from './openapi-routes';

/** One junk value: JSON of any shape, known-bad strings and numbers, dates, huge integers. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...STRING_JUNK, ...NUMBER_JUNK) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((x) => x.toISOString()) },
  { weight: 1, arbitrary: fc.bigInt().map((n) => n.toString()) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.nat(999))
      .map(([a, b]) => `${a}.${b}`),
  },
);

/** JSON text of a body for the route, sometimes with unknown keys added. */
export function fuzzBody(route: Route, fx: FuzzFixtures): fc.Arbitrary<string> {
  const fs = bodyFields(route);
  if (!fs.length) return fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
  const base = fx.plausibleBody(route);
  const value = (k: string, s: SchemaObject) =>
    fc.option(fc.oneof(fc.constant(fx.plausible(k, s)), fc.constant(base[k]), junkValue), {
      nil: undefined,
    });
  return fc
    .tuple(
      fc.record(Object.fromEntries(fs.map(([k, s]) => [k, value(k, s)]))),
      fc.option(fc.dictionary(fc.string({ maxLength: 12 }), junkValue, { maxKeys: 2 }), {
        nil: undefined,
        freq: 4,
      }),
    )
    .map(([known, extra]) => JSON.stringify({ ...known, ...extra }));
}
