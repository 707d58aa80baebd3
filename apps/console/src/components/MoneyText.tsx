import { useTranslation } from 'react-i18next';
import { formatMoney } from '../lib/money';

/** An amount from the API (decimal string) shown exactly, in the person's language. */
export function MoneyText({ value }: { value: string | bigint | null | undefined }) {
  const { i18n } = useTranslation();
  if (value === null || value === undefined) return <span>—</span>;
  return <span className="money">{formatMoney(value, i18n.language)}</span>;
}
