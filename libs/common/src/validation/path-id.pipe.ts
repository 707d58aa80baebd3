import { PipeTransform } from '@nestjs/common';
import { NotFoundProblem } from '../errors';
import { isUuid } from './uuid';

/** A UUID in lower case, or null. */
export function parseUuid(value: string): string | null {
  return isUuid(value) ? value.toLowerCase() : null;
}

/**
 * The id of a resource in a path (docs/development.md, "Errors"): a value that cannot be such an
 * id names no resource, so it is the same `404 not-found` as a well-formed id that does not
 * exist, answered before the database sees it. `@Param('id', new PathIdPipe('Case'))`; `parse`
 * normalises the id (default: a UUID, lower-cased) or returns null.
 */
export class PathIdPipe implements PipeTransform<unknown, string> {
  constructor(
    private readonly what: string,
    private readonly parse: (value: string) => string | null = parseUuid,
  ) {}

  transform(value: unknown): string {
    const id = typeof value === 'string' ? this.parse(value) : null;
    if (id === null) throw new NotFoundProblem(this.what);
    return id;
  }
}
