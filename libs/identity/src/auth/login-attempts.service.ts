import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';

/** An attempt that may check its password; hand it back to `succeeded` or `failed`. */
export interface Reservation {
  pairKey: string;
  ipKey: string;
  userId: string | null;
  /** The pair's first attempt in its window, which is what the per-IP counter counts. */
  ipCounted: boolean;
  /** Attempts of the pair in its window, this one included. */
  pairFailures: number;
  /** Consecutive failures of the account from every IP, this one included (0 without one). */
  accountFailures: number;
  /** Which lock this attempt sets if it fails (it took the last attempt that counter had). */
  locks: Array<'pair' | 'ip' | 'account'>;
}

export type ReserveResult =
  { reserved: true; reservation: Reservation } | { reserved: false; retryAfterSeconds: number };

interface ThrottleRow {
  scope: 'pair' | 'ip';
  key: string;
  failures: number;
  window_ends_at: Date;
  locked_until: Date | null;
  now: Date;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * The address a limit counts: IPv4 as is (also when IPv4-mapped), IPv6 by its /64, the block
 * one subscriber gets, so rotating through it does not buy fresh counters.
 */
export function clientBlock(ip: string | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
const STALE_SWEEP_EVERY_MS = 60_000;

/**
 * Brute-force limits of staff sign-in (docs/access.md; OWASP ASVS 5.0 V6, NIST SP 800-63B):
 * - per (account, client IP): `LOGIN_MAX_FAILURES` in `LOGIN_LOCK_MINUTES`, then that pair is
 *   locked, so an attacker at one address cannot lock the owner out from another;
 * - per client IP: `LOGIN_IP_MAX_FAILURES` distinct accounts failing, then the address is locked;
 * - per account, across all IPs: every `LOGIN_ACCOUNT_MAX_FAILURES` consecutive failures pause
 *   it, for `LOGIN_ACCOUNT_LOCK_SECONDS` and then twice as long each time (at most
 *   `LOGIN_LOCK_MINUTES`): a distributed attack slows down, the owner is never locked out long.
 * An attempt is reserved (counted as a failure) under row locks BEFORE its password is checked,
 * so parallel guesses cannot check more passwords than a limit leaves; a success gives it back.
 */
@Injectable()
export class LoginAttemptsService {
  private readonly logger = new Logger(LoginAttemptsService.name);
  private lastSweep = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async reserve(email: string, userId: string | null, ip: string | null): Promise<ReserveResult> {
    this.sweepStaleRows();
    const address = clientBlock(ip);
    const ipKey = digest(`ip:${address}`);
    const pairKey = digest(`pair:${email}\n${address}`);
    // Rows exist before the locking transaction, so it only ever locks (never inserts) them,
    // always in the same order (ip, pair, then the users row): concurrent attempts queue, no deadlock.
    for (let attempt = 0; ; attempt += 1) {
      await this.dataSource.query(
        `INSERT INTO "login_throttles" ("scope", "key", "user_id", "failures", "window_ends_at")
         VALUES ('ip', $1, NULL, 0, now()), ('pair', $2, $3, 0, now())
         ON CONFLICT DO NOTHING`,
        [ipKey, pairKey, userId],
      );
      const result = await this.dataSource.transaction((manager) =>
        this.reserveLocked(manager, { ipKey, pairKey, userId }),
      );
      // null: the stale-row sweep removed a row between the insert and the lock; go again.
      if (result || attempt >= 2) return result ?? { reserved: false, retryAfterSeconds: 1 };
    }
  }

  private async reserveLocked(
    manager: EntityManager,
    keys: { ipKey: string; pairKey: string; userId: string | null },
  ): Promise<ReserveResult | null> {
    const { maxFailures, lockMinutes, ipMaxFailures, accountMaxFailures, accountLockSeconds } =
      this.config.login;
    const rows = (await manager.query(
      `SELECT "scope", "key", "failures", "window_ends_at", "locked_until", now() AS "now"
         FROM "login_throttles"
        WHERE ("scope" = 'ip' AND "key" = $1) OR ("scope" = 'pair' AND "key" = $2)
        ORDER BY "scope", "key"
          FOR UPDATE`,
      [keys.ipKey, keys.pairKey],
    )) as ThrottleRow[];
    const ip = rows.find((r) => r.scope === 'ip');
    const pair = rows.find((r) => r.scope === 'pair');
    if (!ip || !pair) return null;
    const account = keys.userId
      ? (
          (await manager.query(
            `SELECT "failed_logins", "locked_until" FROM "users" WHERE "id" = $1 FOR UPDATE`,
            [keys.userId],
          )) as Array<{ failed_logins: number; locked_until: Date | null }>
        )[0]
      : undefined;

    const now = pair.now.getTime();
    const lockedMs = (until: Date | null | undefined) =>
      until && until.getTime() > now ? until.getTime() - now : 0;
    const wait = Math.max(
      lockedMs(pair.locked_until),
      lockedMs(ip.locked_until),
      lockedMs(account?.locked_until),
    );
    if (wait > 0)
      return { reserved: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };

    // A window that has ended (or a lock that has run out) starts the count again.
    const current = (r: ThrottleRow) =>
      r.window_ends_at.getTime() > now && !r.locked_until ? r.failures : 0;
    const windowEnd = (r: ThrottleRow) =>
      current(r) > 0 ? r.window_ends_at : new Date(now + lockMinutes * 60_000);
    const lockFor = new Date(now + lockMinutes * 60_000);
    const locks: Reservation['locks'] = [];

    const pairFailures = current(pair) + 1;
    if (pairFailures >= maxFailures) locks.push('pair');
    await this.setThrottle(
      manager,
      pair,
      pairFailures,
      windowEnd(pair),
      locks.includes('pair') ? lockFor : null,
    );

    const ipCounted = current(pair) === 0;
    if (ipCounted) {
      const ipFailures = current(ip) + 1;
      if (ipFailures >= ipMaxFailures) locks.push('ip');
      await this.setThrottle(
        manager,
        ip,
        ipFailures,
        windowEnd(ip),
        locks.includes('ip') ? lockFor : null,
      );
    }

    let accountFailures = 0;
    if (account && keys.userId) {
      accountFailures = account.failed_logins + 1;
      const pauses = accountFailures / accountMaxFailures;
      const pause = Number.isInteger(pauses);
      if (pause) locks.push('account');
      // Each pause twice the one before, up to LOGIN_LOCK_MINUTES: a long attack keeps slowing.
      const pauseMs = Math.min(accountLockSeconds * 1000 * 2 ** (pauses - 1), lockMinutes * 60_000);
      await manager.query(
        `UPDATE "users" SET "failed_logins" = $2, "locked_until" = $3 WHERE "id" = $1`,
        [keys.userId, accountFailures, pause ? new Date(now + pauseMs) : null],
      );
    }
    return {
      reserved: true,
      reservation: { ...keys, ipCounted, pairFailures, accountFailures, locks },
    };
  }

  private async setThrottle(
    manager: EntityManager,
    row: ThrottleRow,
    failures: number,
    windowEndsAt: Date,
    lockedUntil: Date | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE "login_throttles" SET "failures" = $3, "window_ends_at" = $4, "locked_until" = $5
        WHERE "scope" = $1 AND "key" = $2`,
      [row.scope, row.key, failures, windowEndsAt, lockedUntil],
    );
  }

  /** The right password: the pair and the account start over; the IP gets its count back. */
  async succeeded(r: Reservation, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE "login_throttles" SET "failures" = 0, "locked_until" = NULL
        WHERE "scope" = 'pair' AND "key" = $1`,
      [r.pairKey],
    );
    if (r.ipCounted) {
      await manager.query(
        `UPDATE "login_throttles"
            SET "failures" = greatest("failures" - 1, 0),
                "locked_until" = CASE WHEN "failures" - 1 < $2 THEN NULL ELSE "locked_until" END
          WHERE "scope" = 'ip' AND "key" = $1`,
        [r.ipKey, this.config.login.ipMaxFailures],
      );
    }
  }

  /** Lifts the pair locks of an account (its password was reset by an admin). */
  async clearAccount(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM "login_throttles" WHERE "user_id" = $1`, [userId]);
  }

  /** Rows whose window ended an hour ago and that hold no lock: at most once a minute. */
  private sweepStaleRows(): void {
    if (Date.now() - this.lastSweep < STALE_SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    this.dataSource
      .query(
        `DELETE FROM "login_throttles"
          WHERE "window_ends_at" < now() - interval '1 hour'
            AND ("locked_until" IS NULL OR "locked_until" < now())`,
      )
      .catch((err: unknown) => this.logger.warn({ err }, 'stale sign-in counters not swept'));
  }
}
