import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../desk-kit/get';
import { useSession } from '../../api/session';
import { MoneyText } from '../../components/MoneyText';
import { ExtendFreeze } from './ExtendFreeze';
import { sincePayment } from './since';
import { QueryState } from '../desk-kit/QueryState';
import { Link, useSearchParams } from 'react-router';
import '../desk-kit/desk.css';

const MAX_DAYS = 60;

/** Days ahead of the "nearing expiry" list from the URL: 0–60 business days, default 2. */
export function expiringWithin(search: URLSearchParams): number {
  const n = Number(search.get('within') ?? '2');
  return Number.isInteger(n) && n >= 0 && n <= MAX_DAYS ? n : 2;
}

/**
 * The freeze desk: pending freeze requests of P1 reports, oldest first, with the time since the
 * payment (banks hold money only for hours), and freezes whose blocking runs out soon, with
 * the one extension a freeze may get. Investigators and supervisors extend; admins only read.
 */
export default function FreezeDeskScreen() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [search, setSearch] = useSearchParams();
  const within = expiringWithin(search);
  const [notice, setNotice] = useState('');
  const mayExtend = user.role === 'investigator' || user.role === 'supervisor';
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const requests = useQuery({
    queryKey: ['freeze-requests', 'pending'],
    queryFn: () => apiGet('/api/v1/freeze-requests', { status: 'pending', limit: 500 }),
    // "Since payment" is counted to when the list was read; a minute's refetch keeps it current.
    refetchInterval: 60_000,
  });
  const expiring = useQuery({
    queryKey: ['freezes', 'expiring', within],
    queryFn: () => apiGet('/api/v1/freezes', { expiringWithinDays: within, limit: 500 }),
  });

  return (
    <div className="freeze-desk">
      <h1>{t('desk.title')}</h1>
      <section aria-labelledby="requests">
        <h2 id="requests">{t('desk.requests')}</h2>
        <QueryState query={requests} />
        {requests.data && requests.data.items.length === 0 && <p>{t('desk.requests.empty')}</p>}
        {requests.data && requests.data.items.length > 0 && (
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="freeze-requests">
              <thead>
                <tr>
                  <th scope="col">{t('desk.case')}</th>
                  <th scope="col">{t('desk.bank')}</th>
                  <th scope="col">{t('desk.account')}</th>
                  <th scope="col">{t('desk.amount')}</th>
                  <th scope="col">{t('desk.paidAt')}</th>
                  <th scope="col">{t('desk.sincePayment')}</th>
                </tr>
              </thead>
              <tbody>
                {requests.data.items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>
                    </th>
                    <td>{r.bank ?? t('desk.unknownBank')}</td>
                    <td>{r.account}</td>
                    <td className="num">
                      <MoneyText value={r.amount} />
                    </td>
                    <td>
                      <time dateTime={r.paidAt}>{when.format(new Date(r.paidAt))}</time>
                    </td>
                    <td>{sincePayment(t, r.paidAt, requests.dataUpdatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="expiring">
        <h2 id="expiring">{t('desk.expiring')}</h2>
        <label className="field">
          <span>{t('desk.expiring.within')}</span>
          <select
            value={within}
            onChange={(e) => {
              const params = new URLSearchParams(search);
              params.set('within', e.target.value);
              setSearch(params);
            }}
          >
            {[0, 1, 2, 3, 5, 10].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <p role="status">{notice}</p>
        <QueryState query={expiring} />
        {expiring.data && expiring.data.items.length === 0 && <p>{t('desk.expiring.empty')}</p>}
        {expiring.data && expiring.data.items.length > 0 && (
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="expiring-freezes">
              <thead>
                <tr>
                  <th scope="col">{t('desk.case')}</th>
                  <th scope="col">{t('desk.bank')}</th>
                  <th scope="col">{t('desk.account')}</th>
                  <th scope="col">{t('desk.remaining')}</th>
                  <th scope="col">{t('desk.stage')}</th>
                  <th scope="col">{t('desk.expiresAt')}</th>
                  {mayExtend && <th scope="col">{t('desk.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {expiring.data.items.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">
                      <Link to={`/cases/${f.caseId}`}>{t('desk.openCaseOf')}</Link>
                    </th>
                    <td>{f.bank}</td>
                    <td>{f.account}</td>
                    <td className="num">
                      <MoneyText value={f.remaining} />
                    </td>
                    <td>{t(`desk.stage.${f.stage}`)}</td>
                    <td>
                      <time dateTime={f.expiresAt}>{when.format(new Date(f.expiresAt))}</time>
                    </td>
                    {mayExtend && (
                      <td>
                        {f.extendedAt ? (
                          t('desk.extended', { ref: f.sanctionRef ?? '' })
                        ) : (
                          <ExtendFreeze freezeId={f.id} onExtended={setNotice} />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
