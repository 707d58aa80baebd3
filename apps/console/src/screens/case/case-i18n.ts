/** Typed translation helpers of the case page: keys from the catalogue, labels of domain values. */
import { useTranslation } from 'react-i18next';
import type { CatalogueKey } from '../../i18n/catalogue';
import type { caseMessages } from '../../i18n/case';

export type CaseKey = keyof typeof caseMessages & CatalogueKey;

export function useT() {
  return useTranslation().t;
}

/** Timeline event types the catalogue names; others show as "event" with their code. */
export const EVENT_KEYS: Readonly<Record<string, CaseKey>> = {
  'case.created': 'case.event.case_created',
  'report.linked': 'case.event.report_linked',
  'identifiers.added': 'case.event.identifiers_added',
  'case.reprioritised': 'case.event.case_reprioritised',
  'case.merge_suggested': 'case.event.case_merge_suggested',
  'case.claimed': 'case.event.case_claimed',
  'case.assigned': 'case.event.case_assigned',
  'case.transitioned': 'case.event.case_transitioned',
  'note.added': 'case.event.note_added',
  'offenders.recorded': 'case.event.offenders_recorded',
  'case.merged': 'case.event.case_merged',
  'sla.breached': 'case.event.sla_breached',
  'case.flagged': 'case.event.case_flagged',
  'case.flag_withdrawn': 'case.event.case_flag_withdrawn',
  'funds.freeze_recorded': 'case.event.freeze_recorded',
  'funds.freeze_released': 'case.event.freeze_released',
  'funds.freeze_extended': 'case.event.freeze_extended',
  'funds.freeze_request_dismissed': 'case.event.freeze_request_dismissed',
  'funds.reimbursement_recorded': 'case.event.reimbursement_recorded',
  'funds.reimbursement_reversed': 'case.event.reimbursement_reversed',
  'takedown.requested': 'case.event.takedown_requested',
  'takedown.outcome_recorded': 'case.event.takedown_outcome',
  'loan_writeoff.requested': 'case.event.writeoff_requested',
  'loan_writeoff.outcome_recorded': 'case.event.writeoff_outcome',
};

type Suffix<K, P extends string> = K extends `${P}.${infer R}` ? R : never;
type Status = 'open' | 'in_review' | 'investigating' | 'solved' | 'closed' | 'referred';

/** Dates and domain values in the person's language (names from the shared domain module). */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    dateTime: (iso: string) => dates.format(new Date(iso)),
    status: (s: string) =>
      (['open', 'in_review', 'investigating', 'solved', 'closed', 'referred'] as const).includes(
        s as Status,
      )
        ? t(`status.${s as Status}`)
        : s,
    region: (r: Suffix<CatalogueKey, 'region'>) => t(`region.${r}`),
    fraudType: (f: Suffix<CatalogueKey, 'fraudType'>) => t(`fraudType.${f}`),
  };
}
