import { deriveKey, hmacSha256Hex } from '@app/common';

/**
 * Keyed hash of a normalised destination account (`type:value`). Phones and IBANs come from a
 * small space, so a plain hash could be reversed; the key is derived from the PII key.
 */
export function accountHasher(piiKey: Buffer): (type: string, value: string) => string {
  const key = deriveKey(piiKey, 'funds-account-hash');
  return (type, value) => hmacSha256Hex(key, `${type}:${value}`);
}
