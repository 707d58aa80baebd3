/** DESIGN.md: evidence files are images or PDFs of at most 10 MB each. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
