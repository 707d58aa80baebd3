/**
 * The case page's calls, through the shared generated client. Each returns the body or throws
 * the typed problem, so react-query sees failures as errors; query keys live here too, so a
 * mutation invalidates exactly what it changed.
 */
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type CaseDetail = Schemas['CaseDetailDto'];
export type CaseReport = Schemas['CaseReportDto'];
export type TimelineEvent = Schemas['TimelineEventDto'];
export type CaseFunds = Schemas['CaseFundsView'];
export type Freeze = Schemas['FreezeView'];
export type Reimbursement = Schemas['ReimbursementView'];
export type FreezeRequest = Schemas['FreezeRequestView'];
export type Takedown = Schemas['TakedownView'];
export type LoanWriteoff = Schemas['LoanWriteoffView'];

export const caseKeys = {
  all: (id: string) => ['case', id] as const,
  detail: (id: string) => ['case', id, 'detail'] as const,
  reports: (id: string) => ['case', id, 'reports'] as const,
  timeline: (id: string) => ['case', id, 'timeline'] as const,
  funds: (id: string) => ['case', id, 'funds'] as const,
  freezeRequests: (id: string) => ['case', id, 'freeze-requests'] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export const caseApi = {
  detail: (id: string) => unwrap(api.GET('/api/v1/cases/{id}', path(id))),
  reports: (id: string, cursor?: string) =>
    unwrap(
      api.GET('/api/v1/cases/{id}/reports', {
        params: { path: { id }, query: { cursor, limit: 50 } },
      }),
    ),
  timeline: (id: string, cursor?: string) =>
    unwrap(
      api.GET('/api/v1/cases/{id}/timeline', {
        params: { path: { id }, query: { cursor, limit: 50 } },
      }),
    ),
  funds: (id: string) => unwrap(api.GET('/api/v1/cases/{id}/funds', path(id))),
  freezeRequests: (caseId: string) =>
    unwrap(api.GET('/api/v1/freeze-requests', { params: { query: { caseId, limit: 200 } } })),

  claim: (id: string) => unwrap(api.POST('/api/v1/cases/{id}/claim', path(id))),
  assign: (id: string, body: Schemas['AssignCaseDto']) =>
    unwrap(api.POST('/api/v1/cases/{id}/assign', { ...path(id), body })),
  merge: (id: string, body: Schemas['MergeCaseDto']) =>
    unwrap(api.POST('/api/v1/cases/{id}/merge', { ...path(id), body })),
  transition: (id: string, body: Schemas['TransitionCaseDto']) =>
    unwrap(api.POST('/api/v1/cases/{id}/transition', { ...path(id), body })),
  note: (id: string, body: Schemas['AddNoteDto']) =>
    unwrap(api.POST('/api/v1/cases/{id}/notes', { ...path(id), body })),
  offenders: (id: string, body: Schemas['RecordOffendersDto']) =>
    unwrap(api.POST('/api/v1/cases/{id}/offenders', { ...path(id), body })),

  freeze: (id: string, body: Schemas['CreateFreezeDto']) =>
    unwrap(api.POST('/api/v1/cases/{id}/freezes', { ...path(id), body })),
  release: (freezeId: string, body: Schemas['CreateReleaseDto']) =>
    unwrap(api.POST('/api/v1/freezes/{id}/releases', { ...path(freezeId), body })),
  extend: (freezeId: string, body: Schemas['ExtendFreezeDto']) =>
    unwrap(api.POST('/api/v1/freezes/{id}/extend', { ...path(freezeId), body })),
  dismiss: (requestId: string, body: Schemas['ReasonDto']) =>
    unwrap(api.POST('/api/v1/freeze-requests/{id}/dismiss', { ...path(requestId), body })),
  reimburse: (id: string, body: Schemas['CreateReimbursementDto']) =>
    unwrap(api.POST('/api/v1/cases/{id}/reimbursements', { ...path(id), body })),
  reverse: (reimbursementId: string, body: Schemas['ReasonDto']) =>
    unwrap(api.POST('/api/v1/reimbursements/{id}/reverse', { ...path(reimbursementId), body })),

  flag: (id: string) =>
    unwrap(
      api.POST('/api/v1/cases/{id}/flags', { ...path(id), body: { flag: 'financial_pyramid' } }),
    ),
  withdrawFlag: (id: string) =>
    unwrap(
      api.DELETE('/api/v1/cases/{id}/flags/{flag}', {
        params: { path: { id, flag: 'financial_pyramid' } },
      }),
    ),
  takedown: (id: string, body: Schemas['CreateTakedownDto']) =>
    unwrap(api.POST('/api/v1/cases/{id}/takedowns', { ...path(id), body })),
  takedownOutcome: (takedownId: string, body: Schemas['TakedownOutcomeDto']) =>
    unwrap(api.POST('/api/v1/takedowns/{id}/outcome', { ...path(takedownId), body })),
  writeoff: (reference: string, body: Schemas['CreateLoanWriteoffDto']) =>
    unwrap(
      api.POST('/api/v1/reports/{reference}/loan-writeoffs', {
        params: { path: { reference } },
        body,
      }),
    ),
  writeoffOutcome: (writeoffId: string, body: Schemas['LoanWriteoffOutcomeDto']) =>
    unwrap(api.POST('/api/v1/loan-writeoffs/{id}/outcome', { ...path(writeoffId), body })),
};

/** The letter PDF opens in a new tab with the session cookie; no body passes through JS. */
export const letterUrl = (writeoffId: string, lang: 'ru' | 'kk'): string =>
  `/api/v1/loan-writeoffs/${encodeURIComponent(writeoffId)}/letter.pdf?lang=${lang}`;
