/**
 * The one suspect identifier normaliser: two reports link when their normalised identifiers
 * match. It lives apart from identifiers.ts because it also needs the card finder of
 * card-text.ts, which itself builds on identifiers.ts.
 */
import { findCardNumbersInText } from './card-text';
import {
  cardLast4,
  isValidIban,
  maskCardLast4,
  maskKzPhone,
  normalizeCardNumber,
  normalizeCryptoWallet,
  normalizeEmail,
  normalizeIban,
  normalizeKzPhone,
  normalizeMessengerHandle,
  normalizeSocialProfile,
  normalizeUrlIdentifier,
} from './identifiers';
import type { NormalizedIdentifier, SuspectIdentifierType } from './identifiers';

const MAX_IDENTIFIER_LENGTH = 500;

function phoneIdentifier(value: string): NormalizedIdentifier | null {
  const phone = normalizeKzPhone(value);
  return phone === null ? null : { type: 'phone', value: phone, display: maskKzPhone(phone) };
}

function cardIdentifier(digits: string | null): NormalizedIdentifier | null {
  return digits === null
    ? null
    : { type: 'card', value: digits, display: maskCardLast4(cardLast4(digits)) };
}

function plain(type: SuspectIdentifierType, value: string | null): NormalizedIdentifier | null {
  return value === null ? null : { type, value, display: value };
}

/**
 * Normalises one suspect identifier, or null when the value is not a plausible identifier of
 * that type. A messenger "handle" that is a KZ phone number (WhatsApp, Telegram by number) is
 * returned as type `phone` so it links with the same number reported elsewhere.
 *
 * A value of any type that holds a card number (`4276380000001235@mail.kz`,
 * `t.me/4276380000001235`, `https://x.kz/pay/4276 3800 0000 1235`, a 16-digit "handle") is
 * returned as that card (DESIGN.md: kept like a card, last four digits and keyed hash, never
 * whole): the caller hashes the digits, so it links with the same card typed on its own. The
 * card is found as in free text (`findCardNumbersInText`: Luhn-valid runs of 13–19 digits,
 * groups joined by a space or dash, valid IBANs left alone); with several, the first one.
 */
export function normalizeSuspectIdentifier(
  type: SuspectIdentifierType,
  value: string,
): NormalizedIdentifier | null {
  if (typeof value !== 'string' || value.length > MAX_IDENTIFIER_LENGTH) return null;
  if (type === 'card') return cardIdentifier(normalizeCardNumber(value));
  const embedded = findCardNumbersInText(value);
  if (embedded.length > 0) return cardIdentifier(embedded[0].digits);
  switch (type) {
    case 'phone':
      return phoneIdentifier(value);
    case 'iban':
      return isValidIban(value) ? plain(type, normalizeIban(value)) : null;
    case 'url':
      return plain(type, normalizeUrlIdentifier(value));
    case 'messenger':
      return phoneIdentifier(value) ?? plain(type, normalizeMessengerHandle(value));
    case 'email':
      return plain(type, normalizeEmail(value));
    case 'crypto_wallet':
      return plain(type, normalizeCryptoWallet(value));
    case 'social_profile':
      return plain(type, normalizeSocialProfile(value));
    default: {
      const _exhaustive: never = type;
      return null;
    }
  }
}
