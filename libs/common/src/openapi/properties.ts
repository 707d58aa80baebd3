import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * Property decorators for the value types the API carries as strings, so that each reads the
 * same in every schema (a money figure is never a bare `string`, a time never an `object`).
 */
export interface PropertyOptions {
  description?: string;
  example?: unknown;
  nullable?: boolean;
  /** false: the property may be absent (`@ApiPropertyOptional`). */
  required?: boolean;
}

/** What `Money.parse` accepts from a client: no sign, at most two decimals, ≤ 13 digits. */
export const MONEY_INPUT_PATTERN = '^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$';
/** What `Money.format` answers: always two decimals. */
export const MONEY_PATTERN = '^[0-9]+\\.[0-9]{2}$';

function property(schema: Record<string, unknown>, options: PropertyOptions): PropertyDecorator {
  const { required = true, ...rest } = options;
  const decorate = required ? ApiProperty : ApiPropertyOptional;
  return decorate({ ...schema, ...rest } as Parameters<typeof ApiProperty>[0]);
}

/** A money figure in a response: a decimal string with two places. */
export const ApiMoney = (options: PropertyOptions = {}) =>
  property({ type: 'string', pattern: MONEY_PATTERN, example: '150000.00' }, options);

/** A money amount a client sends (`@IsMoneyAmount`): > 0, at most two decimals. */
export const ApiMoneyInput = (options: PropertyOptions = {}) =>
  property({ type: 'string', pattern: MONEY_INPUT_PATTERN, example: '150000.00' }, options);

/** An ISO 8601 instant. */
export const ApiDateTime = (options: PropertyOptions = {}) =>
  property({ type: 'string', format: 'date-time', example: '2026-01-15T10:00:00.000Z' }, options);

/** A calendar date `YYYY-MM-DD`. */
export const ApiDate = (options: PropertyOptions = {}) =>
  property({ type: 'string', format: 'date', example: '2026-01-01' }, options);

export const ApiUuid = (options: PropertyOptions = {}) =>
  property({ type: 'string', format: 'uuid' }, options);

/** A plain string (explicit: `string | null` fields otherwise come out as `object`). */
export const ApiText = (
  options: PropertyOptions & { maxLength?: number; minLength?: number } = {},
) => property({ type: 'string' }, options);
