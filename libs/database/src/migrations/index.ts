import { InitialSchema1763800000000 } from './1763800000000-InitialSchema';
import { IdempotencyReplay1763810000100 } from './1763810000100-IdempotencyReplay';
import { CaseWorkflow1763830000000 } from './1763830000000-CaseWorkflow';
import { AppendOnlyHistory1763830000100 } from './1763830000100-AppendOnlyHistory';
import { FundsLedger1763840000000 } from './1763840000000-FundsLedger';
import { StatsRollups1763840000001 } from './1763840000001-StatsRollups';
import { StatsStableFigures1763840000100 } from './1763840000100-StatsStableFigures';
import { DerivedReportFigures1763900000000 } from './1763900000000-DerivedReportFigures';
import { NumericRollupSums1763940000200 } from './1763940000200-NumericRollupSums';
import { LoginThrottles1764000000000 } from './1764000000000-LoginThrottles';
import { TakedownsLoansFlags1764100000000 } from './1764100000000-TakedownsLoansFlags';
import { StatementParts1764300000000 } from './1764300000000-StatementParts';
import { CitizenNotices1764310000000 } from './1764310000000-CitizenNotices';
import { ReportIdentifierReportedAt1764320000000 } from './1764320000000-ReportIdentifierReportedAt';
import { ReportsCasePriorityIndex1764340000000 } from './1764340000000-ReportsCasePriorityIndex';
import { PagedCaseReads1764350000000 } from './1764350000000-PagedCaseReads';
import { StaffSessions1764360000000 } from './1764360000000-StaffSessions';
import { CaseRollups1764370000000 } from './1764370000000-CaseRollups';

// Migrations are immutable history: each spells its SQL and vocabularies out and imports only
// `typeorm` (migrations-are-literal.spec.ts), so a fresh database always gets what an old one got.
// TypeORM runs pending migrations in timestamp order; keep this list in that order too.
export const MIGRATIONS: (new () => object)[] = [
  InitialSchema1763800000000,
  IdempotencyReplay1763810000100,
  CaseWorkflow1763830000000,
  AppendOnlyHistory1763830000100,
  FundsLedger1763840000000,
  StatsRollups1763840000001,
  StatsStableFigures1763840000100,
  DerivedReportFigures1763900000000,
  NumericRollupSums1763940000200,
  LoginThrottles1764000000000,
  TakedownsLoansFlags1764100000000,
  StatementParts1764300000000,
  CitizenNotices1764310000000,
  ReportIdentifierReportedAt1764320000000,
  ReportsCasePriorityIndex1764340000000,
  PagedCaseReads1764350000000,
  StaffSessions1764360000000,
  CaseRollups1764370000000,
];
