import { randomBytes } from 'node:crypto';

/** 32 symbols without the look-alikes 0/O and 1/I: 5 bits each, 12 symbols = 60 bits. */
export const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const ACCESS_CODE_LENGTH = 12;

const ACCESS_CODE_PATTERN = new RegExp(`^[${ACCESS_CODE_ALPHABET}]{${ACCESS_CODE_LENGTH}}$`);

/** A fresh one-time access code; 256 is a multiple of 32, so `byte & 31` is unbiased. */
export function generateAccessCode(): string {
  const bytes = randomBytes(ACCESS_CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += ACCESS_CODE_ALPHABET[byte & 31];
  return code;
}

/**
 * What the citizen typed, as it was issued: upper-case, without spaces or dashes. Null when it
 * cannot be a code; callers still spend the time of a comparison so both cases look alike.
 */
export function normalizeAccessCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return ACCESS_CODE_PATTERN.test(code) ? code : null;
}
