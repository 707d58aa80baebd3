import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { MoneyInput } from './MoneyInput';

beforeAll(async () => {
  await initI18n('en');
});
afterEach(cleanup);

function typeInto(value: string) {
  const onChange = vi.fn<(d: string | null) => void>();
  render(<MoneyInput label="Amount" onChange={onChange} />);
  const input = screen.getByLabelText('Amount');
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
  return onChange;
}

describe('MoneyInput', () => {
  it.each([
    ['1 234,50', '1234.50'],
    ['1234.5', '1234.50'],
    ['90071992547409.93', null], // beyond the 13 integer digits the API takes
    ['9007199254740.99', '9007199254740.99'], // above 2^53 tiyn, kept exactly
  ])('reads %s as %s', (typed, decimal) => {
    expect(typeInto(typed)).toHaveBeenLastCalledWith(decimal);
  });

  it.each([
    ['12,345', 'At most two decimals (tiyn).'],
    ['12a', 'An amount is digits only, e.g. 1,234.50.'],
    ['-5', 'An amount cannot be negative.'],
    ['0', 'The amount must be above zero.'],
  ])('refuses %s with a message', (typed, message) => {
    expect(typeInto(typed)).toHaveBeenLastCalledWith(null);
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(screen.getByLabelText('Amount').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the server message for the field', () => {
    render(<MoneyInput label="Amount" onChange={() => {}} serverError="exceeds the loss" />);
    expect(screen.getByRole('alert').textContent).toBe('exceeds the loss');
  });
});
