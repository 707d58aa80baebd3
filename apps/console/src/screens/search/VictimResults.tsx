import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../desk-kit/get';
import { MoneyText } from '../../components/MoneyText';
import type { VictimKey } from './SearchForms';
import { QueryState } from '../desk-kit/QueryState';
import { Link } from 'react-router';

/**
 * A victim's reports (GET /victims, exact match through the blind index), newest first, paged
 * by cursor. The answer holds no personal data; the heading does not repeat the value either.
 */
export function VictimResults({ by, value }: { by: VictimKey; value: string }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const pages = useInfiniteQuery({
    queryKey: ['victims', by, value],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      apiGet('/api/v1/victims', { [by]: value, ...(pageParam ? { cursor: pageParam } : {}) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="victim-results" className="search__results">
      <h2 id="victim-results">{t('search.victim')}</h2>
      <QueryState query={pages} />
      {pages.data && items.length === 0 && <p>{t('search.victim.none')}</p>}
      {items.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table data-testid="victim-reports">
            <thead>
              <tr>
                <th scope="col">{t('search.reference')}</th>
                <th scope="col">{t('search.submittedAt')}</th>
                <th scope="col">{t('search.status')}</th>
                <th scope="col">{t('search.region')}</th>
                <th scope="col">{t('search.fraudType')}</th>
                <th scope="col">{t('search.loss')}</th>
                <th scope="col">{t('search.case')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.reference}</th>
                  <td>
                    <time dateTime={r.submittedAt}>{when.format(new Date(r.submittedAt))}</time>
                  </td>
                  <td>{t(`search.status.${r.status}`)}</td>
                  <td>{t(`region.${r.region}`)}</td>
                  <td>{t(`fraudType.${r.fraudType}`)}</td>
                  <td className="num">
                    <MoneyText value={r.loss} />
                  </td>
                  <td>
                    {r.caseId ? (
                      <Link to={`/cases/${r.caseId}`}>
                        {r.caseNumber} {r.priority ? `(${r.priority})` : ''}
                      </Link>
                    ) : (
                      t('search.noCase')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages.hasNextPage && (
        <button
          type="button"
          onClick={() => void pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
        >
          {t('search.more')}
        </button>
      )}
    </section>
  );
}
