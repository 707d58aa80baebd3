/**
 * The few `@app/common` types that libs/cases/src/workflow/case-transitions.ts imports (type
 * only), so the Vitest test can check the menu against the API's transition table itself. The
 * console's tsconfig has no path to the server libs; these mirror libs/common's unions.
 */
declare module '@app/common' {
  export type CaseStatus =
    'open' | 'in_review' | 'investigating' | 'solved' | 'closed' | 'referred';
  export type ReportStatus = 'received' | CaseStatus;
  export type Role = 'investigator' | 'supervisor' | 'admin';
}
