/**
 * Card numbers typed into free text ("I paid to 4400 4301 2345 6789"). Full card numbers are
 * never stored (docs/contract.md), so every free-text field goes through `maskCardNumbersInText`
 * before it is written.
 */
import { cardLast4, isValidIban, luhnValid, maskCardLast4 } from './identifiers';

const MIN_CARD_DIGITS = 13;
const MAX_CARD_DIGITS = 19;

/** Digit groups joined by one space or one dash: a candidate run. */
const DIGIT_RUN = /[0-9]+(?:[ -][0-9]+)*/g;
/** Where an IBAN may start: two letters and two check digits, not inside a word. */
const IBAN_START = /(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}/g;
const MAX_IBAN_CHARS = 34;
const MIN_IBAN_CHARS = 15;

export interface CardInText {
  /** Offsets into the text: `text.slice(start, end)` is the card as typed. */
  start: number;
  end: number;
  /** The card's digits (for a keyed hash; never store them). */
  digits: string;
}

interface Span {
  start: number;
  end: number;
}

const isAlnum = (char: string | undefined): boolean =>
  char !== undefined && /[A-Za-z0-9]/.test(char);

/**
 * Valid IBANs (mod 97), written compact or in groups split by single spaces. They are left as
 * they are: a Kazakh IBAN is often 18 digits after `KZ`, which passes Luhn one time in ten.
 */
function ibanSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(IBAN_START)) {
    const start = match.index;
    let compact = '';
    let best: Span | null = null;
    for (let i = start; i < text.length && compact.length < MAX_IBAN_CHARS; i++) {
      const char = text[i];
      if (char === ' ' && isAlnum(text[i - 1]) && isAlnum(text[i + 1])) continue;
      if (!isAlnum(char)) break;
      compact += char;
      const end = i + 1;
      if (compact.length >= MIN_IBAN_CHARS && !isAlnum(text[end]) && isValidIban(compact)) {
        best = { start, end };
      }
    }
    if (best !== null) spans.push(best);
  }
  return spans;
}

/**
 * Cards inside one run of digit groups. Candidates start and end at group boundaries (a card is
 * never split inside a group), hold 13–19 digits and pass Luhn; the longest candidate from the
 * leftmost group wins, and the search goes on after it. So "5000 4400 4301 2345 6789" (an
 * amount, then a card) finds the card. Candidates overlapping a valid IBAN are skipped.
 */
function cardsInRun(
  run: string,
  offset: number,
  blocked: (start: number, end: number) => boolean,
): CardInText[] {
  const groups: Array<{ start: number; end: number; digits: string }> = [];
  for (const group of run.matchAll(/[0-9]+/g)) {
    const start = offset + group.index;
    groups.push({ start, end: start + group[0].length, digits: group[0] });
  }
  const found: CardInText[] = [];
  let first = 0;
  while (first < groups.length) {
    let match: { card: CardInText; last: number } | null = null;
    let digits = '';
    for (let last = first; last < groups.length; last++) {
      digits += groups[last].digits;
      if (digits.length > MAX_CARD_DIGITS) break;
      const start = groups[first].start;
      const end = groups[last].end;
      if (digits.length >= MIN_CARD_DIGITS && luhnValid(digits) && !blocked(start, end)) {
        match = { card: { start, end, digits }, last };
      }
    }
    if (match === null) {
      first += 1;
    } else {
      found.push(match.card);
      first = match.last + 1;
    }
  }
  return found;
}

/** Every card number in a text, in order, outside valid IBANs. */
export function findCardNumbersInText(text: string): CardInText[] {
  if (!/[0-9]/.test(text)) return [];
  const ibans = ibanSpans(text);
  const insideIban = (start: number, end: number): boolean =>
    ibans.some((s) => start < s.end && end > s.start);
  const found: CardInText[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const digitCount = run[0].length - (run[0].match(/[ -]/g)?.length ?? 0);
    if (digitCount < MIN_CARD_DIGITS) continue;
    found.push(...cardsInRun(run[0], run.index, insideIban));
  }
  return found;
}

function maskOnce(text: string, cards: readonly CardInText[]): string {
  let out = '';
  let at = 0;
  for (const card of cards) {
    out += text.slice(at, card.start) + maskCardLast4(cardLast4(card.digits));
    at = card.end;
  }
  return out + text.slice(at);
}

/**
 * The text with every card number replaced by `**** **** **** 1234` (its last four digits).
 * Repeated until nothing card-like is left: a masked card's last four could otherwise join the
 * digits after it into a new Luhn-valid run. Each pass removes at least nine digits, so this
 * ends.
 */
export function maskCardNumbersInText(text: string): string {
  let current = text;
  for (;;) {
    const cards = findCardNumbersInText(current);
    if (cards.length === 0) return current;
    current = maskOnce(current, cards);
  }
}

/** `maskCardNumbersInText` for optional values: null and undefined pass through. */
export function maskCardNumbersInOptionalText<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' ? maskCardNumbersInText(value) : value) as T;
}
