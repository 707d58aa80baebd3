import {
  AGE_GROUPS,
  CASE_STATUSES,
  CHANNELS,
  CLOSE_REASONS,
  FRAUD_TYPES,
  FREEZE_STAGES,
  LANGUAGES,
  NOTIFY_CHOICES,
  PAYMENT_METHODS,
  PRIORITIES,
  REGIONS,
  REIMBURSEMENT_SOURCES,
  REPORT_STATUSES,
  ROLES,
  SUSPECT_TYPES,
} from '@app/common';
import { transitionTableMarkdown } from '@app/cases';
import { EnvironmentVariables } from '@app/config';

/**
 * The parts of docs/contract.md that the code defines: the closed vocabularies of
 * libs/common/src/domain-constants.ts and the default SLA of libs/config. tools/docs/contract.spec.ts
 * fails when the page and these differ (`UPDATE_DOCS=1` rewrites the page's generated blocks).
 */
const LISTS: ReadonlyArray<[string, string, readonly string[]]> = [
  ['fraud types (`incident.fraudType`)', 'FRAUD_TYPES', FRAUD_TYPES],
  ['channels (`incident.channel`)', 'CHANNELS', CHANNELS],
  ['payment methods (`transactions[].method`)', 'PAYMENT_METHODS', PAYMENT_METHODS],
  ['suspect types (`suspects[].type`)', 'SUSPECT_TYPES', SUSPECT_TYPES],
  ['regions (`reporter.region`, staff and case region)', 'REGIONS', REGIONS],
  ['languages (`reporter.language`)', 'LANGUAGES', LANGUAGES],
  ['age groups (`reporter.ageGroup`)', 'AGE_GROUPS', AGE_GROUPS],
  ['notice channels (`reporter.notify`)', 'NOTIFY_CHOICES', NOTIFY_CHOICES],
  ['staff roles', 'ROLES', ROLES],
  ['case statuses', 'CASE_STATUSES', CASE_STATUSES],
  ['report statuses (derived from the case)', 'REPORT_STATUSES', REPORT_STATUSES],
  ['priorities', 'PRIORITIES', PRIORITIES],
  ['close reasons (`closed` needs one)', 'CLOSE_REASONS', CLOSE_REASONS],
  ['reimbursement sources', 'REIMBURSEMENT_SOURCES', REIMBURSEMENT_SOURCES],
  ['freeze stages', 'FREEZE_STAGES', FREEZE_STAGES],
];

export function domainListsMarkdown(): string {
  return [
    '| list | constant (`@app/common`) | values |',
    '| --- | --- | --- |',
    ...LISTS.map(
      ([what, name, values]) =>
        `| ${what} | \`${name}\` | ${values.map((v) => `\`${v}\``).join(', ')} |`,
    ),
  ].join('\n');
}

const SLA_RULES: Record<string, string> = {
  P1: 'money may still be in flight: a transaction paid within 72 h before submission, or a minor victim; the case also gets freeze requests for each destination account',
  P2: 'loss ≥ 1,000,000.00 KZT, a senior victim, or the case links ≥ 3 reports',
  P3: 'any other loss',
  P4: 'no monetary loss',
};

function minutes(n: number): string {
  if (n % 1440 === 0) return `${n / 1440} d`;
  if (n % 60 === 0) return `${n / 60} h`;
  return `${n} min`;
}

export function slaTableMarkdown(): string {
  const env = new EnvironmentVariables();
  const defaults: Record<string, number> = {
    P1: env.SLA_P1_MINUTES,
    P2: env.SLA_P2_MINUTES,
    P3: env.SLA_P3_MINUTES,
    P4: env.SLA_P4_MINUTES,
  };
  return [
    '| priority | when | SLA to first claim (default) | variable |',
    '| --- | --- | --- | --- |',
    ...PRIORITIES.map(
      (p) => `| \`${p}\` | ${SLA_RULES[p]} | ${minutes(defaults[p])} | \`SLA_${p}_MINUTES\` |`,
    ),
  ].join('\n');
}

/** Generated blocks of docs/contract.md, by the name in their `<!-- generated:NAME -->` marker. */
export const CONTRACT_BLOCKS: Record<string, () => string> = {
  'domain-lists': domainListsMarkdown,
  'priority-sla': slaTableMarkdown,
  transitions: transitionTableMarkdown,
};
