/**
 * Suspect identifier normalisation: two reports link when their normalised identifiers match,
 * so every rule here decides which complaints end up in one case.
 */

export const SUSPECT_IDENTIFIER_TYPES = [
  'phone',
  'card',
  'iban',
  'url',
  'messenger',
  'email',
  'crypto_wallet',
  'social_profile',
] as const;
export type SuspectIdentifierType = (typeof SUSPECT_IDENTIFIER_TYPES)[number];

export type AccountType = 'iban' | 'card' | 'phone';

export interface NormalizedIdentifier {
  type: SuspectIdentifierType;
  /** Normalised value; for cards the full digits, which the caller must hash and never store. */
  value: string;
  /** Safe to show and log: cards and phones are masked. */
  display: string;
}

// ---------------------------------------------------------------------------------------------
// Phones

const KZ_E164_PATTERN = /^\+7[67][0-9]{9}$/;
const PHONE_CHARS_PATTERN = /^\+?[0-9\s().-]+$/;

/**
 * Kazakhstan numbers to E.164 (`+7` and ten digits, the first 6 or 7). Accepts the common
 * spellings: `8 701 123 45 67`, `+7 (701) 123-45-67`, `87011234567`, `77011234567`,
 * `+77011234567` and the bare ten-digit `7011234567`.
 */
export function normalizeKzPhone(input: string): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 32 || !PHONE_CHARS_PATTERN.test(trimmed)) {
    return null;
  }
  const hasPlus = trimmed.startsWith('+');
  const digits = trimmed.replace(/[^0-9]/g, '');
  let national: string | null = null;
  if (digits.length === 11 && digits.startsWith('7')) {
    national = digits.slice(1);
  } else if (!hasPlus && digits.length === 11 && digits.startsWith('8')) {
    national = digits.slice(1);
  } else if (!hasPlus && digits.length === 10) {
    national = digits;
  }
  if (national === null) return null;
  const e164 = `+7${national}`;
  return KZ_E164_PATTERN.test(e164) ? e164 : null;
}

/** `+77011234567` -> `+7701***4567`. */
export function maskKzPhone(e164: string): string {
  return `${e164.slice(0, 5)}***${e164.slice(-4)}`;
}

// ---------------------------------------------------------------------------------------------
// IBAN (ISO 13616)

const IBAN_GENERIC_PATTERN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/;
// KZ: 2!n check digits, 3!n bank code, 13!c account.
const IBAN_KZ_PATTERN = /^KZ[0-9]{2}[0-9]{3}[A-Z0-9]{13}$/;

/** Upper-case without whitespace; formatting only, see `isValidIban` for validity. */
export function normalizeIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** ISO 7064 mod 97-10 over the rearranged IBAN; letters count as 10..35. */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

export function isValidIban(input: string): boolean {
  if (typeof input !== 'string' || input.length > 64) return false;
  const iban = normalizeIban(input);
  if (!IBAN_GENERIC_PATTERN.test(iban)) return false;
  if (iban.startsWith('KZ') && !IBAN_KZ_PATTERN.test(iban)) return false;
  return ibanMod97(iban) === 1;
}

// ---------------------------------------------------------------------------------------------
// Cards

const CARD_INPUT_PATTERN = /^[0-9][0-9 -]*[0-9]$/;

function cardDigits(input: string): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (trimmed.length > 40 || !CARD_INPUT_PATTERN.test(trimmed)) return null;
  const digits = trimmed.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 ? digits : null;
}

export function luhnValid(digits: string): boolean {
  let total = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total % 10 === 0;
}

/** 13–19 digits passing Luhn; spaces and dashes between digits are allowed. */
export function isValidCardNumber(input: string): boolean {
  const digits = cardDigits(input);
  return digits !== null && luhnValid(digits);
}

/** Digits only when the card number is valid, else null. */
export function normalizeCardNumber(input: string): string | null {
  const digits = cardDigits(input);
  return digits !== null && luhnValid(digits) ? digits : null;
}

/** Last four digits of a card number (formatting ignored). */
export function cardLast4(input: string): string {
  const digits = input.replace(/[^0-9]/g, '');
  if (digits.length < 4) {
    throw new RangeError('card number has fewer than four digits');
  }
  return digits.slice(-4);
}

export function maskCardLast4(last4: string): string {
  return `**** **** **** ${last4}`;
}

// ---------------------------------------------------------------------------------------------
// URLs and social profiles

const SCHEME_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;
const HOST_LABEL_PATTERN = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD_PATTERN = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const IPV4_PATTERN =
  /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/;

/**
 * Hosts shared by many unrelated users. Linking by host alone would merge every complaint
 * that mentions Instagram into one case, so for these the identifier keeps the path.
 */
export const SHARED_PLATFORM_HOSTS: readonly string[] = [
  'instagram.com',
  'facebook.com',
  'fb.com',
  'vk.com',
  'ok.ru',
  'tiktok.com',
  'youtube.com',
  'youtu.be',
  'x.com',
  'twitter.com',
  't.me',
  'telegram.me',
  'wa.me',
  'api.whatsapp.com',
  'linkedin.com',
  'threads.net',
  'olx.kz',
  'krisha.kz',
  'kolesa.kz',
  'market.kz',
  'avito.ru',
  'bit.ly',
  'tinyurl.com',
  'clck.ru',
  'forms.gle',
  'docs.google.com',
  'sites.google.com',
];

