import { DomainException } from '../errors';
import { PathIdPipe } from './path-id.pipe';

describe('PathIdPipe', () => {
  const pipe = new PathIdPipe('Case');

  it('passes UUIDs through, lower-cased', () => {
    const id = 'A0B1C2D3-0000-4000-8000-00000000000F';
    expect(pipe.transform(id)).toBe(id.toLowerCase());
  });

  it.each(['x', '0', '-1', "' OR 1=1 --", 'x'.repeat(10_000), '\u0000', `${'a'.repeat(36)}`])(
    'answers %p with a 404 not-found',
    (value) => {
      let thrown: unknown;
      try {
        pipe.transform(value);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(DomainException);
      expect(thrown).toMatchObject({ status: 404, code: 'not-found', title: 'Case not found' });
    },
  );

  it('uses the given parser', () => {
    const reference = new PathIdPipe('Report', (v) => (/^FR-\d{4}-\d{6}$/.test(v) ? v : null));
    expect(reference.transform('FR-2025-000001')).toBe('FR-2025-000001');
    expect(() => reference.transform('nope')).toThrow(DomainException);
  });
});
