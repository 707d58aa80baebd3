/**
 * Reports of the case (the first 50 come with the case, the rest page through
 * GET /cases/{id}/reports with the detail's `reportsNextCursor`) and its most-named identifiers,
 * each a link to the identifier search.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { MoneyText } from '../../components/MoneyText';
import { caseApi, caseKeys, type CaseDetail } from './case-api';
import { useFormat, useT } from './case-i18n';

export function ReportsSection({ c }: { c: CaseDetail }) {
  const t = useT();
  const f = useFormat();
  const more = useInfiniteQuery({
    queryKey: [...caseKeys.reports(c.id), c.reportsNextCursor],
    queryFn: ({ pageParam }) => caseApi.reports(c.id, pageParam),
    initialPageParam: c.reportsNextCursor ?? '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Nothing to fetch until asked: the first page came with the case.
    enabled: false,
  });
  const rest = more.data?.pages.flatMap((p) => p.items) ?? [];
  const reports = [...c.reports, ...rest];
  const nextCursor =
    more.data === undefined ? c.reportsNextCursor : (more.data.pages.at(-1)?.nextCursor ?? null);

  return (
    // Not a named landmark itself: the scrolling table inside is the region of this title.
    <section className="case-section">
      <h2 id="reports-title">
        {t('case.reports.title')} ({c.reportCount})
      </h2>
      <div className="case-table-wrap" tabIndex={0} role="region" aria-labelledby="reports-title">
        <table className="case-table">
          <thead>
            <tr>
              <th scope="col">{t('case.reports.reference')}</th>
              <th scope="col">{t('case.reports.submittedAt')}</th>
              <th scope="col">{t('case.priority')}</th>
              <th scope="col">{t('case.fraudType')}</th>
              <th scope="col">{t('case.funds.loss')}</th>
              <th scope="col">{t('case.funds.frozen')}</th>
              <th scope="col">{t('case.funds.reimbursed')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id}>
                <td>{r.reference}</td>
                <td>{f.dateTime(r.submittedAt)}</td>
                <td>{r.priority ?? '—'}</td>
                <td>{f.fraudType(r.fraudType)}</td>
                <td>
                  <MoneyText value={r.loss} />
                </td>
                <td>
                  <MoneyText value={r.frozen} />
                </td>
                <td>
                  <MoneyText value={r.reimbursed} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextCursor !== null && (
        <Button
          onPress={() => void (more.data ? more.fetchNextPage() : more.refetch())}
          isDisabled={more.isFetching}
        >
          {t('case.more')}
        </Button>
      )}

      <h3>
        {t('case.identifiers.title')} ({c.identifierCount})
      </h3>
      <ul className="case-list">
        {c.identifiers.map((i) => (
          <li key={`${i.type}:${i.display}`}>
            <span>{t(`case.identifier.${i.type}`)}: </span>
            {i.value !== null ? (
              <a href={`/console/search?value=${encodeURIComponent(i.value)}`}>{i.display}</a>
            ) : (
              // Cards come as keyed hashes: the masked display cannot be searched for.
              <span>{i.display}</span>
            )}
            <span> · {t('case.identifiers.reports', { count: i.reportCount })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
