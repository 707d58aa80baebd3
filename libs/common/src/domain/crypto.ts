import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** Purposes for `deriveKey`; one master key yields an independent key per purpose. */
export const KEY_PURPOSES = ['pii-enc', 'blind-index', 'card-hash', 'access-code'] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

export class PiiDecryptionError extends Error {
  readonly code = 'PII_DECRYPTION';

  constructor(message: string) {
    super(message);
    this.name = 'PiiDecryptionError';
  }
}

const TOKEN_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const MIN_MASTER_BYTES = 32;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;
const HEX_PATTERN = /^(?:[0-9a-fA-F]{2})*$/;
// Fixed, application-specific HKDF salt: the master key is already high-entropy.
const HKDF_SALT = Buffer.from('fraud-intake/hkdf/v1', 'utf8');

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmacSha256Hex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests; false for malformed or different-length input. */
export function timingSafeEqualHex(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (a.length !== b.length || !HEX_PATTERN.test(a) || !HEX_PATTERN.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

/** HKDF-SHA256 of the master key, 32 bytes, with the purpose as HKDF info. */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  if (master.length < MIN_MASTER_BYTES) {
    throw new RangeError(`master key must be at least ${MIN_MASTER_BYTES} bytes`);
  }
  if (purpose.length === 0) throw new RangeError('key purpose must not be empty');
  return Buffer.from(
    hkdfSync('sha256', master, HKDF_SALT, Buffer.from(purpose, 'utf8'), KEY_BYTES),
  );
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`encryption key must be ${KEY_BYTES} bytes`);
}

// The version and key id are bound as associated data, so relabelling a token fails to decrypt.
function associatedData(keyId: string): Buffer {
  return Buffer.from(`${TOKEN_VERSION}.${keyId}`, 'utf8');
}

/** AES-256-GCM: `v1.<keyId>.<iv>.<tag>.<ciphertext>`, each part base64url. */
export function encryptPii(keyId: string, key: Buffer, plaintext: string): string {
  if (!KEY_ID_PATTERN.test(keyId)) {
    throw new RangeError('key id must be 1–64 characters of A–Z, a–z, 0–9, "_" or "-"');
  }
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(keyId));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    TOKEN_VERSION,
    keyId,
    iv.toString('base64url'),
    tag.toString('base64url'),
    ciphertext.toString('base64url'),
  ].join('.');
}

function decodePart(part: string, name: string): Buffer {
  if (!BASE64URL_PATTERN.test(part)) throw new PiiDecryptionError(`malformed ${name}`);
  return Buffer.from(part, 'base64url');
}

/** Reverses `encryptPii` with the key named in the token; throws PiiDecryptionError otherwise. */
export function decryptPii(keys: ReadonlyMap<string, Buffer>, token: string): string {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 5 || parts[0] !== TOKEN_VERSION) {
    throw new PiiDecryptionError('not a v1 encrypted value');
  }
  const [, keyId, ivPart, tagPart, ciphertextPart] = parts;
  const key = keys.get(keyId);
  if (key === undefined) throw new PiiDecryptionError(`unknown key id "${keyId}"`);
  assertKey(key);
  const iv = decodePart(ivPart, 'iv');
  const tag = decodePart(tagPart, 'tag');
  const ciphertext = decodePart(ciphertextPart, 'ciphertext');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new PiiDecryptionError('malformed iv or tag');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(keyId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new PiiDecryptionError('encrypted value failed authentication');
  }
}
