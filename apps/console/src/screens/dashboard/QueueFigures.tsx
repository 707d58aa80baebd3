import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { Link } from 'react-router';

type QueueStats = components['schemas']['QueueStatsDto'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;

/** Seconds as days, hours and minutes (the medians and waits are integers of seconds or more). */
export function useDuration(): (seconds: number | null) => string {
  const { t } = useTranslation();
  return (seconds) => {
    if (seconds === null) return t('dashboard.queues.noData');
    const s = Math.max(0, Math.round(seconds));
    return t('dashboard.duration', {
      days: Math.floor(s / 86_400),
      hours: Math.floor((s % 86_400) / 3_600),
      minutes: Math.floor((s % 3_600) / 60),
    });
  };
}

/** The live queue of GET /stats/queues: backlog by priority, oldest wait, SLA, workload, medians. */
export function QueueFigures({ stats }: { stats: QueueStats }) {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  const at = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const byPriority = PRIORITIES.map((priority) => {
    const rows = stats.open.filter((r) => r.priority === priority);
    return {
      priority,
      open: rows.reduce((n, r) => n + r.open, 0),
      unclaimed: rows.reduce((n, r) => n + r.unclaimed, 0),
      slaNow: stats.slaBreaches.byPriority.find((b) => b.priority === priority)?.unclaimedNow ?? 0,
    };
  });
  const oldest = stats.oldestUnclaimed;
  return (
    <section className="queue-figures" aria-labelledby="queue-figures">
      <h2 id="queue-figures">{t('dashboard.queues')}</h2>
      <p className="muted">
        {t('dashboard.queues.generatedAt', { at: at.format(new Date(stats.generatedAt)) })}
      </p>
      <div className="queue-figures__grid">
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption>{t('dashboard.queues.open')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.queues.priority')}</th>
                <th scope="col">{t('dashboard.queues.open')}</th>
                <th scope="col">{t('dashboard.queues.unclaimed')}</th>
                <th scope="col">{t('dashboard.queues.slaNow')}</th>
              </tr>
            </thead>
            <tbody>
              {byPriority.map((row) => (
                <tr key={row.priority}>
                  <th scope="row">{row.priority}</th>
                  <td className="num">{row.open}</td>
                  <td className="num">{row.unclaimed}</td>
                  <td className="num">{row.slaNow}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="queue-figures__facts">
          <dt>{t('dashboard.queues.oldest')}</dt>
          <dd data-testid="oldest-unclaimed">
            {oldest ? (
              <>
                <Link to={`/cases/${oldest.caseId}`}>{oldest.number}</Link> ({oldest.priority},{' '}
                {t(`region.${oldest.region}`)}) — {duration(oldest.waitSeconds)}
              </>
            ) : (
              t('dashboard.queues.oldestNone')
            )}
          </dd>
          <dt>{t('dashboard.queues.slaNow')}</dt>
          <dd className="num">{stats.slaBreaches.unclaimedNow}</dd>
          <dt>{t('dashboard.queues.slaWindow')}</dt>
          <dd className="num">{stats.slaBreaches.inWindow}</dd>
          <dt>{t('dashboard.queues.medianClaim')}</dt>
          <dd>{duration(stats.medianReportToFirstClaimSeconds)}</dd>
          <dt>{t('dashboard.queues.medianFreeze')}</dt>
          <dd>{duration(stats.medianReportToFreezeSeconds)}</dd>
        </dl>
      </div>
      {stats.workload.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption>{t('dashboard.queues.workload')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.queues.investigator')}</th>
                <th scope="col">{t('dashboard.region')}</th>
                <th scope="col">{t('dashboard.queues.activeCases')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.workload.map((w) => (
                <tr key={w.investigatorId}>
                  <th scope="row">{w.fullName}</th>
                  <td>{w.region ? t(`region.${w.region}`) : t('admin.national')}</td>
                  <td className="num">{w.activeCases}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
