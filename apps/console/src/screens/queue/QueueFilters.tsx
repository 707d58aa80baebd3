import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';

type CasesQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;
type Status = NonNullable<CasesQuery['status']>[number];
type Priority = NonNullable<CasesQuery['priority']>[number];
type Region = NonNullable<CasesQuery['region']>;

const STATUSES: readonly Status[] = [
  'open',
  'in_review',
  'investigating',
  'solved',
  'closed',
  'referred',
];
const ACTIVE: readonly Status[] = ['open', 'in_review', 'investigating'];
const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4'];
export const REGIONS: readonly Region[] = [
  'astana',
  'almaty_city',
  'shymkent',
  'abai',
  'akmola',
  'aktobe',
  'almaty_region',
  'atyrau',
  'east_kazakhstan',
  'jambyl',
  'jetisu',
  'karaganda',
  'kostanay',
  'kyzylorda',
  'mangystau',
  'north_kazakhstan',
  'pavlodar',
  'turkistan',
  'ulytau',
  'west_kazakhstan',
];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/**
 * The URL's filters as the API's query. Unknown values are dropped rather than sent: a link
 * edited by hand shows the unfiltered queue, not an error. `status` defaults to the active ones.
 */
export function queueQuery(params: URLSearchParams): CasesQuery {
  const status = params.get('status');
  const query: CasesQuery = {
    status:
      status === 'all'
        ? undefined
        : pick(status, STATUSES)
          ? [pick(status, STATUSES)!]
          : [...ACTIVE],
    priority: pick(params.get('priority'), PRIORITIES)
      ? [pick(params.get('priority'), PRIORITIES)!]
      : undefined,
    region: pick(params.get('region'), REGIONS),
    assignee: params.get('assignee') || undefined,
    slaBreached: params.get('slaBreached') === 'true' ? true : undefined,
    cursor: params.get('cursor') || undefined,
  };
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as CasesQuery;
}

/** The filter form; applying it writes the URL (and drops the cursor: a new filter starts at page 1). */
export function QueueFilters({
  params,
  national,
  onApply,
}: {
  params: URLSearchParams;
  national: boolean;
  onApply(next: URLSearchParams): void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [priority, setPriority] = useState(params.get('priority') ?? '');
  const [assignee, setAssignee] = useState(params.get('assignee') ?? '');
  const [region, setRegion] = useState(params.get('region') ?? '');
  const [breached, setBreached] = useState(params.get('slaBreached') === 'true');

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    if (status) next.set('status', status);
    if (priority) next.set('priority', priority);
    if (assignee) next.set('assignee', assignee);
    if (region) next.set('region', region);
    if (breached) next.set('slaBreached', 'true');
    onApply(next);
  }

  return (
    <form className="filters" aria-label={t('queue.filters')} onSubmit={submit}>
      <div className="field">
        <label htmlFor="f-status">{t('queue.status')}</label>
        <select id="f-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('queue.activeOnly')}</option>
          <option value="all">{t('queue.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-priority">{t('queue.priority')}</label>
        <select id="f-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
          <option value="">{t('queue.any')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-assignee">{t('queue.assignee')}</label>
        <select id="f-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">{t('queue.any')}</option>
          <option value="me">{t('queue.me')}</option>
          <option value="unassigned">{t('queue.unassigned')}</option>
        </select>
      </div>
      {national && (
        <div className="field">
          <label htmlFor="f-region">{t('queue.region')}</label>
          <select id="f-region" value={region} onChange={(e) => setRegion(e.target.value)}>
            <option value="">{t('queue.any')}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`region.${r}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field checkbox">
        <input
          id="f-breached"
          type="checkbox"
          checked={breached}
          onChange={(e) => setBreached(e.target.checked)}
        />
        <label htmlFor="f-breached">{t('queue.slaBreached')}</label>
      </div>
      <button type="submit">{t('queue.apply')}</button>
    </form>
  );
}
