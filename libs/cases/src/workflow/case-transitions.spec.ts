import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_STATUSES } from '@app/common';
import {
  allowedTargets,
  CASE_TRANSITIONS,
  findTransition,
  isTerminal,
  reportStatusFor,
  transitionTableMarkdown,
} from './case-transitions';

describe('CASE_TRANSITIONS', () => {
  it('lists each pair once, never a status to itself', () => {
    const pairs = CASE_TRANSITIONS.map((r) => `${r.from}>${r.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(CASE_TRANSITIONS.filter((r) => r.from === r.to)).toEqual([]);
  });

  it('leaves terminal statuses only by a supervisor reopen to in_review', () => {
    for (const rule of CASE_TRANSITIONS.filter((r) => isTerminal(r.from))) {
      expect(rule).toMatchObject({ to: 'in_review', action: 'reopen', roles: ['supervisor'] });
    }
    for (const status of CASE_STATUSES) {
      expect(CASE_TRANSITIONS.some((r) => r.from === status)).toBe(true);
    }
  });

  it('requires a reason for closed and an agency for referred', () => {
    for (const rule of CASE_TRANSITIONS) {
      const expected =
        rule.to === 'closed' ? 'reason' : rule.to === 'referred' ? 'agency' : undefined;
      expect(rule.requires).toBe(expected);
    }
  });

  it('answers findTransition and allowedTargets from the table, minus the claim edge', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const rule = CASE_TRANSITIONS.find((r) => r.from === from && r.to === to);
        const viaEndpoint = rule !== undefined && rule.action !== 'claim';
        expect(findTransition(from, to) !== undefined).toBe(viaEndpoint);
        expect(allowedTargets(from).includes(to)).toBe(viaEndpoint);
      }
    }
  });

  it('maps case status to the citizen status of its reports', () => {
    expect(CASE_STATUSES.map(reportStatusFor)).toEqual([
      'in_review',
      'in_review',
      'investigating',
      'solved',
      'closed',
      'referred',
    ]);
  });

  it('is the table in docs/review.md', () => {
    const docs = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'review.md'), 'utf8');
    // Prettier pads markdown tables; compare with runs of spaces and dashes collapsed.
    const norm = (text: string) => text.replace(/ +/g, ' ').replace(/-{3,}/g, '---');
    expect(norm(docs)).toContain(norm(transitionTableMarkdown()));
  });
});
