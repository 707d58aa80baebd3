import { dictionary } from '@zxcvbn-ts/language-common';
import { registerDecorator } from 'class-validator';
import type { ValidationArguments } from 'class-validator';

/**
 * Staff password rules after NIST SP 800-63B-4 §3.1.1.2 (and OWASP ASVS 5.0 V6.2): length only,
 * no composition rules, every character allowed, and a blocklist of common and breached
 * passwords. 15 is the NIST minimum for a password that is the only factor, as here.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;

/** ~49,000 passwords of public breach corpora, shipped by @zxcvbn-ts/language-common (MIT). */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** Every step +1 or every step -1 (digits wrap: `7890123`), like `abcdefghijklmno`. */
function isSequence(chars: string[]): boolean {
  const codes = chars.map((c) => c.codePointAt(0) ?? 0);
  const step = (a: number, b: number) => {
    const digits = a >= 48 && a <= 57 && b >= 48 && b <= 57;
    return digits ? (b - a + 10) % 10 : b - a;
  };
  const steps = codes.slice(1).map((c, i) => step(codes[i], c));
  return steps.every((s) => s === 1) || steps.every((s) => s === -1 || s === 9);
}

/**
 * Why a password may not be used, or null when it may. `email` adds the context rule: the
 * account's own email (or its local part) is among the first guesses of anyone who knows it.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const chars = [...password]; // code points: an emoji or a Kazakh letter is one character
  if (chars.length < PASSWORD_MIN_LENGTH) {
    return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (chars.length > PASSWORD_MAX_LENGTH) {
    return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  }
  if (password.trim() === '') return 'password must not be only spaces';
  const lower = password.toLowerCase();
  if (/^(.+?)\1+$/su.test(lower) || isSequence(chars)) {
    return 'password must not be a repeated or sequential pattern';
  }
  // A common password padded with digits, symbols or spaces is still that password.
  const core = lower.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');
  if (commonPasswords().has(lower) || commonPasswords().has(core)) {
    return 'password is too common (found in lists of breached passwords)';
  }
  const email = context.email?.trim().toLowerCase();
  const local = email?.split('@')[0] ?? '';
  // The whole address, or a password that is mostly its local part (`a.petrov-2026`); a short
  // name inside a long phrase (`admin` in `admin-password-123`) adds little for a guesser.
  const mostlyLocal =
    local.length >= 4 && lower.includes(local) && local.length * 2 >= chars.length;
  if (email && (lower.includes(email) || mostlyLocal)) {
    return 'password must not contain the email address';
  }
  return null;
}

/**
 * DTO check of `passwordProblem`; the object's `email` (when it has one) is the context. The
 * field error names the property (`password`) with the rule that failed.
 */
export function IsAcceptablePassword() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          typeof value === 'string' && passwordProblem(value, contextOf(args)) === null,
        defaultMessage: (args: ValidationArguments) =>
          typeof args.value === 'string'
            ? (passwordProblem(args.value, contextOf(args)) ?? 'password is not acceptable')
            : 'password must be a string',
      },
    });
}

function contextOf(args: ValidationArguments): { email?: string } {
  const email = (args.object as { email?: unknown }).email;
  return typeof email === 'string' ? { email } : {};
}
