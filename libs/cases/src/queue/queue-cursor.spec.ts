import fc from 'fast-check';
import { DomainException, PRIORITIES } from '@app/common';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';

describe('queue cursor', () => {
  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRIORITIES),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.uuid(),
        (priority, date, id) => {
          const createdAt = `${date.toISOString().replace('T', ' ').replace('Z', '')}123+00`;
          const cursor = { priority, createdAt, id };
          expect(decodeQueueCursor(encodeQueueCursor(cursor))).toEqual(cursor);
        },
      ),
    );
  });

  it('rejects anything else with a 400 problem', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          decodeQueueCursor(text);
          return false;
        } catch (error) {
          return error instanceof DomainException && error.status === 400;
        }
      }),
    );
    const forged = Buffer.from(JSON.stringify(['P9', '2025-01-01 00:00:00+00', 'x'])).toString(
      'base64url',
    );
    expect(() => decodeQueueCursor(forged)).toThrow(DomainException);
  });
});
