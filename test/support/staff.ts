import { randomBytes } from 'node:crypto';
import type { Region, Role } from '@app/common';
import { StaffClient } from './staff-client';
import type { TestDeployment } from './test-app';

export interface TestStaff {
  id: string;
  email: string;
  password: string;
  token: string;
  /** The API as this staff member (Bearer token set, paths relative to /api/v1). */
  api: StaffClient;
}

const adminTokens = new WeakMap<TestDeployment, Promise<string>>();

/** Signs in through the real login endpoint; returns the bearer token. */
export async function loginAs(d: TestDeployment, email: string, password: string): Promise<string> {
  const res = await d.http().post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) {
    throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return (res.body as { accessToken: string }).accessToken;
}

/** Token of the bootstrap admin of the deployment (BOOTSTRAP_ADMIN_* of testEnv), cached. */
export function adminToken(d: TestDeployment): Promise<string> {
  let token = adminTokens.get(d);
  if (!token) {
    token = loginAs(d, d.env.BOOTSTRAP_ADMIN_EMAIL, d.env.BOOTSTRAP_ADMIN_PASSWORD);
    token.catch(() => adminTokens.delete(d));
    adminTokens.set(d, token);
  }
  return token;
}

/**
 * Creates a staff account through the real admin API (as the bootstrap admin) and signs in.
 * Investigators default to region `almaty_city`; supervisors without a region are national.
 */
export async function createStaff(
  d: TestDeployment,
  opts: {
    role: Role;
    region?: Region | null;
    email?: string;
    password?: string;
    fullName?: string;
  },
): Promise<TestStaff> {
  const region =
    opts.region !== undefined ? opts.region : opts.role === 'investigator' ? 'almaty_city' : null;
  const email =
    opts.email ??
    `${opts.role}.${region ?? 'national'}.${randomBytes(4).toString('hex')}@police.test`;
  const password = opts.password ?? `pw-${randomBytes(9).toString('base64url')}`;
  const res = await new StaffClient(d, await adminToken(d)).post('/admin/users', {
    email,
    password,
    fullName: opts.fullName ?? `Test ${opts.role}`,
    role: opts.role,
    region,
  });
  if (res.status !== 201) {
    throw new Error(`creating ${opts.role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const id = (res.body as { id: string }).id;
  const token = await loginAs(d, email, password);
  return { id, email: email.toLowerCase(), password, token, api: new StaffClient(d, token) };
}
