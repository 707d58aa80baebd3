import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type VictimKey = 'phone' | 'iin';

/** The two searches: an identifier, or a victim's phone or IIN. Each submits into the URL. */
export function SearchForms({
  value,
  victim,
  onSearch,
}: {
  value: string;
  victim: { by: VictimKey; value: string } | null;
  onSearch: (key: 'value' | VictimKey, text: string) => void;
}) {
  const { t } = useTranslation();
  const [identifier, setIdentifier] = useState(value);
  const [by, setBy] = useState<VictimKey>(victim?.by ?? 'phone');
  const [person, setPerson] = useState(victim?.value ?? '');
  const submitIdentifier = (e: FormEvent) => {
    e.preventDefault();
    if (identifier.trim()) onSearch('value', identifier.trim());
  };
  const submitVictim = (e: FormEvent) => {
    e.preventDefault();
    if (person.trim()) onSearch(by, person.trim());
  };
  return (
    <div className="search__forms">
      <form role="search" aria-labelledby="search-identifier" onSubmit={submitIdentifier}>
        <h2 id="search-identifier">{t('search.identifier')}</h2>
        <label className="field">
          <span>{t('search.identifier.label')}</span>
          <input
            name="value"
            value={identifier}
            onChange={(e) => setIdentifier(e.target.value)}
            aria-describedby="search-identifier-hint"
            autoComplete="off"
          />
        </label>
        <p id="search-identifier-hint" className="hint">
          {t('search.identifier.hint')}
        </p>
        <button type="submit">{t('search.submit')}</button>
      </form>
      <form role="search" aria-labelledby="search-victim" onSubmit={submitVictim}>
        <h2 id="search-victim">{t('search.victim')}</h2>
        <fieldset className="radio-row">
          <legend>{t('search.victim.kind')}</legend>
          {(['phone', 'iin'] as const).map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="victim-by"
                value={k}
                checked={by === k}
                onChange={() => setBy(k)}
              />{' '}
              {t(`search.victim.${k}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('search.victim.value')}</span>
          <input
            name="victim"
            value={person}
            inputMode={by === 'iin' ? 'numeric' : 'tel'}
            onChange={(e) => setPerson(e.target.value)}
            autoComplete="off"
          />
        </label>
        <button type="submit">{t('search.submit')}</button>
      </form>
    </div>
  );
}
