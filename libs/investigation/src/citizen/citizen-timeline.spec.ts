import {
  CASE_STATUSES,
  CITIZEN_TIMELINE_CATALOGUE,
  CITIZEN_TIMELINE_CODES,
  LANGUAGES,
  missingTranslations,
} from '@app/common';
import type { CitizenTimelineCode } from '@app/common';
import { CASE_STATUS_CODES, citizenTimeline } from './citizen-timeline';
import type { CitizenFacts } from './citizen-timeline';

const t0 = Date.parse('2025-05-01T09:00:00Z');
const at = (minutes: number) => new Date(t0 + minutes * 60_000);

const none: CitizenFacts = {
  submittedAt: at(0),
  link: null,
  transitions: [],
  statements: [],
  evidence: [],
  freezes: [],
  reimbursements: [],
};

const codes = (facts: CitizenFacts) => citizenTimeline(facts, 'ru').map((e) => e.code);

/** Facts that make the builder emit every kind of entry it knows. */
const everything: CitizenFacts = {
  ...none,
  link: { caseId: 'a', at: at(1) },
  transitions: [
    { caseId: 'a', at: at(2), to: 'in_review', mergedIntoId: null },
    { caseId: 'a', at: at(3), to: 'investigating', mergedIntoId: null },
    { caseId: 'a', at: at(4), to: 'solved', mergedIntoId: null },
    { caseId: 'a', at: at(5), to: 'in_review', mergedIntoId: null },
    { caseId: 'a', at: at(6), to: 'closed', mergedIntoId: null },
    { caseId: 'a', at: at(7), to: 'in_review', mergedIntoId: null },
    { caseId: 'a', at: at(8), to: 'referred', mergedIntoId: null },
  ],
  statements: [at(2)],
  evidence: [at(3)],
  freezes: [{ at: at(4), amountTiyn: 3_000_000n }],
  reimbursements: [{ at: at(5), amountTiyn: 1_234_567n, reversedAt: at(6) }],
};

describe('citizenTimeline', () => {
  it('emits only catalogue codes, and every code the catalogue has, each with words in kk/ru/en', () => {
    // The codes come from the builder itself, not from a list typed into this test.
    const emitted = new Set<CitizenTimelineCode>(codes(everything));
    for (const status of CASE_STATUSES) {
      const code = CASE_STATUS_CODES[status];
      if (code !== null) emitted.add(code);
    }
    expect([...emitted].sort()).toEqual([...CITIZEN_TIMELINE_CODES].sort());
    const used = Object.fromEntries(
      [...emitted].map((code) => [code, CITIZEN_TIMELINE_CATALOGUE[code]]),
    );
    expect(missingTranslations(used)).toEqual([]);
    for (const lang of LANGUAGES) {
      for (const entry of citizenTimeline(everything, lang)) {
        expect(entry.message).toBe(entry.message.trim());
        expect(entry.message).not.toContain(entry.code);
      }
    }
  });

  it('starts with the received entry and keeps an untriaged report to its own actions', () => {
    expect(citizenTimeline(none, 'en')).toEqual([
      { at: at(0).toISOString(), code: 'report.received', message: 'Your report was received.' },
    ]);
    expect(codes({ ...none, statements: [at(2)], evidence: [at(1)] })).toEqual([
      'report.received',
      'report.evidence_added',
      'report.statement_added',
    ]);
  });

  it('writes the sentences in the asked language with the amount formatted for it', () => {
    const facts: CitizenFacts = { ...none, freezes: [{ at: at(1), amountTiyn: 3_000_000n }] };
    expect(citizenTimeline(facts, 'kk')[1].message).toBe(
      'Арызыңыз бойынша 30\u00a0000,00\u00a0₸ қаражат тоқтатып қойылды.',
    );
    expect(citizenTimeline(facts, 'en')[1].message).toBe(
      'KZT\u00a030,000.00 was frozen for your report.',
    );
  });

  it('shows the status the report found on joining a case, and later changes once each', () => {
    const facts: CitizenFacts = {
      ...none,
      link: { caseId: 'a', at: at(10) },
      transitions: [
        // Before this report joined: it sees only where the case stood then.
        { caseId: 'a', at: at(-50), to: 'in_review', mergedIntoId: null },
        { caseId: 'a', at: at(-40), to: 'investigating', mergedIntoId: null },
        { caseId: 'a', at: at(20), to: 'solved', mergedIntoId: null },
      ],
    };
    expect(citizenTimeline(facts, 'en').map((e) => [e.code, e.at])).toEqual([
      ['report.received', at(0).toISOString()],
      ['report.linked_to_case', at(10).toISOString()],
      ['case.investigating', at(10).toISOString()],
      ['case.solved', at(20).toISOString()],
    ]);
  });

  it('follows a merge without showing it: the source closing is hidden, the target status shows', () => {
    const facts: CitizenFacts = {
      ...none,
      link: { caseId: 'src', at: at(1) },
      transitions: [
        { caseId: 'src', at: at(2), to: 'in_review', mergedIntoId: null },
        { caseId: 'tgt', at: at(3), to: 'in_review', mergedIntoId: null },
        { caseId: 'tgt', at: at(4), to: 'investigating', mergedIntoId: null },
        { caseId: 'src', at: at(5), to: 'closed', mergedIntoId: 'tgt' },
        { caseId: 'tgt', at: at(6), to: 'solved', mergedIntoId: null },
        // An unrelated later transition of the source would not be this report's.
        { caseId: 'src', at: at(7), to: 'in_review', mergedIntoId: null },
      ],
    };
    expect(citizenTimeline(facts, 'en').map((e) => [e.code, e.at])).toEqual([
      ['report.received', at(0).toISOString()],
      ['report.linked_to_case', at(1).toISOString()],
      ['case.in_review', at(2).toISOString()],
      ['case.investigating', at(5).toISOString()],
      ['case.solved', at(6).toISOString()],
    ]);
  });

  it('shows a reimbursement and, when reversed, its reversal', () => {
    const facts: CitizenFacts = {
      ...none,
      reimbursements: [
        { at: at(1), amountTiyn: 100n, reversedAt: at(2) },
        { at: at(3), amountTiyn: 200n, reversedAt: null },
      ],
    };
    expect(codes(facts)).toEqual([
      'report.received',
      'funds.reimbursed',
      'funds.reimbursement_reversed',
      'funds.reimbursed',
    ]);
  });
});