interface ParsedUrl {
  host: string;
  path: string;
}

function parseUrl(input: string): ParsedUrl | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 2048 || /\s/.test(trimmed)) return null;
  const withScheme = SCHEME_PATTERN.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  if (!isPlausibleHost(host)) return null;
  return { host, path: url.pathname };
}

function isPlausibleHost(host: string): boolean {
  if (IPV4_PATTERN.test(host)) return true;
  if (host.length > 253) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => HOST_LABEL_PATTERN.test(label))) return false;
  return TLD_PATTERN.test(labels[labels.length - 1]);
}

/** Lower-cased host without `www.`; input may omit the scheme. Null without a plausible host. */
export function normalizeUrl(input: string): string | null {
  return parseUrl(input)?.host ?? null;
}

function sharedPlatform(host: string): string | null {
  return (
    SHARED_PLATFORM_HOSTS.find((shared) => host === shared || host.endsWith(`.${shared}`)) ?? null
  );
}

function hostWithPath(host: string, path: string): string {
  const cleanPath = path.toLowerCase().replace(/\/+$/, '');
  return cleanPath.length > 0 ? `${host}${cleanPath}` : host;
}

/**
 * The linking key for a `url` suspect: the host, except on shared platforms (see
 * `SHARED_PLATFORM_HOSTS`) where it is the platform host plus the lower-cased path.
 */
export function normalizeUrlIdentifier(input: string): string | null {
  const parsed = parseUrl(input);
  if (parsed === null) return null;
  const platform = sharedPlatform(parsed.host);
  return platform === null ? parsed.host : hostWithPath(platform, parsed.path);
}

const LOOKS_LIKE_URL_PATTERN =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/:?#]|$))/i;

/**
 * A profile given as a link becomes host (without `www.`/mobile prefixes on known platforms)
 * plus the lower-cased path, since the host alone names the platform, not the person. Anything
 * else is treated as a handle: lower-cased, without a leading `@`.
 */
export function normalizeSocialProfile(input: string): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (LOOKS_LIKE_URL_PATTERN.test(trimmed)) {
    const parsed = parseUrl(trimmed);
    if (parsed === null) return null;
    return hostWithPath(sharedPlatform(parsed.host) ?? parsed.host, parsed.path);
  }
  return normalizeHandle(trimmed);
}

// ---------------------------------------------------------------------------------------------
// Messengers, e-mail, crypto wallets

function normalizeHandle(input: string): string | null {
  const handle = input.trim().replace(/^@+/, '').trim().toLowerCase();
  if (handle.length === 0 || handle.length > 200 || /\s/.test(handle)) return null;
  return handle;
}

const TELEGRAM_LINK_PATTERN =
  /^(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.me)\/@?([a-z0-9_]{3,64})\/?$/i;

/** Lower-case, without a leading `@`; a `t.me/<name>` link becomes `<name>`. */
export function normalizeMessengerHandle(input: string): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  const telegram = TELEGRAM_LINK_PATTERN.exec(trimmed);
  return normalizeHandle(telegram === null ? trimmed : telegram[1]);
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(input: string): string | null {
  if (typeof input !== 'string') return null;
  const email = input.trim().toLowerCase();
  return email.length <= 254 && EMAIL_PATTERN.test(email) ? email : null;
}

const EVM_ADDRESS_PATTERN = /^0x[0-9a-f]{40}$/i;
const BECH32_ADDRESS_PATTERN = /^(?:bc|tb|ltc)1[02-9ac-hj-np-z]{6,87}$/i;

/**
 * Trimmed, case kept: base58 addresses (BTC legacy, TRON) are case-sensitive. EVM hex and
 * bech32 addresses are case-insensitive, so those are lower-cased to link their spellings.
 */
export function normalizeCryptoWallet(input: string): string | null {
  if (typeof input !== 'string') return null;
  const wallet = input.trim();
  if (wallet.length === 0 || wallet.length > 200 || /\s/.test(wallet)) return null;
  if (EVM_ADDRESS_PATTERN.test(wallet) || BECH32_ADDRESS_PATTERN.test(wallet)) {
    return wallet.toLowerCase();
  }
  return wallet;
}

/** Which identifier type a transaction's `toAccount` is: IBAN, card or KZ phone; else null. */
export function classifyAccount(toAccount: string): AccountType | null {
  if (typeof toAccount !== 'string') return null;
  if (isValidIban(toAccount)) return 'iban';
  if (isValidCardNumber(toAccount)) return 'card';
  if (normalizeKzPhone(toAccount) !== null) return 'phone';
  return null;
}

/** Masks an account for responses and logs: card, phone or IBAN, else all but the last four. */
export function maskAccount(account: string): string {
  switch (classifyAccount(account)) {
    case 'card':
      return maskCardLast4(cardLast4(account));
    case 'phone':
      return maskKzPhone(normalizeKzPhone(account) ?? account);
    case 'iban': {
      const iban = normalizeIban(account);
      return `${iban.slice(0, 4)}****${iban.slice(-4)}`;
    }
    default: {
      const compact = account.replace(/\s+/g, '');
      return compact.length <= 4 ? '****' : `****${compact.slice(-4)}`;
    }
  }
}
