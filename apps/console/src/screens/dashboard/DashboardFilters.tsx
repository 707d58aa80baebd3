import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FRAUD_TYPES, REGIONS, type FraudType, type Region } from './figures';

export interface StatsFilters {
  from?: string;
  to?: string;
  region?: Region;
  fraudType?: FraudType;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of the URL, each dropped unless well-formed (a hand-edited URL stays usable). */
export function readFilters(search: URLSearchParams): StatsFilters {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const region = search.get('region') ?? '';
  const fraudType = search.get('fraudType') ?? '';
  return {
    from: DATE.test(from) ? from : undefined,
    to: DATE.test(to) ? to : undefined,
    region: (REGIONS as readonly string[]).includes(region) ? (region as Region) : undefined,
    fraudType: (FRAUD_TYPES as readonly string[]).includes(fraudType)
      ? (fraudType as FraudType)
      : undefined,
  };
}

/** The query of the stats routes: only the filters that are set (the API defaults the rest). */
export function statsQuery(filters: StatsFilters): StatsFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''),
  ) as StatsFilters;
}

/** Period, region (national staff only: a regional supervisor sees their region) and fraud type. */
export function DashboardFilters({
  value,
  national,
  onApply,
}: {
  value: StatsFilters;
  national: boolean;
  onApply: (next: StatsFilters) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<StatsFilters>(value);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(statsQuery(draft));
  };
  return (
    <form className="filters" onSubmit={submit} aria-label={t('dashboard.filters')}>
      <label className="field">
        <span>{t('dashboard.from')}</span>
        <input
          type="date"
          name="from"
          value={draft.from ?? ''}
          onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })}
        />
      </label>
      <label className="field">
        <span>{t('dashboard.to')}</span>
        <input
          type="date"
          name="to"
          value={draft.to ?? ''}
          onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })}
        />
      </label>
      {national && (
        <label className="field">
          <span>{t('dashboard.region')}</span>
          <select
            name="region"
            value={draft.region ?? ''}
            onChange={(e) =>
              setDraft({ ...draft, region: (e.target.value || undefined) as Region })
            }
          >
            <option value="">{t('dashboard.allRegions')}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`region.${r}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('dashboard.fraudType')}</span>
        <select
          name="fraudType"
          value={draft.fraudType ?? ''}
          onChange={(e) =>
            setDraft({ ...draft, fraudType: (e.target.value || undefined) as FraudType })
          }
        >
          <option value="">{t('dashboard.allFraudTypes')}</option>
          {FRAUD_TYPES.map((f) => (
            <option key={f} value={f}>
              {t(`fraudType.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('dashboard.apply')}</button>
    </form>
  );
}
