import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { BadRequestProblem, isUniqueViolation, NotFoundProblem } from '@app/common';
import { IdentityConflict } from '../identity.errors';
import type { Region, Role } from '@app/common';
import { AuditService } from '@app/audit';
import type { StaffPrincipal } from '../access/staff-principal';
import { User } from '../entities';
import { LoginAttemptsService } from '../auth/login-attempts.service';
import { hashPassword } from './password';
import { passwordProblem } from './password-policy';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './user.dto';

/** Who made an admin change, for the audit row. */
export interface ActorContext {
  actor: StaffPrincipal;
  route: string;
  ip: string | null;
}

// Serialises changes that could leave the service without an active admin.
const ADMIN_CHANGE_LOCK = 727101;

/** Investigators need a region; admins are national; supervisors either. */
function checkRoleRegion(role: Role, region: Region | null): void {
  if (role === 'investigator' && region === null) {
    throw new BadRequestProblem('An investigator needs a region', [
      { field: 'region', message: 'region is required for investigators' },
    ]);
  }
  if (role === 'admin' && region !== null) {
    throw new BadRequestProblem('Admins are national', [
      { field: 'region', message: 'region must be empty for admins' },
    ]);
  }
}

/** Staff accounts: create, list, change role/region/name/password, deactivate. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly attempts: LoginAttemptsService,
  ) {}

  async create(dto: CreateUserDto, ctx: ActorContext): Promise<User> {
    const region = dto.region ?? null;
    checkRoleRegion(dto.role, region);
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await manager.save(
          manager.create(User, {
            email: dto.email,
            passwordHash,
            fullName: dto.fullName,
            role: dto.role,
            region,
          }),
        );
        await this.writeAudit(manager, ctx, 'user.created', user.id, {
          role: user.role,
          region: user.region,
        });
        return user;
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new IdentityConflict('email-taken', 'A staff account with this email already exists');
      }
      throw err;
    }
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id } });
    if (!user) throw new NotFoundProblem('User');
    return user;
  }

  list(query: ListUsersQueryDto): Promise<User[]> {
    const where: FindOptionsWhere<User> = {};
    if (query.role) where.role = query.role;
    if (query.region) where.region = query.region;
    if (query.active !== undefined) where.active = query.active;
    return this.dataSource.getRepository(User).find({ where, order: { email: 'ASC' } });
  }

  async update(id: string, dto: UpdateUserDto, ctx: ActorContext): Promise<User> {
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      // A new password lifts the account's sign-in locks. First, as sign-in takes its counters
      // before the users row too: the same lock order, so the two cannot deadlock.
      if (passwordHash) await this.attempts.clearAccount(id, manager);
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_CHANGE_LOCK]);
      const user = await manager.findOne(User, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new NotFoundProblem('User');
      // The DTO checked the context-free rules; the account's email is only known here.
      const weak = dto.password ? passwordProblem(dto.password, { email: user.email }) : null;
      if (weak) {
        throw new BadRequestProblem('The password is not acceptable', [
          { field: 'password', message: weak },
        ]);
      }
      const changes: Record<string, unknown> = {};
      const role = dto.role ?? user.role;
      // Becoming an admin makes the account national unless a region is (wrongly) given.
      const region = dto.region !== undefined ? dto.region : role === 'admin' ? null : user.region;
      checkRoleRegion(role, region);
      const active = dto.active ?? user.active;
      if (user.role === 'admin' && user.active && (role !== 'admin' || !active)) {
        const admins = await manager.count(User, { where: { role: 'admin', active: true } });
        if (admins <= 1) {
          throw new IdentityConflict(
            'last-admin',
            'The last active admin cannot be demoted or deactivated',
          );
        }
      }
      if (role !== user.role) changes.role = { from: user.role, to: role };
      if (region !== user.region) changes.region = { from: user.region, to: region };
      if (active !== user.active) changes.active = { from: user.active, to: active };
      if (dto.fullName !== undefined && dto.fullName !== user.fullName) changes.fullName = true;
      if (passwordHash) changes.password = true;
      // Tokens die with deactivation and with a new password; role and region are read live.
      const revoke = (user.active && !active) || passwordHash !== undefined;
      Object.assign(user, {
        role,
        region,
        active,
        fullName: dto.fullName ?? user.fullName,
        ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
        tokenVersion: revoke ? user.tokenVersion + 1 : user.tokenVersion,
      });
      const saved = await manager.save(user);
      if (Object.keys(changes).length > 0) {
        await this.writeAudit(manager, ctx, 'user.updated', user.id, {
          ...changes,
          tokensRevoked: revoke,
        });
      }
      return saved;
    });
  }

  private writeAudit(
    manager: EntityManager,
    ctx: ActorContext,
    action: string,
    targetId: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        actorId: ctx.actor.id,
        actorRole: ctx.actor.role,
        action,
        route: ctx.route,
        targetType: 'user',
        targetId,
        ip: ctx.ip,
        detail,
      },
      manager,
    );
  }
}
