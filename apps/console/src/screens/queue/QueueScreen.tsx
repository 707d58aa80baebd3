import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { MoneyText } from '../../components/MoneyText';
import { Pager } from '../../components/Pager';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDuration } from '../../lib/duration';
import { QueueFilters, queueQuery } from './QueueFilters';
import type { components } from '../../api/schema';

type CaseSummary = components['schemas']['CaseSummaryDto'];

/** Re-renders every 30 s so the SLA countdowns move. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Sla({ c, now }: { c: CaseSummary; now: number }) {
  const { t } = useTranslation();
  if (c.firstClaimedAt && !c.slaBreachedAt)
    return <span className="sla ok">{t('queue.sla.met')}</span>;
  const left = new Date(c.slaDueAt).getTime() - now;
  const time = formatDuration(left, t);
  return left >= 0 ? (
    <span className="sla">{t('queue.sla.left', { time })}</span>
  ) : (
    <span className="sla breached">{t('queue.sla.overdue', { time })}</span>
  );
}

/** The queue: filters in the URL, the API's priority-then-age order, cursor pages, claim next. */
export default function QueueScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const now = useNow();
  const query = queueQuery(params);
  const list = useQuery({
    queryKey: ['cases', query],
    queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const claimNext = useMutation({
    mutationFn: async () => {
      const { data, response, error } = await api.POST('/api/v1/cases/next/claim');
      if (response.status === 204) return null;
      if (!data) throw new ApiProblem(response, error);
      return data;
    },
    onSuccess: (claimed) => {
      if (claimed) void navigate(`/cases/${claimed.id}`);
    },
  });

  const setCursor = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    setParams(next);
  };

  return (
    <section>
      <div className="screen-head">
        <h1>{t('queue.title')}</h1>
        {user.role === 'investigator' && (
          <button
            type="button"
            className="primary"
            onClick={() => claimNext.mutate()}
            disabled={claimNext.isPending}
          >
            {t('queue.claimNext')}
          </button>
        )}
      </div>
      {claimNext.data === null && (
        <p className="notice" role="status">
          {t('queue.nothingToClaim')}
        </p>
      )}
      {claimNext.error instanceof ApiProblem && <ProblemMessage problem={claimNext.error} />}
      <QueueFilters params={params} national={user.region === null} onApply={setParams} />
      {list.error instanceof ApiProblem && <ProblemMessage problem={list.error} />}
      {list.data && list.data.items.length === 0 && <p>{t('queue.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="queue">
            <thead>
              <tr>
                <th scope="col">{t('queue.col.case')}</th>
                <th scope="col">{t('queue.priority')}</th>
                <th scope="col">{t('queue.status')}</th>
                <th scope="col">{t('queue.col.fraudType')}</th>
                <th scope="col">{t('queue.region')}</th>
                <th scope="col">{t('queue.assignee')}</th>
                <th scope="col">{t('queue.col.reports')}</th>
                <th scope="col">{t('queue.col.loss')}</th>
                <th scope="col">{t('queue.col.sla')}</th>
                <th scope="col">{t('queue.col.age')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cases/${c.id}`}>{c.number}</Link>
                  </td>
                  <td>
                    <span className={`priority ${c.priority}`}>{c.priority}</span>
                  </td>
                  <td>{t(`status.${c.status}`)}</td>
                  <td>{t(`fraudType.${c.fraudType}`)}</td>
                  <td>{t(`region.${c.region}`)}</td>
                  <td>{c.assignee?.fullName ?? t('queue.unassigned')}</td>
                  <td className="num">{c.reportCount}</td>
                  <td className="num">
                    <MoneyText value={c.loss} />
                  </td>
                  <td>
                    <Sla c={c} now={now} />
                  </td>
                  <td>{formatDuration(now - new Date(c.createdAt).getTime(), t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        nextCursor={list.data?.nextCursor}
        paged={params.has('cursor')}
        onNext={(cursor) => setCursor(cursor)}
        onFirst={() => setCursor(null)}
      />
    </section>
  );
}
