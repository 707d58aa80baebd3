/**
 * Funds of the case: the ledger figures, freezes (release, extend), reimbursements (reverse),
 * the case's freeze requests (freeze from one, dismiss) and the forms that record new money.
 * Amounts stay decimal strings from the API to MoneyText; nothing here does arithmetic on money.
 */
import { useQuery } from '@tanstack/react-query';
import { MoneyText } from '../../components/MoneyText';
import type { CaseAbilities } from './case-actions';
import { caseApi, caseKeys, type CaseDetail, type CaseFunds, type Freeze } from './case-api';
import { useFormat, useT } from './case-i18n';
import {
  DismissForm,
  ExtendForm,
  FreezeForm,
  ReimburseForm,
  ReleaseForm,
  ReverseForm,
} from './FundsForms';

export function FundsSection({ c, can }: { c: CaseDetail; can: CaseAbilities }) {
  const t = useT();
  const funds = useQuery({ queryKey: caseKeys.funds(c.id), queryFn: () => caseApi.funds(c.id) });
  const requests = useQuery({
    queryKey: caseKeys.freezeRequests(c.id),
    queryFn: () => caseApi.freezeRequests(c.id),
  });
  const total = funds.data?.total ?? c.funds;
  const reports = (funds.data?.reports ?? []).map((r) => ({ id: r.reportId, label: r.reference }));

  return (
    <section className="case-section" aria-labelledby="funds-title">
      <h2 id="funds-title">{t('case.funds.title')}</h2>
      <dl className="case-figures" data-testid="funds-figures">
        <Figure testId="funds-loss" label={t('case.funds.loss')} value={total.loss} />
        <Figure testId="funds-frozen" label={t('case.funds.frozen')} value={total.frozen} />
        <Figure testId="funds-released" label={t('case.funds.released')} value={total.released} />
        <Figure testId="funds-held" label={t('case.funds.held')} value={total.held} />
        <Figure
          testId="funds-reimbursed"
          label={t('case.funds.reimbursed')}
          value={total.reimbursed}
        />
        <Figure
          testId="funds-outstanding"
          label={t('case.funds.outstanding')}
          value={total.outstandingLoss}
        />
      </dl>
      {funds.data && <FreezeList funds={funds.data} can={can} reports={reports} caseId={c.id} />}
      {funds.data && <ReimbursementList funds={funds.data} can={can} caseId={c.id} />}

      <h3>{t('case.requests.title')}</h3>
      {requests.data && requests.data.items.length === 0 && <p>{t('case.requests.none')}</p>}
      <ul className="case-list">
        {requests.data?.items.map((r) => (
          <li key={r.id}>
            <span>
              {r.bank ?? '—'} · {r.account} · <MoneyText value={r.amount} /> ·{' '}
              {t(`case.requests.status.${r.status}`)}
            </span>
            {can.money && r.status === 'pending' && (
              <>
                <FreezeForm
                  caseId={c.id}
                  reports={reports}
                  fromRequest={{
                    id: r.id,
                    bank: r.bank ?? '',
                    account: '',
                    amount: r.amount,
                    reportId: r.reportId,
                  }}
                />
                <DismissForm caseId={c.id} requestId={r.id} />
              </>
            )}
          </li>
        ))}
      </ul>

      {can.money && (
        <div className="case-forms">
          <FreezeForm caseId={c.id} reports={reports} />
          <ReimburseForm caseId={c.id} reports={reports} />
        </div>
      )}
    </section>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        <MoneyText value={value} />
      </dd>
    </div>
  );
}

type ReportOptions = ReadonlyArray<{ id: string; label: string }>;

function FreezeList(props: {
  funds: CaseFunds;
  can: CaseAbilities;
  reports: ReportOptions;
  caseId: string;
}) {
  const t = useT();
  const f = useFormat();
  if (props.funds.freezes.length === 0) return <p>{t('case.freezes.none')}</p>;
  return (
    <>
      <h3>{t('case.freezes.title')}</h3>
      <ul className="case-list" aria-label={t('case.freezes.title')}>
        {props.funds.freezes.map((z: Freeze) => (
          <li key={z.id} data-testid="freeze">
            <span>
              {z.bank} · {z.account} · {t(`case.stage.${z.stage}`)} · {t('case.freezes.amount')}{' '}
              <MoneyText value={z.amount} /> · {t('case.freezes.remaining')}{' '}
              <MoneyText value={z.remaining} /> ·{' '}
              {t('case.freezes.expires', { at: f.dateTime(z.expiresAt) })}
              {z.sanctionRef !== null && ` · ${t('case.freezes.extended', { ref: z.sanctionRef })}`}
            </span>
            {props.can.money && z.remaining !== '0.00' && (
              <ReleaseForm caseId={props.caseId} freezeId={z.id} reports={props.reports} />
            )}
            {props.can.money && z.extendedAt === null && (
              <ExtendForm caseId={props.caseId} freezeId={z.id} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ReimbursementList(props: { funds: CaseFunds; can: CaseAbilities; caseId: string }) {
  const t = useT();
  const f = useFormat();
  const refOf = new Map(props.funds.reports.map((r) => [r.reportId, r.reference]));
  if (props.funds.reimbursements.length === 0) return <p>{t('case.reimbursements.none')}</p>;
  return (
    <>
      <h3>{t('case.reimbursements.title')}</h3>
      <ul className="case-list" aria-label={t('case.reimbursements.title')}>
        {props.funds.reimbursements.map((r) => (
          <li key={r.id} data-testid="reimbursement">
            <span>
              {refOf.get(r.reportId) ?? r.reportId} · <MoneyText value={r.amount} /> ·{' '}
              {t(`case.source.${r.source}`)} · {f.dateTime(r.paidAt)}
              {r.reversed &&
                ` · ${t('case.reimbursements.reversed', { reason: r.reversalReason ?? '' })}`}
            </span>
            {props.can.money && !r.reversed && (
              <ReverseForm caseId={props.caseId} reimbursementId={r.id} />
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
