import fc from 'fast-check';
import { Money } from '@app/common';
import type { SuspectDto, TransactionDto } from '../dtos/report-parts.dto';
import { identifierRows, lossOf, transactionRows } from './report-rows';

const hashCard = (digits: string): string => `hash(${digits.length})`;

function tx(overrides: Partial<TransactionDto> = {}): TransactionDto {
  return {
    paidAt: '2024-05-01T14:30:00+05:00',
    amount: '1000.50',
    method: 'card',
    ...overrides,
  } as TransactionDto;
}

describe('transactionRows', () => {
  it('parses amounts and dates exactly and numbers positions from the start', () => {
    const rows = transactionRows([tx(), tx({ amount: '0.01' })], 3, hashCard);
    expect(rows.map((r) => r.position)).toEqual([3, 4]);
    expect(rows.map((r) => r.amountTiyn)).toEqual([100050n, 1n]);
    expect(rows[0].paidAt.toISOString()).toBe('2024-05-01T09:30:00.000Z');
  });

  it('never keeps a card number: hash as value, masked display', () => {
    const [row] = transactionRows([tx({ toAccount: '4111-1111-1111-1111' })], 0, hashCard);
    expect(row).toMatchObject({
      toAccountType: 'card',
      toAccountValue: 'hash(16)',
      toAccountDisplay: '**** **** **** 1111',
    });
    expect(Object.values(row).map(String).join(' ')).not.toContain('41111111');
  });

  it('normalises phones and IBANs, masks their display', () => {
    const [phone, iban] = transactionRows(
      [tx({ toAccount: '8 (701) 123-45-67' }), tx({ toAccount: 'kz86 125k zt50 0410 0100' })],
      0,
      hashCard,
    );
    expect(phone).toMatchObject({ toAccountType: 'phone', toAccountValue: '+77011234567' });
    expect(phone.toAccountDisplay).toBe('+7701***4567');
    expect(iban).toMatchObject({ toAccountType: 'iban', toAccountValue: 'KZ86125KZT5004100100' });
    expect(iban.toAccountDisplay).toBe('KZ86****0100');
  });

  it('masks card numbers typed into the bank names', () => {
    const [row] = transactionRows(
      [tx({ fromBank: 'Kaspi, my card 4400 4301 2345 6789', toBank: ' Halyk ' })],
      0,
      hashCard,
    );
    expect(row).toMatchObject({
      fromBank: 'Kaspi, my card **** **** **** 6789',
      toBank: 'Halyk',
    });
  });

  it('keeps blank banks and accounts as null', () => {
    const [row] = transactionRows([tx({ fromBank: '  ', toAccount: null })], 0, hashCard);
    expect(row).toMatchObject({ fromBank: null, toAccountType: null, toAccountValue: null });
  });
});

describe('identifierRows', () => {
  it('takes every suspect and every destination once, suspects first', () => {
    const suspects: SuspectDto[] = [
      { type: 'phone', value: '+7 701 123 45 67' },
      { type: 'phone', value: '87011234567' },
      { type: 'card', value: '4111 1111 1111 1111' },
      { type: 'messenger', value: '@Fraud_Shop' },
    ];
    const rows = identifierRows(
      suspects,
      [tx({ toAccount: '8 701 123 45 67' }), tx({ toAccount: 'KZ86125KZT5004100100' })],
      hashCard,
    );
    expect(rows).toEqual([
      { type: 'phone', value: '+77011234567', display: '+7701***4567', source: 'suspect' },
      { type: 'card', value: 'hash(16)', display: '**** **** **** 1111', source: 'suspect' },
      { type: 'messenger', value: 'fraud_shop', display: 'fraud_shop', source: 'suspect' },
      {
        type: 'iban',
        value: 'KZ86125KZT5004100100',
        display: 'KZ86125KZT5004100100',
        source: 'transaction',
      },
    ]);
  });
});

describe('identifierRows: cards found in free text', () => {
  it('adds each as a card suspect, once, after suspects and destinations', () => {
    const rows = identifierRows(
      [{ type: 'card', value: '4111 1111 1111 1111' }],
      [tx({ toAccount: '4400-4301-2345-6789' })],
      (digits) => `hash(${digits})`,
      ['4111111111111111', '4400430123456789', '5555555555554444', '5555555555554444'],
    );
    expect(rows.map((r) => [r.type, r.value, r.display, r.source])).toEqual([
      ['card', 'hash(4111111111111111)', '**** **** **** 1111', 'suspect'],
      ['card', 'hash(4400430123456789)', '**** **** **** 6789', 'transaction'],
      ['card', 'hash(5555555555554444)', '**** **** **** 4444', 'suspect'],
    ]);
  });
});

describe('lossOf', () => {
  it('is the exact sum of the amounts plus the loan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: Money.MAX_AMOUNT_TIYN }), { maxLength: 50 }),
        fc.bigInt({ min: 0n, max: Money.MAX_AMOUNT_TIYN }),
        (amounts, loan) => {
          const rows = transactionRows(
            amounts.map((a) => tx({ amount: Money.format(a) })),
            0,
            hashCard,
          );
          expect(lossOf(rows, loan)).toBe(amounts.reduce((s, a) => s + a, 0n) + loan);
        },
      ),
      { numRuns: 50 },
    );
  });
});
