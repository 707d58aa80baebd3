import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BadRequestProblem,
  checkPeriod,
  Money,
  normalizeSuspectIdentifier,
  PiiService,
  resolvePeriod,
  SUSPECT_TYPES,
} from '@app/common';
import type { CaseStatus, Priority, Region, ReportStatus, SuspectType } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { assertRegion, regionScope } from '@app/identity';
import type { StaffPrincipal } from '@app/identity';
import { queryRows } from '@app/database';
import type {
  IdentifierLookupDto,
  IdentifierMatchDto,
  TopIdentifiersDto,
  TopIdentifiersQueryDto,
} from '../dtos/identifiers.dto';
import { REPORT_CASE_JOIN, REPORT_STATUS_SQL } from '../report-figures.sql';

/** A normalised identifier as stored (cards as their keyed hash). */
interface IdentifierKey {
  type: SuspectType;
  value: string;
}

interface Candidate extends IdentifierKey {
  display: string;
}

interface ReportHitRow {
  type: SuspectType;
  value: string;
  id: string;
  reference: string;
  submitted_at: Date;
  status: ReportStatus;
  loss_tiyn: string;
  case_id: string | null;
  case_number: string | null;
}

interface OwnerRow {
  type: SuspectType;
  value: string;
  id: string;
  number: string;
  status: CaseStatus;
  priority: Priority;
  region: Region;
}

interface TopRow {
  type: SuspectType;
  display: string;
  victims: number;
  damage: string;
  case_id: string | null;
  case_number: string | null;
}

const MAX_REPORTS_PER_LOOKUP = 500;
const DEFAULT_TOP = 20;

/** Suspect identifier search: who else reported this number, and which ring is it. */
@Injectable()
export class IdentifiersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pii: PiiService,
  ) {}

  /** The value normalised as every type it could be; reports and cases sharing any of them. */
  async lookup(user: StaffPrincipal, value: string): Promise<IdentifierLookupDto> {
    const candidates = this.candidates(value);
    if (candidates.length === 0) return { matches: [] };
    const scope = regionScope(user);
    const params = [candidates.map((c) => c.type), candidates.map((c) => c.value), scope];
    const manager = this.dataSource.manager;
    const [reports, owners] = await Promise.all([
      queryRows<ReportHitRow>(
        manager,
        `SELECT ri.type, ri.value, r.id, r.reference, r.submitted_at,
                ${REPORT_STATUS_SQL} AS status, r.loss_tiyn::text AS loss_tiyn, r.case_id,
                c.number AS case_number
           FROM unnest($1::text[], $2::text[]) AS q(type, value)
           JOIN report_identifiers ri ON ri.type = q.type AND ri.value = q.value
           JOIN reports r ON r.id = ri.report_id
           ${REPORT_CASE_JOIN}
          WHERE $3::text IS NULL OR COALESCE(c.region, r.region) = $3
          ORDER BY r.submitted_at DESC, r.id
          LIMIT ${MAX_REPORTS_PER_LOOKUP}`,
        params,
      ),
      queryRows<OwnerRow>(
        manager,
        `SELECT ci.type, ci.value, c.id, c.number, c.status, c.priority, c.region
           FROM unnest($1::text[], $2::text[]) AS q(type, value)
           JOIN case_identifiers ci ON ci.type = q.type AND ci.value = q.value
           JOIN cases c ON c.id = ci.case_id
          WHERE $3::text IS NULL OR c.region = $3`,
        params,
      ),
    ]);
    const matches: IdentifierMatchDto[] = [];
    for (const candidate of candidates) {
      const same = (row: IdentifierKey) =>
        row.type === candidate.type && row.value === candidate.value;
      const owner = owners.find(same);
      const hits = reports.filter(same);
      if (!owner && hits.length === 0) continue;
      matches.push({
        type: candidate.type,
        display: candidate.display,
        case: owner
          ? {
              id: owner.id,
              number: owner.number,
              status: owner.status,
              priority: owner.priority,
              region: owner.region,
            }
          : null,
        reports: hits.map((r) => ({
          id: r.id,
          reference: r.reference,
          submittedAt: r.submitted_at.toISOString(),
          status: r.status,
          loss: Money.format(Money.fromDb(r.loss_tiyn)),
          caseId: r.case_id,
          caseNumber: r.case_number,
        })),
      });
    }
    return { matches };
  }

  /** Identifiers ranked by victims (distinct reports) or damage, reports submitted in [from, to). */
  async top(user: StaffPrincipal, query: TopIdentifiersQueryDto): Promise<TopIdentifiersDto> {
    // The period rules of the stats endpoints (default: the last 30 days, today included).
    const { from, to } = resolvePeriod(query.from, query.to, this.config.reportingTimeZone);
    const problems = checkPeriod({ from, to });
    if (problems.length > 0) throw new BadRequestProblem('The period is not valid', problems);
    if (query.region !== undefined) {
      assertRegion(user, query.region, { type: 'region', id: query.region });
    }
    const region = query.region ?? regionScope(user);
    const damageFirst = query.sort === 'damage';
    const rows = await queryRows<TopRow>(
      this.dataSource.manager,
      `SELECT t.type, t.display, t.victims, t.damage::text AS damage,
              c.id AS case_id, c.number AS case_number
         FROM (
           SELECT ri.type, ri.value, min(ri.display) AS display,
                  count(DISTINCT r.id)::int AS victims, sum(r.loss_tiyn) AS damage
             FROM report_identifiers ri
             JOIN reports r ON r.id = ri.report_id
             LEFT JOIN cases rc ON rc.id = r.case_id
            WHERE r.submitted_at >= ($1::date)::timestamp AT TIME ZONE $3
              AND r.submitted_at < ($2::date)::timestamp AT TIME ZONE $3
              AND ($4::text IS NULL OR COALESCE(rc.region, r.region) = $4)
              AND ($5::text IS NULL OR r.fraud_type = $5)
              AND ($6::text IS NULL OR ri.type = $6)
            GROUP BY ri.type, ri.value
            ORDER BY ${damageFirst ? 'damage DESC, victims DESC' : 'victims DESC, damage DESC'},
                     ri.type, ri.value
            LIMIT $7
         ) t
         LEFT JOIN case_identifiers ci ON ci.type = t.type AND ci.value = t.value
         LEFT JOIN cases c ON c.id = ci.case_id
        ORDER BY ${damageFirst ? 't.damage DESC, t.victims DESC' : 't.victims DESC, t.damage DESC'},
                 t.type, t.value`,
      [
        from,
        to,
        this.config.reportingTimeZone,
        region,
        query.fraudType ?? null,
        query.type ?? null,
        query.limit ?? DEFAULT_TOP,
      ],
    );
    return {
      period: { from, to },
      items: rows.map((r) => ({
        type: r.type,
        display: r.display,
        victims: r.victims,
        damage: Money.format(Money.fromDb(r.damage)),
        caseId: r.case_id,
        caseNumber: r.case_number,
      })),
    };
  }

  private candidates(value: string): Candidate[] {
    const seen = new Map<string, Candidate>();
    for (const type of SUSPECT_TYPES) {
      const normalized = normalizeSuspectIdentifier(type, value);
      if (normalized === null) continue;
      // Cards are stored as their keyed hash only; look them up the same way.
      const stored =
        normalized.type === 'card' ? this.pii.cardHash(normalized.value) : normalized.value;
      const key = `${normalized.type}\u0000${stored}`;
      if (!seen.has(key)) {
        seen.set(key, { type: normalized.type, value: stored, display: normalized.display });
      }
    }
    return [...seen.values()];
  }
}
