/** The money forms of the case page; each posts one ledger route and refreshes the case. */
import { ActionForm, isoOf, present } from './ActionForm';
import { caseApi } from './case-api';
import { useT } from './case-i18n';
import { Reveal } from './Reveal';

type ReportOptions = ReadonlyArray<{ id: string; label: string }>;

const STAGES = ['domestic', 'withdrawal_abroad'] as const;
const SOURCES = ['frozen_funds', 'offender_voluntary', 'bank_compensation', 'court_order'] as const;

export function FreezeForm(props: {
  caseId: string;
  reports: ReportOptions;
  /** Recording the freeze a P1 request asked for: bank and account come from the request. */
  fromRequest?: { id: string; bank: string; account: string; amount: string; reportId: string };
}) {
  const t = useT();
  const req = props.fromRequest;
  return (
    <Reveal label={req ? 'case.freeze.fromRequest' : 'case.freeze.open'}>
      {(close) => (
        <ActionForm
          caseId={props.caseId}
          title={req ? 'case.freeze.fromRequest' : 'case.freeze.title'}
          submit="case.freeze.submit"
          initial={req ? { reportId: req.reportId, stage: 'domestic' } : { stage: 'domestic' }}
          fields={[
            ...(req
              ? []
              : ([
                  { kind: 'text', name: 'bank', label: 'case.freeze.bank', required: true },
                  { kind: 'text', name: 'account', label: 'case.freeze.account', required: true },
                ] as const)),
            { kind: 'money', name: 'amount', label: 'case.freeze.amount', required: true },
            { kind: 'datetime', name: 'frozenAt', label: 'case.freeze.frozenAt', required: true },
            {
              kind: 'select',
              name: 'stage',
              label: 'case.freeze.stage',
              required: true,
              options: STAGES.map((s) => ({ id: s, label: t(`case.stage.${s}`) })),
            },
            {
              kind: 'select',
              name: 'reportId',
              label: 'case.freeze.report',
              options: props.reports,
            },
          ]}
          run={(v) =>
            caseApi.freeze(props.caseId, {
              bank: req ? undefined : present(v, 'bank'),
              account: req ? undefined : present(v, 'account'),
              amount: v.amount ?? '',
              frozenAt: isoOf(v.frozenAt ?? ''),
              stage: (v.stage ?? 'domestic') as (typeof STAGES)[number],
              reportId: present(v, 'reportId'),
              freezeRequestId: req?.id,
            })
          }
          onDone={close}
        />
      )}
    </Reveal>
  );
}

export function ReleaseForm(props: { caseId: string; freezeId: string; reports: ReportOptions }) {
  const t = useT();
  return (
    <Reveal label="case.release.open">
      {(close) => (
        <ActionForm
          caseId={props.caseId}
          title="case.release.title"
          submit="case.release.submit"
          initial={{ to: 'victim' }}
          fields={[
            { kind: 'money', name: 'amount', label: 'case.release.amount', required: true },
            {
              kind: 'select',
              name: 'to',
              label: 'case.release.to',
              required: true,
              options: [
                { id: 'victim', label: t('case.release.toVictim') },
                { id: 'holder', label: t('case.release.toHolder') },
              ],
            },
            {
              kind: 'select',
              name: 'reportId',
              label: 'case.release.report',
              options: props.reports,
            },
          ]}
          run={(v) =>
            caseApi.release(props.freezeId, {
              amount: v.amount ?? '',
              to: v.to === 'holder' ? 'holder' : 'victim',
              // Only a release to a victim names the report it reimburses.
              reportId: v.to === 'holder' ? undefined : present(v, 'reportId'),
            })
          }
          onDone={close}
        />
      )}
    </Reveal>
  );
}

export function ExtendForm(props: { caseId: string; freezeId: string }) {
  return (
    <Reveal label="case.extend.open">
      {(close) => (
        <ActionForm
          caseId={props.caseId}
          title="case.extend.title"
          submit="case.extend.submit"
          fields={[
            { kind: 'text', name: 'sanctionRef', label: 'case.extend.sanctionRef', required: true },
          ]}
          run={(v) => caseApi.extend(props.freezeId, { sanctionRef: (v.sanctionRef ?? '').trim() })}
          onDone={close}
        />
      )}
    </Reveal>
  );
}

export function DismissForm(props: { caseId: string; requestId: string }) {
  return (
    <Reveal label="case.dismiss.open">
      {(close) => (
        <ActionForm
          caseId={props.caseId}
          title="case.dismiss.title"
          submit="case.dismiss.submit"
          fields={[{ kind: 'text', name: 'reason', label: 'case.dismiss.reason', required: true }]}
          run={(v) => caseApi.dismiss(props.requestId, { reason: (v.reason ?? '').trim() })}
          onDone={close}
        />
      )}
    </Reveal>
  );
}

export function ReimburseForm(props: { caseId: string; reports: ReportOptions }) {
  const t = useT();
  return (
    <Reveal label="case.reimburse.open">
      {(close) => (
        <ActionForm
          caseId={props.caseId}
          title="case.reimburse.title"
          submit="case.reimburse.submit"
          initial={{ source: 'offender_voluntary', reportId: props.reports[0]?.id ?? '' }}
          fields={[
            {
              kind: 'select',
              name: 'reportId',
              label: 'case.reimburse.report',
              required: true,
              options: props.reports,
            },
            { kind: 'money', name: 'amount', label: 'case.reimburse.amount', required: true },
            {
              kind: 'select',
              name: 'source',
              label: 'case.reimburse.source',
              required: true,
              options: SOURCES.map((s) => ({ id: s, label: t(`case.source.${s}`) })),
            },
            { kind: 'datetime', name: 'paidAt', label: 'case.reimburse.paidAt', required: true },
          ]}
          run={(v) =>
            caseApi.reimburse(props.caseId, {
              reportId: v.reportId ?? '',
              amount: v.amount ?? '',
              source: (v.source ?? 'offender_voluntary') as (typeof SOURCES)[number],
              paidAt: isoOf(v.paidAt ?? ''),
            })
          }
          onDone={close}
        />
      )}
    </Reveal>
  );
}

export function ReverseForm(props: { caseId: string; reimbursementId: string }) {
  return (
    <Reveal label="case.reverse.open">
      {(close) => (
        <ActionForm
          caseId={props.caseId}
          title="case.reverse.title"
          submit="case.reverse.submit"
          fields={[{ kind: 'text', name: 'reason', label: 'case.reverse.reason', required: true }]}
          run={(v) => caseApi.reverse(props.reimbursementId, { reason: (v.reason ?? '').trim() })}
          onDone={close}
        />
      )}
    </Reveal>
  );
}
