/**
 * `@Transform(toInt)` for query-string integers: `"25"` becomes 25; anything else is left as it
 * is, so `@IsInt()` (and `@Min`/`@Max`) report it instead of a silent NaN.
 */
export const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
