import { jsonShapeWithin } from './json-shape.guard';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

describe('jsonShapeWithin', () => {
  it('accepts ordinary bodies and primitives', () => {
    expect(jsonShapeWithin({ a: [{ b: 1 }, { c: 'x' }] })).toBe(true);
    expect(jsonShapeWithin(undefined)).toBe(true);
    expect(jsonShapeWithin(nested(15))).toBe(true);
  });

  it('rejects deep nesting without overflowing the stack itself', () => {
    expect(jsonShapeWithin(nested(16))).toBe(false);
    expect(jsonShapeWithin(nested(200_000))).toBe(false);
  });

  it('rejects bodies with too many values', () => {
    expect(jsonShapeWithin(new Array(20_000).fill(0))).toBe(false);
    expect(jsonShapeWithin(new Array(19_998).fill(0))).toBe(true);
  });
});
