/** Case header: number, status, priority, region, assignee, SLA; claim, transitions, assign, merge. */
import { useState, type FormEvent } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { CaseProblem } from './CaseProblem';
import { ActionForm, OptionSelect } from './ActionForm';
import type { CaseAbilities, TransitionOption } from './case-actions';
import { caseApi, type CaseDetail } from './case-api';
import { useT, useFormat } from './case-i18n';
import { useCaseAction } from './use-case-action';

const CLOSE_REASONS = ['unfounded', 'duplicate', 'no_crime', 'other'] as const;

export function CaseHeader({ c, can }: { c: CaseDetail; can: CaseAbilities }) {
  const t = useT();
  const f = useFormat();
  const claim = useCaseAction(c.id, () => caseApi.claim(c.id));
  const breached = c.slaBreachedAt !== null;
  return (
    <header className="case-header">
      <h1 id="case-title">
        {t('case.title')} {c.number}
      </h1>
      {c.mergedIntoId !== null && <p className="case-note">{t('case.mergedAway')}</p>}
      <dl className="case-facts">
        <div>
          <dt>{t('case.status')}</dt>
          <dd data-testid="case-status">{f.status(c.status)}</dd>
        </div>
        <div>
          <dt>{t('case.priority')}</dt>
          <dd>{c.priority}</dd>
        </div>
        <div>
          <dt>{t('case.region')}</dt>
          <dd>{f.region(c.region)}</dd>
        </div>
        <div>
          <dt>{t('case.fraudType')}</dt>
          <dd>{f.fraudType(c.fraudType)}</dd>
        </div>
        <div>
          <dt>{t('case.assignee')}</dt>
          <dd data-testid="case-assignee">{c.assignee?.fullName ?? t('case.unassigned')}</dd>
        </div>
        <div>
          <dt>{t('case.sla')}</dt>
          <dd className={breached ? 'case-breached' : undefined}>
            {breached
              ? t('case.sla.breached', { at: f.dateTime(c.slaBreachedAt ?? c.slaDueAt) })
              : c.firstClaimedAt !== null
                ? t('case.sla.met', { at: f.dateTime(c.firstClaimedAt) })
                : t('case.sla.due', { at: f.dateTime(c.slaDueAt) })}
          </dd>
        </div>
        {c.closeReason !== null && (
          <div>
            <dt>{t('case.closeReason')}</dt>
            <dd>{t(`case.reason.${c.closeReason}`)}</dd>
          </div>
        )}
        {c.agency !== null && (
          <div>
            <dt>{t('case.agency')}</dt>
            <dd>{c.agency}</dd>
          </div>
        )}
      </dl>
      <div className="case-actions">
        {can.claim && (
          <Button onPress={() => claim.mutate(undefined)} isDisabled={claim.isPending}>
            {t('case.claim')}
          </Button>
        )}
        {/* Outside the condition: after a lost claim the refetched case has an assignee and the
            button goes, but the person must still read why. */}
        {claim.problem && <CaseProblem problem={claim.problem} />}
        {can.transitions.length > 0 && <TransitionForm caseId={c.id} menu={can.transitions} />}
        {can.assign && (
          <ActionForm
            caseId={c.id}
            title="case.assign.title"
            submit="case.assign.submit"
            fields={[
              { kind: 'text', name: 'assigneeId', label: 'case.assign.assigneeId', required: true },
            ]}
            run={(v) => caseApi.assign(c.id, { assigneeId: (v.assigneeId ?? '').trim() })}
          />
        )}
        {can.merge && (
          <ActionForm
            caseId={c.id}
            title="case.merge.title"
            submit="case.merge.submit"
            fields={[
              {
                kind: 'text',
                name: 'sourceCaseId',
                label: 'case.merge.sourceCaseId',
                required: true,
              },
            ]}
            run={(v) => caseApi.merge(c.id, { sourceCaseId: (v.sourceCaseId ?? '').trim() })}
          />
        )}
      </div>
    </header>
  );
}

/** The menu offers exactly `can.transitions`; the fields follow the chosen target's needs. */
function TransitionForm({ caseId, menu }: { caseId: string; menu: TransitionOption[] }) {
  const t = useT();
  const f = useFormat();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [agency, setAgency] = useState('');
  const chosen = menu.find((o) => o.to === to);
  const action = useCaseAction(
    caseId,
    () =>
      caseApi.transition(caseId, {
        to: chosen?.to ?? 'in_review',
        ...(chosen?.needs === 'reason' ? { reason: reason as (typeof CLOSE_REASONS)[number] } : {}),
        ...(chosen?.needs === 'agency' ? { agency: agency.trim() } : {}),
      }),
    () => {
      setTo('');
      setReason('');
      setAgency('');
    },
  );
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    action.mutate(undefined);
  };
  return (
    <Form
      className="case-form"
      aria-labelledby="form-transition"
      onSubmit={onSubmit}
      validationErrors={action.fieldErrors}
    >
      <p className="case-form-title" id="form-transition">
        {t('case.transition.title')}
      </p>
      <OptionSelect
        name="to"
        label={t('case.transition.to')}
        required
        value={to}
        onChange={setTo}
        options={menu.map((o) => ({ id: o.to, label: f.status(o.to) }))}
      />
      {chosen?.needs === 'reason' && (
        <OptionSelect
          name="reason"
          label={t('case.transition.reason')}
          required
          value={reason}
          onChange={setReason}
          options={CLOSE_REASONS.map((r) => ({ id: r, label: t(`case.reason.${r}`) }))}
        />
      )}
      {chosen?.needs === 'agency' && (
        <TextField name="agency" isRequired value={agency} onChange={setAgency}>
          <Label>{t('case.transition.agency')}</Label>
          <Input />
          <FieldError />
        </TextField>
      )}
      {action.problem && <CaseProblem problem={action.problem} />}
      <Button type="submit" isDisabled={action.isPending || chosen === undefined}>
        {t('case.transition.submit')}
      </Button>
    </Form>
  );
}
