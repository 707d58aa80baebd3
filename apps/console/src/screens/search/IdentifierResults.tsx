import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../desk-kit/get';
import { MoneyText } from '../../components/MoneyText';
import { QueryState } from '../desk-kit/QueryState';
import { Link } from 'react-router';

/** What GET /identifiers knows of a value: one block per identifier type it matched. */
export function IdentifierResults({ value }: { value: string }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const lookup = useQuery({
    queryKey: ['identifiers', value],
    queryFn: () => apiGet('/api/v1/identifiers', { value }),
  });
  return (
    <section aria-labelledby="identifier-results" className="search__results">
      <h2 id="identifier-results">{value}</h2>
      <QueryState query={lookup} />
      {lookup.data && lookup.data.matches.length === 0 && <p>{t('search.noMatches')}</p>}
      {lookup.data?.matches.map((m) => (
        <article key={m.type} className="match" data-testid={`match-${m.type}`}>
          <h3>{t('search.match', { type: t(`search.type.${m.type}`), display: m.display })}</h3>
          <p>
            {t('search.case')}:{' '}
            {m.case ? (
              <Link to={`/cases/${m.case.id}`}>
                {m.case.number} ({m.case.priority}, {t(`status.${m.case.status}`)},{' '}
                {t(`region.${m.case.region}`)})
              </Link>
            ) : (
              t('search.caseOutOfScope')
            )}
          </p>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption>{t('search.reports')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('search.reference')}</th>
                  <th scope="col">{t('search.submittedAt')}</th>
                  <th scope="col">{t('search.status')}</th>
                  <th scope="col">{t('search.loss')}</th>
                  <th scope="col">{t('search.case')}</th>
                </tr>
              </thead>
              <tbody>
                {m.reports.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.reference}</th>
                    <td>
                      <time dateTime={r.submittedAt}>{when.format(new Date(r.submittedAt))}</time>
                    </td>
                    <td>{t(`search.status.${r.status}`)}</td>
                    <td className="num">
                      <MoneyText value={r.loss} />
                    </td>
                    <td>
                      {r.caseId ? (
                        <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>
                      ) : (
                        t('search.noCase')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </article>
      ))}
    </section>
  );
}
