import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { BadRequestProblem } from '@app/common';

/** Far beyond any valid report (depth 3, lists of 50), far below what could hurt. */
export const JSON_SHAPE_LIMITS = { maxDepth: 16, maxNodes: 20_000 } as const;

/**
 * Measures a parsed JSON value without recursion: depth and the number of values. Returns
 * false as soon as a limit is passed.
 */
export function jsonShapeWithin(
  value: unknown,
  limits: { maxDepth: number; maxNodes: number } = JSON_SHAPE_LIMITS,
): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    nodes += 1;
    if (nodes > limits.maxNodes || depth > limits.maxDepth) return false;
    if (typeof current === 'object' && current !== null) {
      const children = Array.isArray(current) ? current : Object.values(current);
      for (const child of children) stack.push([child, depth + 1]);
    }
  }
  return true;
}

/**
 * Rejects absurdly deep or large JSON before the validation pipe turns it into class
 * instances: transforming such a body recursively could exhaust the stack (a 500) or the CPU.
 */
@Injectable()
export class JsonShapeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const body: unknown = context.switchToHttp().getRequest<Request>().body;
    if (!jsonShapeWithin(body)) {
      throw new BadRequestProblem(
        `The JSON body is nested deeper than ${JSON_SHAPE_LIMITS.maxDepth} levels or holds more ` +
          `than ${JSON_SHAPE_LIMITS.maxNodes} values`,
      );
    }
    return true;
  }
}
