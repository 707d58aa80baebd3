import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException, FieldError } from '../errors';

/** Flattens nested class-validator errors into `transactions[0].amount` style paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({ field: path, message: message.replace(/^property /, 'unknown field ') });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

export class RequestValidationException extends DomainException {
  constructor(errors: FieldError[]) {
    super(
      'validation-failed',
      HttpStatus.BAD_REQUEST,
      'Validation failed',
      `${errors.length} field(s) failed validation`,
      { errors },
    );
  }
}

/** Whitelist, reject unknown fields, transform; each failure reported by dotted path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}
