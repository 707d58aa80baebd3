import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * What the banner says about the first admin. The API creates that account when no admin
 * exists (identity's BootstrapAdminService); npm start generates the password itself and hands
 * it to the API as BOOTSTRAP_ADMIN_PASSWORD, so the banner, printed last, can show it once.
 */
export interface FirstAdminPlan {
  /** Set when no admin existed and BOOTSTRAP_ADMIN_PASSWORD was unset. */
  generatedPassword?: string;
  /** An admin existed before this start: its password is not ours to show. */
  existed: boolean;
}

async function adminEmail(databaseUrl: string): Promise<string | null> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Reading identity's table is fine; only identity writes it.
    const r = await client.query<{ email: string }>(
      `SELECT email FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`,
    );
    return r.rows[0]?.email ?? null;
  } finally {
    await client.end();
  }
}

export async function planFirstAdmin(databaseUrl: string, env: NodeJS.ProcessEnv) {
  const existed = (await adminEmail(databaseUrl)) !== null;
  const plan: FirstAdminPlan = { existed };
  if (!existed && !env.BOOTSTRAP_ADMIN_PASSWORD) {
    plan.generatedPassword = randomBytes(18).toString('base64url');
  }
  return plan;
}

/** The banner's admin line, read after the API is ready (so the account exists). */
export async function describeFirstAdmin(databaseUrl: string, plan: FirstAdminPlan) {
  const email = (await adminEmail(databaseUrl)) ?? '(none yet)';
  if (plan.existed) return `admin   ${email}  (password shown at its first start)`;
  if (plan.generatedPassword) {
    return `admin   ${email}  password ${plan.generatedPassword}  (shown once: sign in and change it)`;
  }
  return `admin   ${email}  password from BOOTSTRAP_ADMIN_PASSWORD`;
}
