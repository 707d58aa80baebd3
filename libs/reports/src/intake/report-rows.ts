import {
  classifyAccount,
  maskAccount,
  maskCardNumbersInText,
  Money,
  normalizeSuspectIdentifier,
  parseIsoDateTime,
} from '@app/common';
import type { AccountType, IdentifierSource, PaymentMethod, SuspectType } from '@app/common';
import type { SuspectDto, TransactionDto } from '../dtos/report-parts.dto';
import type {
  StatementSuspectPart,
  StatementTransactionPart,
} from '../entities/report-statement.entity';

/** Keyed hash of card digits; full card numbers never leave this module. */
export type CardHasher = (digits: string) => string;

export interface TransactionRow {
  position: number;
  paidAt: Date;
  amountTiyn: bigint;
  method: PaymentMethod;
  fromBank: string | null;
  toBank: string | null;
  toAccountType: AccountType | null;
  toAccountValue: string | null;
  toAccountDisplay: string | null;
}

export interface IdentifierRow {
  type: SuspectType;
  value: string;
  display: string;
  source: IdentifierSource;
}

/** Validated input only: the DTO checks make every parse here succeed. */
function mustParseDate(value: string): Date {
  const date = parseIsoDateTime(value);
  if (date === null) throw new RangeError('date was not validated');
  return date;
}

/** Trimmed free text, card numbers masked (docs/contract.md: full card numbers are never stored). */
function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? maskCardNumbersInText(trimmed) : null;
}

/** The linking identifier of a value; cards become their keyed hash, displayed masked. */
function identifierOf(
  type: SuspectType,
  raw: string,
  hashCard: CardHasher,
): { type: SuspectType; value: string; display: string } | null {
  const normalized = normalizeSuspectIdentifier(type, raw);
  if (normalized === null) return null;
  return normalized.type === 'card'
    ? { ...normalized, value: hashCard(normalized.value) }
    : normalized;
}

export function transactionRows(
  transactions: readonly TransactionDto[],
  firstPosition: number,
  hashCard: CardHasher,
): TransactionRow[] {
  return transactions.map((t, index) => {
    const account = t.toAccount ? t.toAccount : null;
    const accountType = account === null ? null : classifyAccount(account);
    const id =
      account === null || accountType === null
        ? null
        : identifierOf(accountType, account, hashCard);
    return {
      position: firstPosition + index,
      paidAt: mustParseDate(t.paidAt),
      amountTiyn: Money.parseAmount(t.amount),
      method: t.method,
      fromBank: optionalText(t.fromBank),
      toBank: optionalText(t.toBank),
      toAccountType: id === null ? null : accountType,
      toAccountValue: id === null ? null : id.value,
      toAccountDisplay: id === null || account === null ? null : maskAccount(account),
    };
  });
}

/**
 * Every suspect and every transaction destination as a normalised identifier, each
 * (type, value) once: a suspect named twice, or also paid, links the report only once.
 * `textCards` are card numbers found in free text (`findCardNumbersInText`): they become
 * `card` suspect identifiers too, so a card typed into a description still links.
 */
export function identifierRows(
  suspects: readonly SuspectDto[],
  transactions: readonly TransactionDto[],
  hashCard: CardHasher,
  textCards: readonly string[] = [],
): IdentifierRow[] {
  const rows = new Map<string, IdentifierRow>();
  const add = (type: SuspectType, raw: string, source: IdentifierSource): void => {
    const id = identifierOf(type, raw, hashCard);
    const key = id === null ? '' : `${id.type}\u0000${id.value}`;
    if (id !== null && !rows.has(key)) rows.set(key, { ...id, source });
  };
  for (const s of suspects) add(s.type, s.value, 'suspect');
  for (const t of transactions) {
    const type = t.toAccount ? classifyAccount(t.toAccount) : null;
    if (t.toAccount && type !== null) add(type, t.toAccount, 'transaction');
  }
  for (const digits of textCards) add('card', digits, 'suspect');
  return [...rows.values()];
}

/** Sum of the transaction amounts plus the loan amount, in tiyn. */
export function lossOf(rows: readonly TransactionRow[], loanTiyn: bigint = 0n): bigint {
  return Money.sum(rows.map((r) => r.amountTiyn)) + loanTiyn;
}

/**
 * A statement's payments and suspects as the citizen sent them, for their own view: the
 * stored (masked) forms only, so the record holds no more than the linking rows do.
 */
export function statementParts(
  rows: readonly TransactionRow[],
  suspects: readonly SuspectDto[],
): { transactions: StatementTransactionPart[]; suspects: StatementSuspectPart[] } {
  return {
    transactions: rows.map((t) => ({
      paidAt: t.paidAt.toISOString(),
      amountTiyn: t.amountTiyn.toString(),
      method: t.method,
      fromBank: t.fromBank,
      toBank: t.toBank,
      toAccount: t.toAccountDisplay,
    })),
    suspects: suspects.flatMap((s) => {
      const normalized = normalizeSuspectIdentifier(s.type, s.value);
      return normalized === null ? [] : [{ type: s.type, value: normalized.display }];
    }),
  };
}
