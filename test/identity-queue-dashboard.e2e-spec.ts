import { DataSource } from 'typeorm';
import { QueueName } from '@app/queue';
import {
  adminToken,
  createStaff,
  eventually,
  RedisOutage,
  StaffClient,
  staffClient,
  startDeployment,
  submitReport,
  TEST_REDIS_URL,
  TestDeployment,
  TestStaff,
} from '@app/testing';

interface QueueEntry {
  name: string;
  paused: boolean;
  counts: Record<string, number>;
  recentFailed: Array<Record<string, unknown>>;
}
interface Dashboard {
  redis: { status: 'up' | 'down'; message?: string };
  queues: QueueEntry[];
  outbox: { pending: number; oldestCreatedAt: string | null };
  untriagedReports: { count: number; oldestSubmittedAt: string | null };
}

const PATH = '/admin/queues';

describe('identity: queue dashboard (GET /admin/queues)', () => {
  let d: TestDeployment;
  let admin: StaffClient;
  let investigator: TestStaff;

  beforeAll(async () => {
    d = await startDeployment({ label: 'identity-queues', worker: true });
    admin = staffClient(d, await adminToken(d));
    investigator = await createStaff(d, { role: 'investigator', region: 'almaty_city' });
  });
  afterAll(async () => {
    await d?.close();
  });

  it('shows job counts per queue and an empty backlog once a report is triaged', async () => {
    const report = await submitReport(d);
    await eventually(async () => {
      const rows = (await d.api
        .get(DataSource)
        .query('SELECT case_id FROM reports WHERE id = $1', [report.id])) as Array<{
        case_id: string | null;
      }>;
      return rows[0]?.case_id ?? null;
    }, 30_000);

    // The job completes just after triage commits; wait for BullMQ to record it.
    const body = await eventually(async () => {
      const res = await admin.get(PATH);
      expect(res.status).toBe(200);
      const dash = res.body as Dashboard;
      const triage = dash.queues.find((q) => q.name === String(QueueName.ReportTriage));
      return triage && triage.counts.completed >= 1 ? dash : null;
    }, 15_000);

    expect(body.redis).toEqual({ status: 'up' });
    expect(body.queues.map((q) => q.name).sort()).toEqual(Object.values(QueueName).sort());
    for (const q of body.queues) {
      expect(Object.keys(q.counts).sort()).toEqual([
        'active',
        'completed',
        'delayed',
        'failed',
        'prioritized',
        'waiting',
        'waitingChildren',
      ]);
      expect(typeof q.paused).toBe('boolean');
      expect(Array.isArray(q.recentFailed)).toBe(true);
    }
    expect(body.outbox).toEqual({ pending: 0, oldestCreatedAt: null });
    expect(body.untriagedReports).toEqual({ count: 0, oldestSubmittedAt: null });
    // Job data (report ids are all a triage job carries) never appears; job ids may.
    expect(JSON.stringify(body)).not.toContain('"data"');
  });

  it('is open to a national supervisor and closed to regional staff (403, audited)', async () => {
    const national = await createStaff(d, { role: 'supervisor', region: null });
    expect((await national.api.get(PATH)).status).toBe(200);

    const regional = await createStaff(d, { role: 'supervisor', region: 'almaty_city' });
    for (const who of [investigator, regional]) {
      const res = await who.api.get(PATH);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const rows = (await d.api.get(DataSource).query(
      `SELECT actor_id, detail->>'reason' AS reason FROM audit_log
          WHERE action = 'access.denied' AND route LIKE '%/admin/queues'`,
    )) as Array<{ actor_id: string; reason: string }>;
    expect(rows).toEqual(
      expect.arrayContaining([
        { actor_id: investigator.id, reason: 'role' },
        { actor_id: regional.id, reason: 'region' },
      ]),
    );
    expect((await staffClient(d).get(PATH)).status).toBe(401);
  });
});

describe('identity: queue dashboard while Redis is down', () => {
  const real = new URL(TEST_REDIS_URL);
  const outage = new RedisOutage({ host: real.hostname, port: Number(real.port || 6379) });
  let d: TestDeployment;

  beforeAll(async () => {
    await outage.up();
    d = await startDeployment({ label: 'identity-queues-down', env: { REDIS_URL: outage.url } });
  });
  afterAll(async () => {
    await outage.up();
    await d?.close();
    await outage.down();
  });

  it('answers 200 with the PostgreSQL part and redis.status down', async () => {
    const admin = staffClient(d, await adminToken(d));
    await submitReport(d);
    await outage.down();
    const started = Date.now();
    const res = await admin.get(PATH);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(200);
    const body = res.body as Dashboard;
    expect(body.redis.status).toBe('down');
    expect(typeof body.redis.message).toBe('string');
    expect(body.queues).toEqual([]);
    expect(body.outbox.pending).toBe(1); // no worker here: nothing relays it
    expect(body.untriagedReports.count).toBe(1);
    expect(body.untriagedReports.oldestSubmittedAt).toEqual(expect.any(String));

    // Back up: the dashboard recovers, and the connections are healthy again before close.
    await outage.up();
    const after = await eventually(async () => {
      const again = await admin.get(PATH);
      return (again.body as Dashboard).redis.status === 'up' ? (again.body as Dashboard) : null;
    }, 30_000);
    expect(after.queues).toHaveLength(Object.values(QueueName).length);
  });
});
