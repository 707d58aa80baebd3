import type { NextFunction, Request, Response } from 'express';
import { problem, PROBLEM_CONTENT_TYPE } from '../errors';

/** Far beyond any valid request body (a report is 3 levels, lists of 50), far below harm. */
export const JSON_SHAPE_LIMITS = { maxDepth: 16, maxNodes: 20_000 } as const;

/** A lone UTF-16 surrogate: JSON allows `"\\ud800"`, but it is not text and cannot be stored. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** True when every string (and every key) in a parsed JSON value is well-formed Unicode. */
export function jsonTextWellFormed(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) return false;
    } else if (Array.isArray(current)) {
      stack.push(...current);
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        if (!isWellFormedText(key)) return false;
        stack.push(child);
      }
    }
  }
  return true;
}

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
 * Keys that name JavaScript's object machinery. JSON.parse keeps them as plain own keys, but
 * class-transformer never copies them onto a DTO, so the validation pipe's whitelist never saw
 * them and a body holding one was accepted (DESIGN.md: unknown fields are a 400). No field of
 * any route has such a name, so they are refused wherever they appear.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/**
 * The path (`transactions[0].__proto__`, as validation errors name fields) of the first
 * prototype key in a parsed JSON value, or null. Iterative: call it on a bounded value only
 * (after `jsonShapeWithin`).
 */
export function prototypeKeyPath(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (Array.isArray(current)) {
      current.forEach((child, i) => stack.push([child, `${path}[${i}]`]));
    } else if (typeof current === 'object' && current !== null) {
      for (const key of Object.keys(current)) {
        const childPath = path === '' ? key : `${path}.${key}`;
        if (PROTOTYPE_KEYS.has(key)) return childPath;
        stack.push([(current as Record<string, unknown>)[key], childPath]);
      }
    }
  }
  return null;
}

/**
 * Express middleware, right after the JSON body parser: an absurdly deep or large body is a 400
 * before anything walks it recursively (the validation pipe would exhaust the stack: a 500), and
 * so is text with lone surrogates (validators may throw on it, storage would alter it).
 */
export function jsonShapeLimit(req: Request, res: Response, next: NextFunction): void {
  let detail: string;
  if (!jsonShapeWithin(req.body)) {
    detail =
      `The JSON body is nested deeper than ${JSON_SHAPE_LIMITS.maxDepth} levels or holds more ` +
      `than ${JSON_SHAPE_LIMITS.maxNodes} values`;
  } else if (!jsonTextWellFormed(req.body)) {
    // Checked after the shape, so the walk is bounded.
    detail = 'The JSON body contains text that is not valid Unicode (a lone surrogate escape)';
  } else {
    const field = prototypeKeyPath(req.body);
    if (field === null) return next();
    // The answer of the validation pipe for an unknown field, for every route and any depth.
    const key = field.slice(field.lastIndexOf('.') + 1);
    const errors = [{ field, message: `unknown field ${key} should not exist` }];
    res
      .status(400)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        JSON.stringify(
          problem(
            400,
            'validation-failed',
            '1 field(s) failed validation',
            { errors },
            'Validation failed',
          ),
        ),
      );
    return;
  }
  res
    .status(400)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem(400, 'bad-request', detail)));
}
