import fc from 'fast-check';
import { DomainException } from '@app/common';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor';

describe('timeline cursor', () => {
  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.bigInt({ min: 1n, max: 999_999_999_999_999_999n }),
        (date, id) => {
          const at = `${date.toISOString().replace('T', ' ').replace('Z', '')}123+00`;
          const cursor = { at, id: id.toString() };
          expect(decodeTimelineCursor(encodeTimelineCursor(cursor))).toEqual(cursor);
        },
      ),
    );
  });

  const rejects = (text: string) => {
    try {
      decodeTimelineCursor(text);
      return false;
    } catch (error) {
      return error instanceof DomainException && error.status === 400;
    }
  };

  it('rejects anything else with a 400 problem', () => {
    fc.assert(fc.property(fc.string(), rejects));
  });

  it('rejects ids that are not a positive bigint and malformed times', () => {
    const at = '2026-12-02 06:00:00.123456+00';
    for (const bad of [
      [at, '0'],
      [at, '-1'],
      [at, '1e3'],
      [at, '12345678901234567890'],
      [at, 5],
      ['yesterday', '1'],
      [at],
    ]) {
      expect(rejects(Buffer.from(JSON.stringify(bad)).toString('base64url'))).toBe(true);
    }
  });
});
