import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoney } from '../lib/money';

interface Props {
  label: string;
  /** Called with the API's decimal string ("1234.50"), or null while the text is not an amount. */
  onChange(decimal: string | null): void;
  /** A message from the server for this field (problem details `errors[]`). */
  serverError?: string;
  name?: string;
  allowZero?: boolean;
}

/**
 * Typed money: digits with "," or "." for tiyn and spaces between thousands; read exactly into
 * tiyn (never a float). The error shows once the person leaves the field or the server answers.
 */
export function MoneyInput({ label, onChange, serverError, name, allowZero }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const parsed = parseMoney(text, { allowZero });
  const error = serverError ?? (touched && !parsed.ok ? t(parsed.error) : undefined);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        inputMode="decimal"
        autoComplete="off"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setText(e.target.value);
          const next = parseMoney(e.target.value, { allowZero });
          onChange(next.ok ? next.decimal : null);
        }}
        onBlur={() => setTouched(true)}
      />
      <span id={`${id}-hint`} className="hint">
        {t('money.hint')}
      </span>
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
