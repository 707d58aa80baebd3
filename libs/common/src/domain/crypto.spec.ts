import { randomBytes } from 'node:crypto';

import fc from 'fast-check';

import {
  decryptPii,
  deriveKey,
  encryptPii,
  hmacSha256Hex,
  KEY_PURPOSES,
  PiiDecryptionError,
  sha256Hex,
  timingSafeEqualHex,
} from './crypto';

const master = Buffer.alloc(32, 7);
const key = deriveKey(master, 'pii-enc');
const keys = new Map([['k1', key]]);

/** Flips one bit of one decoded part (iv, tag or ciphertext) and re-encodes the token. */
function flipBit(token: string, part: number, bit: number): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  const index = bit % (bytes.length * 8);
  bytes[index >> 3] ^= 1 << (index & 7);
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('hashing', () => {
  it('computes HMAC-SHA256 and SHA-256 as hex (RFC 4231 case 2)', () => {
    expect(hmacSha256Hex(Buffer.from('Jefe'), 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('compares hex digests in constant time and rejects malformed input', () => {
    const digest = hmacSha256Hex(key, 'value');
    expect(timingSafeEqualHex(digest, digest)).toBe(true);
    expect(timingSafeEqualHex(digest, digest.toUpperCase())).toBe(true);
    expect(timingSafeEqualHex(digest, hmacSha256Hex(key, 'other'))).toBe(false);
    expect(timingSafeEqualHex(digest, digest.slice(2))).toBe(false);
    expect(timingSafeEqualHex('zz', 'zz')).toBe(false);
    expect(timingSafeEqualHex('abc', 'abc')).toBe(false);
  });
});

describe('deriveKey', () => {
  it('derives distinct, stable 32-byte keys per purpose', () => {
    const derived = KEY_PURPOSES.map((purpose) => deriveKey(master, purpose));
    for (const k of derived) expect(k).toHaveLength(32);
    expect(new Set(derived.map((k) => k.toString('hex'))).size).toBe(KEY_PURPOSES.length);
    expect(deriveKey(master, 'pii-enc').equals(key)).toBe(true);
    expect(deriveKey(Buffer.alloc(32, 8), 'pii-enc').equals(key)).toBe(false);
  });

  it('refuses short master keys and empty purposes', () => {
    expect(() => deriveKey(Buffer.alloc(16), 'pii-enc')).toThrow(RangeError);
    expect(() => deriveKey(master, '')).toThrow(RangeError);
  });
});

describe('encryptPii / decryptPii', () => {
  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (plaintext) => {
        const token = encryptPii('k1', key, plaintext);
        expect(token).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/);
        expect(decryptPii(keys, token)).toBe(plaintext);
      }),
    );
  });

  it('uses a fresh IV each time', () => {
    expect(encryptPii('k1', key, '900101300007')).not.toBe(encryptPii('k1', key, '900101300007'));
  });

  it('fails when any bit of the iv, tag or ciphertext changes', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 50 }),
        fc.constantFrom(2, 3, 4),
        fc.nat(),
        (plaintext, part, bit) => {
          const tampered = flipBit(encryptPii('k1', key, plaintext), part, bit);
          expect(() => decryptPii(keys, tampered)).toThrow(PiiDecryptionError);
        },
      ),
    );
  });

  it('fails on an unknown key id, a relabelled token or the wrong key', () => {
    const token = encryptPii('k1', key, 'secret');
    expect(() => decryptPii(new Map([['k2', key]]), token)).toThrow('unknown key id');
    const relabelled = token.replace('v1.k1.', 'v1.k2.');
    expect(() => decryptPii(new Map([['k2', key]]), relabelled)).toThrow(PiiDecryptionError);
    expect(() => decryptPii(new Map([['k1', randomBytes(32)]]), token)).toThrow(PiiDecryptionError);
  });

  it('rejects malformed tokens and bad arguments', () => {
    for (const token of ['', 'v1', 'v2.k1.a.b.c', 'v1.k1.a.b.c.d', 'v1.k1.!!.b.c']) {
      expect(() => decryptPii(keys, token)).toThrow(PiiDecryptionError);
    }
    expect(() => encryptPii('bad.id', key, 'x')).toThrow(RangeError);
    expect(() => encryptPii('k1', Buffer.alloc(16), 'x')).toThrow(RangeError);
  });

  it('supports key rotation by id', () => {
    const newKey = randomBytes(32);
    const rotated = new Map([
      ['k1', key],
      ['k2', newKey],
    ]);
    const oldToken = encryptPii('k1', key, 'old');
    const newToken = encryptPii('k2', newKey, 'new');
    expect(decryptPii(rotated, oldToken)).toBe('old');
    expect(decryptPii(rotated, newToken)).toBe('new');
  });
});
