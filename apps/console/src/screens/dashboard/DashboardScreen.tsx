import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../desk-kit/get';
import { useSession } from '../../api/session';
import { BreakdownChart, type BreakdownBy } from './BreakdownChart';
import { FigureCard } from './FigureCard';
import { DEFAULT_FIGURE, FIGURES, type FigureName } from './figures';
import { DashboardFilters, readFilters, statsQuery } from './DashboardFilters';
import { QueueFigures } from './QueueFigures';
import { useSearchParams } from 'react-router';
import { QueryState } from '../desk-kit/QueryState';
import '../desk-kit/desk.css';

const BREAKDOWNS: BreakdownBy[] = ['month', 'region', 'fraudType'];

/**
 * The supervisor dashboard: every figure of the summary against the previous period, the
 * breakdowns as charts (each with a table), the CSV export and the live queue figures. The
 * period and filters live in the URL, so a view can be bookmarked and sent on.
 */
export default function DashboardScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search);
  const query = statsQuery(filters);
  const chartFigure = FIGURES.find((f) => f.name === search.get('figure')) ?? DEFAULT_FIGURE;

  const summary = useQuery({
    queryKey: ['stats', 'summary', query],
    queryFn: () => apiGet('/api/v1/stats/summary', query),
  });
  const breakdowns = useQuery({
    queryKey: ['stats', 'breakdown', query],
    queryFn: () =>
      Promise.all(BREAKDOWNS.map((by) => apiGet('/api/v1/stats/breakdown', { ...query, by }))),
  });
  const queues = useQuery({
    queryKey: ['stats', 'queues', query.region ?? null, query.from ?? null, query.to ?? null],
    queryFn: () =>
      apiGet('/api/v1/stats/queues', { region: query.region, from: query.from, to: query.to }),
  });

  const exportHref = (granularity: 'day' | 'month'): string => {
    const params = new URLSearchParams({ format: 'csv', granularity });
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    return `/api/v1/stats/export?${params.toString()}`;
  };

  const s = summary.data;
  return (
    <div className="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <DashboardFilters
        value={filters}
        national={user.region == null}
        onApply={(next) => {
          const params = new URLSearchParams();
          for (const [k, v] of Object.entries(next)) if (v) params.set(k, v);
          if (search.get('figure')) params.set('figure', search.get('figure') ?? '');
          setSearch(params);
        }}
      />
      <p className="dashboard__export">
        <a className="button-link" href={exportHref('day')} download>
          {t('dashboard.export')}
        </a>{' '}
        <a className="button-link" href={exportHref('month')} download>
          {t('dashboard.exportMonthly')}
        </a>
      </p>
      <QueryState query={summary} />
      {s && (
        <section aria-labelledby="figures">
          <h2 id="figures">{t('dashboard.figures')}</h2>
          <p className="muted" data-testid="period">
            {t('dashboard.period', {
              from: s.period.from,
              to: s.period.to,
              prevFrom: s.previousPeriod.from,
              prevTo: s.previousPeriod.to,
              timeZone: s.timeZone,
            })}
          </p>
          <div className="figure-grid">
            {FIGURES.map((f) => (
              <FigureCard
                key={f.name}
                name={f.name}
                kind={f.kind}
                current={s.current[f.name]}
                previous={s.previous[f.name]}
                change={s.changePercent[f.name]}
              />
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="charts">
        <h2 id="charts">{t('dashboard.charts')}</h2>
        <label className="field">
          <span>{t('dashboard.chartFigure')}</span>
          <select
            value={chartFigure.name}
            onChange={(e) => {
              const params = new URLSearchParams(search);
              params.set('figure', e.target.value as FigureName);
              setSearch(params);
            }}
          >
            {FIGURES.map((f) => (
              <option key={f.name} value={f.name}>
                {t(`figure.${f.name}`)}
              </option>
            ))}
          </select>
        </label>
        <QueryState query={breakdowns} />
        {breakdowns.data?.map((b) => (
          <BreakdownChart key={b.by} by={b.by} rows={b.rows} figure={chartFigure} />
        ))}
      </section>
      <QueryState query={queues} />
      {queues.data && <QueueFigures stats={queues.data} />}
    </div>
  );
}
