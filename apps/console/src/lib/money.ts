/**
 * Money in the console is exact: the API speaks decimal strings ("150000.00"), the console keeps
 * tiyn in a bigint and never passes an amount through a JavaScript number.
 */

/** The API's largest amount: 13 integer digits (DTO pattern `^(0|[1-9][0-9]{0,12})(\.[0-9]{1,2})?$`). */
export const MAX_TIYN = 9_999_999_999_999_99n;

export type MoneyParse =
  | { ok: true; tiyn: bigint; decimal: string }
  | {
      ok: false;
      error:
        | 'money.empty'
        | 'money.invalid'
        | 'money.decimals'
        | 'money.negative'
        | 'money.tooLarge'
        | 'money.zero';
    };

/**
 * Reads what a person typed: spaces (also no-break and thin spaces) group thousands, and either
 * "," or "." marks the tiyn ("1 234,50", "1234.5"). Never more than two decimals.
 */
export function parseMoney(input: string, options: { allowZero?: boolean } = {}): MoneyParse {
  const text = input.replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return { ok: false, error: 'money.empty' };
  if (text.startsWith('-')) return { ok: false, error: 'money.negative' };
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text);
  if (!match) return { ok: false, error: 'money.invalid' };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, error: 'money.decimals' };
  const tiyn = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  if (tiyn > MAX_TIYN) return { ok: false, error: 'money.tooLarge' };
  if (tiyn === 0n && !options.allowZero) return { ok: false, error: 'money.zero' };
  return { ok: true, tiyn, decimal: toDecimal(tiyn) };
}

/** Tiyn → the API's decimal string with two decimals ("1234.50"). */
export function toDecimal(tiyn: bigint): string {
  const negative = tiyn < 0n;
  const abs = negative ? -tiyn : tiyn;
  const whole = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole.toString()}.${cents}`;
}

/** The API's decimal string → tiyn; throws on anything that is not one (the API is trusted). */
export function fromDecimal(decimal: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(decimal.trim());
  if (!match) throw new Error(`Not a money amount: ${decimal}`);
  const tiyn = BigInt(match[2] ?? '0') * 100n + BigInt(((match[3] ?? '') + '00').slice(0, 2));
  return match[1] ? -tiyn : tiyn;
}

const SEPARATORS: Record<string, { group: string; decimal: string }> = {
  kk: { group: '\u00a0', decimal: ',' },
  ru: { group: '\u00a0', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** Shows an amount in the person's language, grouped by thousands, always two decimals, "₸". */
export function formatMoney(value: string | bigint, lang: string): string {
  const tiyn = typeof value === 'bigint' ? value : fromDecimal(value);
  const sep = SEPARATORS[lang] ?? { group: ',', decimal: '.' };
  const [whole = '0', cents = '00'] = toDecimal(tiyn < 0n ? -tiyn : tiyn).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  return `${tiyn < 0n ? '−' : ''}${grouped}${sep.decimal}${cents}\u00a0₸`;
}
