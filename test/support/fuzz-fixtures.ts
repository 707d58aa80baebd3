/**
 * The records the route fuzz aims at: staff of every kind as callers, two triaged P1 reports
 * (two cases, a freeze request), a freeze and a reimbursement. Real ids make the path params
 * and bodies plausible, so the junk reaches past the lookups.
 */
import type { SchemaObject } from '@nestjs/swagger';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { caseOf, uniqueSuspectPhone as uniquePhone } from './cases';
import { isRef, Route } from './openapi-routes';
import { submitReport, SubmittedReport, validReportBody } from './reports';
import { createStaff } from './staff';
import { eventually, TestDeployment } from './test-app';

export interface Caller {
  name: string;
  token?: string;
}

export class FuzzFixtures {
  private constructor(
    readonly callers: Caller[],
    readonly reports: SubmittedReport[],
    private readonly staffIds: Record<string, string>,
    private readonly ids: Record<string, string>,
  ) {}

  static async create(d: TestDeployment): Promise<FuzzFixtures> {
    const db = d.api.get(DataSource);
    const ids: Record<string, string> = {};
    const [national, regional, investigator, target] = await Promise.all([
      createStaff(d, { role: 'supervisor', region: null }),
      createStaff(d, { role: 'supervisor', region: 'almaty_city' }),
      createStaff(d, { role: 'investigator', region: 'almaty_city' }),
      createStaff(d, { role: 'investigator', region: 'almaty_city' }),
    ]);
    const admin = await createStaff(d, { role: 'admin' });
    const staffIds = { investigator: investigator.id };
    const callers: Caller[] = [
      { name: 'anonymous' },
      { name: 'admin', token: admin.token },
      { name: 'supervisor:national', token: national.token },
      { name: 'supervisor:almaty_city', token: regional.token },
      { name: 'investigator:almaty_city', token: investigator.token },
    ];

    // Two P1 reports with their own identifiers: two cases, each with a freeze request.
    const reports: SubmittedReport[] = [];
    for (let i = 0; i < 2; i++) {
      reports.push(
        await submitReport(
          d,
          validReportBody({
            transactions: [
              {
                paidAt: new Date(Date.now() - 3600_000).toISOString(),
                amount: '50000.00',
                method: 'mobile_transfer',
                fromBank: 'Kaspi Bank',
                toBank: 'Beeline',
                toAccount: uniquePhone(),
              },
            ],
            suspects: [
              { type: 'phone', value: uniquePhone() },
              { type: 'url', value: `https://fuzz-${randomBytes(4).toString('hex')}.example.kz/` },
            ],
          }),
        ),
      );
    }
    ids.case = await caseOf(d, reports[0].id);
    ids.otherCase = await caseOf(d, reports[1].id);
    ids.freezeRequest = await eventually(async () => {
      const [row] = (await db.query(
        'SELECT id FROM freeze_requests WHERE case_id = $1 ORDER BY created_at LIMIT 1',
        [ids.case],
      )) as { id: string }[];
      return row?.id ?? null;
    }, 30_000);
    const freeze = await investigator.api.post(`/cases/${ids.case}/freezes`, {
      bank: 'Halyk Bank',
      account: uniquePhone(),
      amount: '1000.00',
      frozenAt: new Date().toISOString(),
      stage: 'domestic',
    });
    expect(freeze.status).toBe(201);
    ids.freeze = (freeze.body as { id: string }).id;
    const reimbursement = await investigator.api.post(`/cases/${ids.case}/reimbursements`, {
      reportId: reports[0].id,
      amount: '10.00',
      source: 'bank_compensation',
      paidAt: new Date().toISOString(),
    });
    expect(reimbursement.status).toBe(201);
    ids.reimbursement = (reimbursement.body as { id: string }).id;
    ids.user = target.id;
    return new FuzzFixtures(callers, reports, staffIds, ids);
  }

  /** A real id for a path param, chosen by the segment before it. */
  realParam(route: Route, name: string): string {
    if (name === 'reference') return this.reports[0].reference;
    const segments = route.path.split('/');
    const before = segments[segments.indexOf(`{${name}}`) - 1];
    const byCollection: Record<string, string | undefined> = {
      cases: this.ids.case,
      freezes: this.ids.freeze,
      'freeze-requests': this.ids.freezeRequest,
      reimbursements: this.ids.reimbursement,
      users: this.ids.user,
    };
    return byCollection[before] ?? randomUUID();
  }

  urlOf(route: Route, params: Record<string, string> = {}, query = ''): string {
    const path = route.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      name in params ? params[name] : encodeURIComponent(this.realParam(route, name)),
    );
    return query ? `${path}?${query}` : path;
  }

  /** A plausible (often valid) value for a field of the request schema. */
  plausible(name: string, s: SchemaObject, depth = 0): unknown {
    if (s.enum?.length) return s.enum[0];
    const uuidFor: Record<string, string | undefined> = {
      reportId: this.reports[0].id,
      assigneeId: this.staffIds.investigator,
      sourceCaseId: this.ids.otherCase,
      freezeRequestId: this.ids.freezeRequest,
    };
    if (s.format === 'uuid' || /Id$/.test(name)) return uuidFor[name] ?? randomUUID();
    if (s.example !== undefined && (typeof s.example !== 'object' || s.type === 'array')) {
      return s.example;
    }
    if (s.default !== undefined) return s.default;
    if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
    if (s.type === 'boolean') return true;
    if (s.type === 'array') {
      return depth > 4 || !s.items || isRef(s.items)
        ? []
        : [this.plausible(name, s.items, depth + 1)];
    }
    if (s.type === 'object' && s.properties)
      return depth > 4 ? {} : this.plausibleObject(s, depth + 1);
    // A string, or an object without properties: how the document shows a `string | null`.
    if (s.format === 'date-time' || /At$/.test(name)) return new Date().toISOString();
    if (s.format === 'email' || name === 'email') {
      return `fuzz.${randomBytes(4).toString('hex')}@police.test`;
    }
    if (/amount/i.test(name)) return '1.00';
    if (/account/i.test(name)) return uniquePhone();
    if (/bank/i.test(name)) return 'Halyk Bank';
    if (name === 'password') return 'fuzz-password-123';
    return 'Fuzz value';
  }

  plausibleObject(s: SchemaObject, depth = 0): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(s.properties ?? {}).map(([k, v]) => [
        k,
        this.plausible(k, v as SchemaObject, depth),
      ]),
    );
  }

  plausibleBody(route: Route): Record<string, unknown> {
    if (route.key === 'POST /reports') return validReportBody();
    return route.body ? this.plausibleObject(route.body) : {};
  }
}
