import type { Region, Role } from '@app/common';

/** The authenticated staff member of a request, loaded fresh from `users` on every request. */
export interface StaffPrincipal {
  id: string;
  email: string;
  role: Role;
  /** Null = national (admins and national supervisors). */
  region: Region | null;
  /** Set when the request was signed in by a console session cookie (not a bearer token). */
  sessionId?: string;
}
