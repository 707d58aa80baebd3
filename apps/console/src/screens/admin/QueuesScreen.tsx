import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../desk-kit/get';
import { QueryState } from '../desk-kit/QueryState';
import { Link } from 'react-router';
import '../desk-kit/desk.css';

/**
 * GET /admin/queues as a page: BullMQ job counts and recent failures (never job data), the
 * outbox backlog and reports not yet triaged. While Redis is down the API still answers, with
 * `redis.status: down` and no queues; the page says so.
 */
export default function QueuesScreen() {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const board = useQuery({
    queryKey: ['admin-queues'],
    queryFn: () => apiGet('/api/v1/admin/queues', {}),
    refetchInterval: 15_000,
  });
  const b = board.data;
  return (
    <div className="queues">
      <h1>{t('admin.queues')}</h1>
      <p>
        <Link to="/admin">{t('admin.title')}</Link>
      </p>
      <QueryState query={board} />
      {b && (
        <>
          <p role="status">
            {b.redis.status === 'up'
              ? t('admin.queues.redisUp')
              : t('admin.queues.redisDown', { message: b.redis.message ?? '' })}
          </p>
          <ul>
            <li>
              {t('admin.queues.outbox', { count: b.outbox.pending })}
              {b.outbox.oldestCreatedAt &&
                `, ${t('admin.queues.oldest', { at: when.format(new Date(b.outbox.oldestCreatedAt)) })}`}
            </li>
            <li>
              {t('admin.queues.untriaged', { count: b.untriagedReports.count })}
              {b.untriagedReports.oldestSubmittedAt &&
                `, ${t('admin.queues.oldest', {
                  at: when.format(new Date(b.untriagedReports.oldestSubmittedAt)),
                })}`}
            </li>
          </ul>
          {b.queues.length > 0 && (
            <div className="table-scroll" tabIndex={0}>
              <table>
                <caption>{t('admin.queues')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.queues.name')}</th>
                    <th scope="col">{t('admin.queues.waiting')}</th>
                    <th scope="col">{t('admin.queues.active')}</th>
                    <th scope="col">{t('admin.queues.delayed')}</th>
                    <th scope="col">{t('admin.queues.failed')}</th>
                    <th scope="col">{t('admin.queues.completed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.queues.map((q) => (
                    <tr key={q.name}>
                      <th scope="row">
                        {q.name}
                        {q.paused && ` (${t('admin.queues.paused')})`}
                      </th>
                      <td className="num">{q.counts.waiting + q.counts.prioritized}</td>
                      <td className="num">{q.counts.active}</td>
                      <td className="num">{q.counts.delayed}</td>
                      <td className="num">{q.counts.failed}</td>
                      <td className="num">{q.counts.completed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {b.queues
            .filter((q) => q.recentFailed.length > 0)
            .map((q) => (
              <div className="table-scroll" tabIndex={0} key={q.name}>
                <table>
                  <caption>
                    {t('admin.queues.recentFailed')}: {q.name}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.queues.name')}</th>
                      <th scope="col">{t('admin.queues.reason')}</th>
                      <th scope="col">{t('admin.queues.attempts')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.recentFailed.map((j) => (
                      <tr key={`${j.id ?? ''}-${j.timestamp}`}>
                        <th scope="row">
                          {j.name}{' '}
                          <time dateTime={j.timestamp}>{when.format(new Date(j.timestamp))}</time>
                        </th>
                        <td>{j.failedReason}</td>
                        <td className="num">{j.attemptsMade}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
        </>
      )}
    </div>
  );
}
