import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  decryptPii,
  deriveKey,
  encryptPii,
  hmacSha256Hex,
  timingSafeEqualHex,
} from '../domain/crypto';

/**
 * Personal data at rest: AES-256-GCM encryption (key rotation through PII_PREVIOUS_KEYS),
 * keyed blind indexes for lookups, and keyed hashes for card numbers and access codes. Every
 * key is derived with its own HKDF purpose: encryption from the current PII_ENCRYPTION_KEY,
 * hashing from the hash key (docs/access.md, "Key rotation").
 */
@Injectable()
export class PiiService {
  private readonly keyId: string;
  private readonly encryptionKey: Buffer;
  private readonly decryptionKeys: Map<string, Buffer>;
  private readonly blindIndexKey: Buffer;
  private readonly cardHashKey: Buffer;
  private readonly accessCodeKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { piiKey, piiKeyId, piiPreviousKeys, piiHashKeyId } = config.secrets;
    this.keyId = piiKeyId;
    this.encryptionKey = deriveKey(piiKey, 'pii-enc');
    this.decryptionKeys = new Map([[piiKeyId, this.encryptionKey]]);
    for (const [id, key] of piiPreviousKeys) {
      if (!this.decryptionKeys.has(id)) this.decryptionKeys.set(id, deriveKey(key, 'pii-enc'));
    }
    // Hashes and blind indexes must stay stable across rotations, and card hashes and access
    // codes cannot be recomputed (their plaintext is gone), so they use the hash key
    // (PII_HASH_KEY_ID: by default the oldest configured key), not the current one.
    const hashMaster = piiHashKeyId === piiKeyId ? piiKey : piiPreviousKeys.get(piiHashKeyId);
    if (!hashMaster) throw new RangeError(`PII hash key "${piiHashKeyId}" is not configured`);
    this.blindIndexKey = deriveKey(hashMaster, 'blind-index');
    this.cardHashKey = deriveKey(hashMaster, 'card-hash');
    this.accessCodeKey = deriveKey(hashMaster, 'access-code');
  }

  encrypt(plaintext: string): string {
    return encryptPii(this.keyId, this.encryptionKey, plaintext);
  }

  /** True when a stored token was written under an older key (re-encrypt it after rotation). */
  needsReencryption(token: string): boolean {
    return token.split('.', 3)[1] !== this.keyId;
  }

  /** Throws PiiDecryptionError for a token no configured key can open. */
  decrypt(token: string): string {
    return decryptPii(this.decryptionKeys, token);
  }

  /** Deterministic keyed index of an already-normalised value (e.g. E.164 phone, IIN). */
  blindIndex(kind: string, normalized: string): string {
    return hmacSha256Hex(this.blindIndexKey, `${kind}:${normalized}`);
  }

  /** Keyed hash of a card number's digits: what links cards without storing them. */
  cardHash(digits: string): string {
    return hmacSha256Hex(this.cardHashKey, digits);
  }

  hashAccessCode(code: string): string {
    return hmacSha256Hex(this.accessCodeKey, code);
  }

  /** Constant-time comparison against a stored hash. */
  verifyAccessCode(code: string, storedHash: string): boolean {
    return timingSafeEqualHex(this.hashAccessCode(code), storedHash);
  }
}
