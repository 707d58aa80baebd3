import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, ConfigError } from '@app/config';
import { AuditService } from '@app/audit';
import { User } from '../entities';
import { hashPassword } from '../users/password';
import { passwordProblem } from '../users/password-policy';

export const DEFAULT_BOOTSTRAP_ADMIN_EMAIL = 'admin@localhost';
// Several API replicas may start together; only one creates the admin.
const BOOTSTRAP_LOCK = 727102;

/**
 * At API start, when no admin account exists at all, creates one from BOOTSTRAP_ADMIN_EMAIL /
 * BOOTSTRAP_ADMIN_PASSWORD. A generated password is printed once to stdout (the console, not
 * the structured log, which is shipped elsewhere) and never stored anywhere but as a hash.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.ensureAdmin();
    if (!created) return;
    const login = `POST http://localhost:${this.config.http.port}/api/v1/auth/login`;
    if (created.generatedPassword) {
      console.log(
        `First admin created: email ${created.email}  password ${created.generatedPassword}  ` +
          `(shown once; sign in with ${login} and change it)`,
      );
    } else if (this.config.env !== 'test') {
      console.log(
        `First admin created: email ${created.email}  password from BOOTSTRAP_ADMIN_PASSWORD  (${login})`,
      );
    }
  }

  /** Returns what was created, or null when an admin already existed. */
  async ensureAdmin(): Promise<{ email: string; generatedPassword?: string } | null> {
    const email = (this.config.bootstrapAdmin.email ?? DEFAULT_BOOTSTRAP_ADMIN_EMAIL)
      .trim()
      .toLowerCase();
    const generatedPassword = this.config.bootstrapAdmin.password
      ? undefined
      : randomBytes(18).toString('base64url'); // 24 characters
    const password = this.config.bootstrapAdmin.password ?? generatedPassword!;
    // Checked at every start, not only the first: a weak value in the environment is a finding.
    const weak = passwordProblem(password, { email });
    if (weak) throw new ConfigError(`Invalid configuration: BOOTSTRAP_ADMIN_PASSWORD: ${weak}`);
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK]);
      if (await manager.exists(User, { where: { role: 'admin' } })) return null;
      const user = await manager.save(
        manager.create(User, {
          email,
          passwordHash: await hashPassword(password),
          fullName: 'Administrator',
          role: 'admin',
          region: null,
        }),
      );
      await this.audit.record(
        {
          action: 'user.bootstrapped',
          targetType: 'user',
          targetId: user.id,
          detail: { role: 'admin' },
        },
        manager,
      );
      return user;
    });
    if (!created) return null;
    this.logger.log({ userId: created.id }, 'first admin account created');
    return { email, generatedPassword };
  }
}
