/** Pyramid flag, takedowns and loan write-offs of the case (docs/takedowns.md). */
import { Button } from 'react-aria-components';
import { MoneyText } from '../../components/MoneyText';
import { CaseProblem } from './CaseProblem';
import { ActionForm, isoOf, present } from './ActionForm';
import type { CaseAbilities } from './case-actions';
import { caseApi, letterUrl, type CaseDetail } from './case-api';
import { useFormat, useT } from './case-i18n';
import { Reveal } from './Reveal';
import { useCaseAction } from './use-case-action';

const KINDS = [
  'messenger_chat',
  'website',
  'social_profile',
  'phone_number',
  'card',
  'other',
] as const;
const ID_TYPES = [
  'phone',
  'card',
  'iban',
  'url',
  'messenger',
  'email',
  'crypto_wallet',
  'social_profile',
] as const;

export function SchemesSection({ c, can }: { c: CaseDetail; can: CaseAbilities }) {
  const t = useT();
  const f = useFormat();
  const flagged = c.flags.some((x) => x.flag === 'financial_pyramid');
  const setFlag = useCaseAction(c.id, () => caseApi.flag(c.id));
  const withdraw = useCaseAction(c.id, () => caseApi.withdrawFlag(c.id));
  const loanReports = c.reports.filter((r) => r.fraudType === 'fake_loan');

  return (
    <section className="case-section" aria-labelledby="schemes-title">
      <h2 id="schemes-title">{t('case.schemes.title')}</h2>
      <p data-testid="pyramid-flag">{flagged ? t('case.flag.set') : t('case.flag.none')}</p>
      {!flagged && can.schemes && (
        <Button onPress={() => setFlag.mutate(undefined)} isDisabled={setFlag.isPending}>
          {t('case.flag.setAction')}
        </Button>
      )}
      {flagged && can.withdrawFlag && (
        <Button onPress={() => withdraw.mutate(undefined)} isDisabled={withdraw.isPending}>
          {t('case.flag.withdraw')}
        </Button>
      )}
      {setFlag.problem && <CaseProblem problem={setFlag.problem} />}
      {withdraw.problem && <CaseProblem problem={withdraw.problem} />}

      <h3>{t('case.takedowns.title')}</h3>
      {c.takedowns.length === 0 && <p>{t('case.takedowns.none')}</p>}
      <ul className="case-list">
        {c.takedowns.map((d) => (
          <li key={d.id}>
            <span>
              {t(`case.kind.${d.kind}`)} · {d.identifier.value} · {d.platform} ·{' '}
              {t(`case.takedowns.status.${d.status}`)} · {f.dateTime(d.outcomeAt ?? d.requestedAt)}
            </span>
            {can.schemes && d.status === 'requested' && (
              <Reveal label="case.outcome.open">
                {(close) => (
                  <ActionForm
                    caseId={c.id}
                    title="case.outcome.title"
                    submit="case.outcome.submit"
                    initial={{ outcome: 'blocked' }}
                    fields={[
                      {
                        kind: 'select',
                        name: 'outcome',
                        label: 'case.outcome.outcome',
                        required: true,
                        options: [
                          { id: 'blocked', label: t('case.takedowns.status.blocked') },
                          { id: 'refused', label: t('case.takedowns.status.refused') },
                        ],
                      },
                      { kind: 'datetime', name: 'at', label: 'case.outcome.at', required: true },
                      { kind: 'text', name: 'note', label: 'case.outcome.note' },
                    ]}
                    run={(v) =>
                      caseApi.takedownOutcome(d.id, {
                        outcome: v.outcome === 'refused' ? 'refused' : 'blocked',
                        at: isoOf(v.at ?? ''),
                        note: present(v, 'note'),
                      })
                    }
                    onDone={close}
                  />
                )}
              </Reveal>
            )}
          </li>
        ))}
      </ul>
      {can.schemes && (
        <Reveal label="case.takedown.open">
          {(close) => (
            <ActionForm
              caseId={c.id}
              title="case.takedown.title"
              submit="case.takedown.submit"
              fields={[
                {
                  kind: 'select',
                  name: 'kind',
                  label: 'case.takedown.kind',
                  required: true,
                  options: KINDS.map((k) => ({ id: k, label: t(`case.kind.${k}`) })),
                },
                {
                  kind: 'select',
                  name: 'identifier.type',
                  label: 'case.takedown.idType',
                  required: true,
                  options: ID_TYPES.map((k) => ({ id: k, label: t(`case.identifier.${k}`) })),
                },
                {
                  kind: 'text',
                  name: 'identifier.value',
                  label: 'case.takedown.idValue',
                  required: true,
                },
                { kind: 'text', name: 'platform', label: 'case.takedown.platform', required: true },
                { kind: 'text', name: 'note', label: 'case.outcome.note' },
              ]}
              run={(v) =>
                caseApi.takedown(c.id, {
                  kind: (v.kind ?? 'other') as (typeof KINDS)[number],
                  identifier: {
                    type: (v['identifier.type'] ?? 'url') as (typeof ID_TYPES)[number],
                    value: (v['identifier.value'] ?? '').trim(),
                  },
                  platform: (v.platform ?? '').trim(),
                  note: present(v, 'note'),
                })
              }
              onDone={close}
            />
          )}
        </Reveal>
      )}

      <h3>{t('case.writeoffs.title')}</h3>
      {c.loanWriteoffs.length === 0 && <p>{t('case.writeoffs.none')}</p>}
      <ul className="case-list">
        {c.loanWriteoffs.map((w) => (
          <li key={w.id}>
            <span>
              {w.reference} · {w.lender} · {w.contractNumber} · <MoneyText value={w.amount} /> ·{' '}
              {t(`case.writeoffs.status.${w.status}`)}
              {w.writtenOffAmount !== null && (
                <>
                  {' '}
                  · <MoneyText value={w.writtenOffAmount} />
                </>
              )}
            </span>{' '}
            {can.schemes && (
              <a href={letterUrl(w.id, 'ru')} target="_blank" rel="noreferrer">
                {t('case.writeoffs.letter')}
              </a>
            )}
            {can.schemes && w.status === 'requested' && (
              <Reveal label="case.outcome.open">
                {(close) => (
                  <ActionForm
                    caseId={c.id}
                    title="case.outcome.title"
                    submit="case.outcome.submit"
                    initial={{ outcome: 'written_off' }}
                    fields={[
                      {
                        kind: 'select',
                        name: 'outcome',
                        label: 'case.outcome.outcome',
                        required: true,
                        options: [
                          { id: 'written_off', label: t('case.writeoffs.status.written_off') },
                          { id: 'refused', label: t('case.writeoffs.status.refused') },
                        ],
                      },
                      { kind: 'money', name: 'amount', label: 'case.writeoffs.writtenOff' },
                      { kind: 'datetime', name: 'at', label: 'case.outcome.at', required: true },
                      { kind: 'text', name: 'note', label: 'case.outcome.note' },
                    ]}
                    run={(v) =>
                      caseApi.writeoffOutcome(w.id, {
                        outcome: v.outcome === 'refused' ? 'refused' : 'written_off',
                        at: isoOf(v.at ?? ''),
                        // The API refuses an amount with a refusal and needs one with a write-off.
                        amount: v.outcome === 'refused' ? undefined : present(v, 'amount'),
                        note: present(v, 'note'),
                      })
                    }
                    onDone={close}
                  />
                )}
              </Reveal>
            )}
          </li>
        ))}
      </ul>
      {can.schemes && loanReports.length > 0 && (
        <Reveal label="case.writeoff.open">
          {(close) => (
            <ActionForm
              caseId={c.id}
              title="case.writeoff.title"
              submit="case.writeoff.submit"
              initial={{ reference: loanReports[0]?.reference ?? '' }}
              fields={[
                {
                  kind: 'select',
                  name: 'reference',
                  label: 'case.writeoff.report',
                  required: true,
                  options: loanReports.map((r) => ({ id: r.reference, label: r.reference })),
                },
                { kind: 'text', name: 'lender', label: 'case.writeoff.lender' },
                { kind: 'text', name: 'contractNumber', label: 'case.writeoff.contract' },
                { kind: 'money', name: 'amount', label: 'case.writeoff.amount' },
              ]}
              run={(v) =>
                caseApi.writeoff(v.reference ?? '', {
                  lender: present(v, 'lender'),
                  contractNumber: present(v, 'contractNumber'),
                  amount: present(v, 'amount'),
                })
              }
              onDone={close}
            />
          )}
        </Reveal>
      )}
    </section>
  );
}
