import { loadConfig } from '@app/config';
import { PiiService } from './pii.service';

const env = {
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
  JWT_SECRET: 'x'.repeat(40),
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('PiiService', () => {
  const pii = new PiiService(loadConfig(env));

  it('encrypts with a fresh IV and decrypts', () => {
    const a = pii.encrypt('+77011234567');
    expect(a).not.toBe(pii.encrypt('+77011234567'));
    expect(pii.decrypt(a)).toBe('+77011234567');
  });

  it('decrypts with a previous key after rotation', () => {
    const old = pii.encrypt('850512412347');
    const rotated = new PiiService(
      loadConfig({
        ...env,
        PII_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
        PII_KEY_ID: 'k2',
        PII_PREVIOUS_KEYS: `k1:${env.PII_ENCRYPTION_KEY}`,
      }),
    );
    expect(rotated.decrypt(old)).toBe('850512412347');
  });

  it('keeps hashes and blind indexes stable across a rotation; re-encryption is detectable', () => {
    const rotated = new PiiService(
      loadConfig({
        ...env,
        PII_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
        PII_KEY_ID: 'k2',
        PII_PREVIOUS_KEYS: `k1:${env.PII_ENCRYPTION_KEY}`,
      }),
    );
    expect(rotated.blindIndex('iin', '850512412347')).toBe(pii.blindIndex('iin', '850512412347'));
    expect(rotated.cardHash('4111111111111111')).toBe(pii.cardHash('4111111111111111'));
    expect(rotated.verifyAccessCode('ABCD2345EFGH', pii.hashAccessCode('ABCD2345EFGH'))).toBe(true);
    const old = pii.encrypt('x');
    expect(rotated.needsReencryption(old)).toBe(true);
    expect(rotated.needsReencryption(rotated.encrypt('x'))).toBe(false);
    expect(pii.needsReencryption(old)).toBe(false);
  });

  it('rejects a hash key id that is not configured', () => {
    expect(() => loadConfig({ ...env, PII_HASH_KEY_ID: 'zz' })).toThrow(/PII_HASH_KEY_ID/);
  });

  it('gives stable, kind-separated blind indexes and card hashes', () => {
    expect(pii.blindIndex('phone', '+77011234567')).toBe(pii.blindIndex('phone', '+77011234567'));
    expect(pii.blindIndex('phone', '1')).not.toBe(pii.blindIndex('iin', '1'));
    expect(pii.cardHash('4111111111111111')).toMatch(/^[0-9a-f]{64}$/);
    expect(pii.cardHash('4111111111111111')).not.toBe(pii.blindIndex('card', '4111111111111111'));
  });

  it('verifies access codes against their hash only', () => {
    const hash = pii.hashAccessCode('ABCD2345EFGH');
    expect(hash).not.toContain('ABCD');
    expect(pii.verifyAccessCode('ABCD2345EFGH', hash)).toBe(true);
    expect(pii.verifyAccessCode('ABCD2345EFGJ', hash)).toBe(false);
    expect(pii.verifyAccessCode('', hash)).toBe(false);
  });
});
