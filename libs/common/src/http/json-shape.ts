import type { NextFunction, Request, Response } from 'express';
import { problem, PROBLEM_CONTENT_TYPE } from '../errors';

/** Far beyond any valid request body (a report is 3 levels, lists of 50), far below harm. */
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
 * Express middleware, right after the JSON body parser: an absurdly deep or large body is a 400
 * before anything walks it recursively (the validation pipe would exhaust the stack: a 500).
 */
export function jsonShapeLimit(req: Request, res: Response, next: NextFunction): void {
  if (jsonShapeWithin(req.body)) return next();
  const detail =
    `The JSON body is nested deeper than ${JSON_SHAPE_LIMITS.maxDepth} levels or holds more ` +
    `than ${JSON_SHAPE_LIMITS.maxNodes} values`;
  res
    .status(400)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem(400, 'bad-request', detail)));
}
