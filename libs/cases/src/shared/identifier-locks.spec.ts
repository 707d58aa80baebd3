import fc from 'fast-check';
import { SUSPECT_TYPES } from '@app/common';
import { identifierLockKey, identifierLockKeys } from './identifier-locks';

describe('identifier lock keys', () => {
  const id = fc.record({ type: fc.constantFrom(...SUSPECT_TYPES), value: fc.string() });

  it('are deterministic signed 64-bit integers', () => {
    fc.assert(
      fc.property(id, (i) => {
        const key = identifierLockKey(i);
        return key === identifierLockKey({ ...i }) && key >= -(2n ** 63n) && key < 2n ** 63n;
      }),
    );
  });

  it('come out distinct and sorted whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 20 }), (ids) => {
        const keys = identifierLockKeys(ids);
        const reversed = identifierLockKeys([...ids].reverse());
        return (
          keys.every((k, n) => n === 0 || keys[n - 1] < k) &&
          keys.length === reversed.length &&
          keys.every((k, n) => k === reversed[n])
        );
      }),
    );
  });

  it('separates types that share a value', () => {
    expect(identifierLockKey({ type: 'phone', value: 'x' })).not.toBe(
      identifierLockKey({ type: 'email', value: 'x' }),
    );
  });
});
