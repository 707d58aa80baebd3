/** The callers of the RBAC matrix (test/support/rbac-matrix.ts) and the groups its rows allow. */
import type { Region } from '@app/common';

export const OWN_REGION: Region = 'almaty_city';
export const OTHER_REGION: Region = 'astana';

export const ACTORS = [
  'investigator:own',
  'investigator:other',
  'supervisor:own',
  'supervisor:other',
  'supervisor:national',
  'admin',
] as const;
export type Actor = (typeof ACTORS)[number];

/** Every staff account. */
export const ALL_STAFF: readonly Actor[] = ACTORS;
/** Every staff account that may see the OWN region's records. */
export const OWN_REGION_STAFF: readonly Actor[] = [
  'investigator:own',
  'supervisor:own',
  'supervisor:national',
  'admin',
];
export const SUPERVISORS_OWN: readonly Actor[] = ['supervisor:own', 'supervisor:national'];
/** Staff who work the OWN region's cases (admins manage accounts; no notes, money or moves). */
export const OWN_REGION_CASEWORKERS: readonly Actor[] = [
  'investigator:own',
  'supervisor:own',
  'supervisor:national',
];
export const ALL_SUPERVISORS_AND_ADMIN: readonly Actor[] = [
  'supervisor:own',
  'supervisor:other',
  'supervisor:national',
  'admin',
];

export type Side = 'own' | 'other';
export const regionOf = (side: Side): Region => (side === 'own' ? OWN_REGION : OTHER_REGION);
