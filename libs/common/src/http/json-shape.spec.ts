import {
  isWellFormedText,
  jsonShapeWithin,
  jsonTextWellFormed,
  prototypeKeyPath,
} from './json-shape';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 1; i < depth; i++) value = { n: [value] }.n;
  return value;
};

describe('jsonShapeWithin', () => {
  it('accepts ordinary bodies and no body', () => {
    expect(jsonShapeWithin({ a: [{ b: 1 }, { c: 'x' }] })).toBe(true);
    expect(jsonShapeWithin(undefined)).toBe(true);
    expect(jsonShapeWithin(nested(16))).toBe(true);
  });

  it('rejects deep nesting without overflowing the stack', () => {
    expect(jsonShapeWithin(nested(17))).toBe(false);
    expect(jsonShapeWithin(nested(200_000))).toBe(false);
  });

  it('rejects bodies with too many values', () => {
    expect(jsonShapeWithin(new Array(20_000).fill(0))).toBe(false);
    expect(jsonShapeWithin(new Array(19_998).fill(0))).toBe(true);
  });
});

describe('jsonTextWellFormed', () => {
  it('accepts ordinary and astral text, rejects lone surrogates in values and keys', () => {
    expect(jsonTextWellFormed({ a: ['Айгерім', 'emoji 😀', 1, null] })).toBe(true);
    expect(jsonTextWellFormed({ a: { email: '\ud800' } })).toBe(false);
    expect(jsonTextWellFormed(['x\udfffy'])).toBe(false);
    expect(jsonTextWellFormed({ ['k\ud83d']: 1 })).toBe(false);
    expect(isWellFormedText('\ud83d\ude00')).toBe(true);
  });
});

describe('prototypeKeyPath', () => {
  it('finds __proto__, constructor and prototype keys at any depth, by field path', () => {
    expect(prototypeKeyPath(JSON.parse('{"__proto__": {"isAdmin": true}}'))).toBe('__proto__');
    expect(prototypeKeyPath(JSON.parse('{"reporter": {"constructor": 1}}'))).toBe(
      'reporter.constructor',
    );
    expect(prototypeKeyPath(JSON.parse('{"t": [{}, {"a": [{"prototype": null}]}]}'))).toBe(
      't[1].a[0].prototype',
    );
  });

  it('passes bodies without them, including such words as values or inside longer keys', () => {
    expect(
      prototypeKeyPath({ text: '__proto__', constructor_name: 'x', list: ['prototype'] }),
    ).toBe(null);
    expect(prototypeKeyPath(undefined)).toBeNull();
    expect(prototypeKeyPath([1, 'a', null])).toBeNull();
  });
});
