/**
 * Citizen notices end to end (docs/notices.md): the real API and worker, a real SMTP server and
 * a real HTTP listener as the SMS gateway. Messages arrive in the reporter's language, once
 * each, only with their own reference; failures are retried and lose nothing; an unknown
 * outcome is never resent and is listed for admins; `none` gets nothing.
 */
import { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { FraudMetrics } from '@app/common';
import { NoticeDeliveryService, NoticeRelay } from '@app/notices/worker';
import { QueueName } from '@app/queue';
import {
  caseOf,
  createStaff,
  eventually,
  recordFreeze,
  reportTransaction,
  sampleValue,
  startDeployment,
  submitReport,
  SubmittedReport,
  TestDeployment,
  TestStaff,
  uniqueSuspectPhone,
  uniqueUrl,
  validReportBody,
} from '@app/testing';
import { randomBytes, randomInt } from 'node:crypto';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';
import { ReceivedEmail, SmsGatewaySink, SmtpSink } from './support/notice-sinks';

const SMS_TOKEN = 'sms-gateway-test-token';

interface Victim {
  report: SubmittedReport;
  email: string;
  phone: string;
  fullName: string;
}

interface NoticeRow {
  id: string;
  key: string;
  kind: string;
  channel: string;
  status: string;
  attempts: number;
  last_error: string | null;
  report_id: string;
}

describe('citizen notices: email and SMS, at most once', () => {
  const smtp = new SmtpSink();
  const sms = new SmsGatewaySink();
  let d: TestDeployment;
  let db: DataSource;
  let inv: TestStaff;
  let worker: INestApplicationContext | undefined;
  let caseId: string;
  const suspects = [
    { type: 'phone', value: uniqueSuspectPhone() },
    { type: 'url', value: uniqueUrl() },
  ];
  let ru: Victim;
  let kk: Victim;
  let silent: Victim;
  let en: Victim;

  const notices = (): Promise<NoticeRow[]> =>
    db.query(
      `SELECT id, key, kind, channel, status, attempts, last_error, report_id
         FROM citizen_notices ORDER BY id`,
    );
  const noticesOf = async (v: Victim, kind?: string) =>
    (await notices()).filter((n) => n.report_id === v.report.id && (!kind || n.kind === kind));
  const currentWorker = (): INestApplicationContext => worker ?? d.worker!;
  const workerMetrics = () => currentWorker().get(FraudMetrics).render();

  async function victim(language: string, notify: string | undefined, email: string | null) {
    const digits = String(randomInt(1_000_000, 9_999_999));
    const fullName = `Victim ${randomBytes(3).toString('hex')} ${language}`;
    const report = await submitReport(
      d,
      validReportBody({
        reporter: {
          fullName,
          phone: `+7 707 ${digits}`,
          email: email ?? undefined,
          language,
          notify,
        },
        transactions: [reportTransaction({ amount: '1000.00' })],
        suspects,
      }),
    );
    return { report, email: email ?? '', phone: `+7707${digits}`, fullName };
  }

  /** Every message a victim received must carry their reference and nothing of anyone else. */
  function expectOnlyOwnData(v: Victim, others: Victim[], texts: string[]): void {
    for (const text of texts) {
      expect(text).toContain(v.report.reference);
      expect(text).not.toContain(v.report.accessCode);
      expect(text).not.toContain(v.fullName);
      for (const o of others) {
        expect(text).not.toContain(o.report.reference);
        expect(text).not.toContain(o.report.accessCode);
        expect(text).not.toContain(o.fullName);
        if (o.email) expect(text).not.toContain(o.email);
        expect(text).not.toContain(o.phone);
      }
      for (const s of suspects) expect(text).not.toContain(s.value);
    }
  }

  /** An email as its reader sees it: recipients, subject, text and HTML, decoded. */
  const readable = (m: ReceivedEmail): string =>
    [m.to.join(','), m.subject, m.text, m.html].join('\n');

  /** Each notice key reached its receiver exactly once. */
  function expectEachDeliveredOnce(): void {
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = sms.received.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  }

  beforeAll(async () => {
    await smtp.start();
    await sms.start();
    d = await startDeployment({
      label: 'notices',
      worker: true,
      env: {
        SMTP_URL: smtp.url,
        SMTP_FROM: 'Cyber police <no-reply@police.test>',
        SMS_GATEWAY_URL: sms.url,
        SMS_GATEWAY_TOKEN: SMS_TOKEN,
        NOTICE_RETRY_BASE_MS: '200',
        NOTICE_MAX_ATTEMPTS: '12',
        NOTICE_SEND_TIMEOUT_MS: '5000',
        RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
        RATE_LIMIT_REFERENCE_PER_WINDOW: '100000',
      },
    });
    db = d.api.get(DataSource);
    inv = await createStaff(d, { role: 'investigator', region: 'almaty_city' });
    const tag = randomBytes(3).toString('hex');
    ru = await victim('ru', 'both', `ru-${tag}@example.kz`);
    kk = await victim('kk', undefined, `kk-${tag}@example.kz`);
    silent = await victim('en', 'none', `none-${tag}@example.kz`);
    caseId = await caseOf(d, ru.report.id);
    for (const v of [kk, silent]) expect(await caseOf(d, v.report.id)).toBe(caseId);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await d?.close();
    await smtp.stop();
    await sms.stop();
  });

  it('refuses a notify choice without its contact: 400 naming reporter.notify', async () => {
    for (const notify of ['email', 'both']) {
      const res = await d
        .http()
        .post('/api/v1/reports')
        .send(validReportBody({ reporter: { email: undefined, notify } }))
        .expect(400);
      const errors = res.body.errors as Array<{ field: string; message: string }>;
      expect(errors).toContainEqual({
        field: 'reporter.notify',
        message: `notify ${notify} needs an email`,
      });
    }
    const bad = await d
      .http()
      .post('/api/v1/reports')
      .send(validReportBody({ reporter: { notify: 'pigeon' } }))
      .expect(400);
    expect((bad.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(
      'reporter.notify',
    );
  });

  it('stores the choice, defaulting to email with an email and none without', async () => {
    const rows: Array<{ id: string; notify: string }> = await db.query(
      'SELECT id, notify FROM reports WHERE id = ANY($1)',
      [[ru.report.id, kk.report.id, silent.report.id]],
    );
    const by = new Map(rows.map((r) => [r.id, r.notify]));
    expect(by.get(ru.report.id)).toBe('both');
    expect(by.get(kk.report.id)).toBe('email');
    expect(by.get(silent.report.id)).toBe('none');
    const noEmail = await submitReport(
      d,
      validReportBody({ reporter: { email: undefined, notify: 'sms' } }),
    );
    const plain = await submitReport(d, validReportBody({ reporter: { email: undefined } }));
    const more: Array<{ id: string; notify: string }> = await db.query(
      'SELECT id, notify FROM reports WHERE id = ANY($1)',
      [[noEmail.id, plain.id]],
    );
    expect(new Map(more.map((r) => [r.id, r.notify]))).toEqual(
      new Map([
        [noEmail.id, 'sms'],
        [plain.id, 'none'],
      ]),
    );
  });

  it('tells each victim, in their language, that the case is under review; none gets nothing', async () => {
    await inv.api.post(`/cases/${caseId}/claim`).expect(200);
    await eventually(async () => smtp.received.length >= 2 && sms.received.length >= 1);
    await eventually(async () =>
      (await notices()).every((n) => n.status === 'sent') ? true : undefined,
    );

    const [ruMail] = smtp.to(ru.email);
    expect(smtp.to(ru.email)).toHaveLength(1);
    expect(ruMail.subject).toBe(`Ваше заявление ${ru.report.reference} рассматривается`);
    expect(ruMail.text).toContain('рассматривает следователь');
    expect(ruMail.html).toContain('<html lang="ru">');
    expect(ruMail.raw).toMatch(/^From: Cyber police <no-reply@police\.test>/m);

    const [kkMail] = smtp.to(kk.email);
    expect(smtp.to(kk.email)).toHaveLength(1);
    expect(kkMail.subject).toBe(`${kk.report.reference} арызыңыз қаралуда`);
    expect(kkMail.text).toContain('тергеуші қарап жатыр');

    const [ruSms] = sms.to(ru.phone);
    expect(sms.to(ru.phone)).toHaveLength(1);
    expect(ruSms.text).toContain(ru.report.reference);
    expect(ruSms.text).toContain('приобщено к делу');
    expect(ruSms.authorization).toBe(`Bearer ${SMS_TOKEN}`);
    expect(sms.to(kk.phone)).toHaveLength(0);

    expect(smtp.to(silent.email)).toHaveLength(0);
    expect(sms.to(silent.phone)).toHaveLength(0);
    expect(await noticesOf(silent)).toEqual([]);

    expectOnlyOwnData(ru, [kk, silent], [readable(ruMail), ruSms.text]);
    expectOnlyOwnData(kk, [ru, silent], [readable(kkMail)]);
  });

  it('tells a report newly linked to the case already in review', async () => {
    en = await victim('en', 'email', `en-${randomBytes(3).toString('hex')}@example.kz`);
    expect(await caseOf(d, en.report.id)).toBe(caseId);
    await eventually(async () => smtp.to(en.email).length === 1);
    const [mail] = smtp.to(en.email);
    expect(mail.subject).toBe(`Your report ${en.report.reference} is under review`);
    expectOnlyOwnData(en, [ru, kk, silent], [readable(mail)]);
    // The others were told already; the link tells only the new report.
    expect(smtp.to(ru.email)).toHaveLength(1);
    expect(smtp.to(kk.email)).toHaveLength(1);
  });

  it('sends nothing twice: relay rerun, job redelivered, job re-added after removal', async () => {
    const before = { mail: smtp.received.length, sms: sms.received.length };
    const sent = await notices();
    const relay = currentWorker().get(NoticeRelay);
    const delivery = currentWorker().get(NoticeDeliveryService);
    // The relay runs twice over rows it has to send again.
    await db.query('UPDATE citizen_notices SET relayed_at = NULL');
    expect((await relay.relayBatch()).relayed).toBe(sent.length);
    await db.query('UPDATE citizen_notices SET relayed_at = NULL');
    expect((await relay.relayBatch()).relayed).toBe(sent.length);
    // A redelivered job (a stalled one, another worker) runs the send again.
    for (const n of sent) expect(await delivery.deliver(n.id)).toBe('skipped');
    // Jobs gone from Redis (retention, a flushed Redis): the relay adds fresh ones, which run.
    const queue = currentWorker().get<Queue>(getQueueToken(QueueName.CitizenNotices));
    await queue.clean(0, 1000, 'completed');
    await db.query('UPDATE citizen_notices SET relayed_at = NULL');
    await relay.relayBatch();
    await eventually(async () => (await queue.getCompletedCount()) >= sent.length);
    expect({ mail: smtp.received.length, sms: sms.received.length }).toEqual(before);
    expect((await notices()).map((n) => n.attempts)).toEqual(sent.map(() => 1));
    expectEachDeliveredOnce();
  });

  it('retries an email the SMTP server answers 451, and delivers it once', async () => {
    const failedBefore =
      sampleValue(await workerMetrics(), 'fraud_notices_sent_total', {
        channel: 'email',
        outcome: 'failed',
      }) ?? 0;
    smtp.mode = { kind: 'reply', code: 451, times: 2 };
    await recordFreeze(inv, caseId, '500.00', { reportId: ru.report.id });
    await eventually(async () => smtp.to(ru.email).length === 2);
    await eventually(async () => sms.to(ru.phone).length === 2);
    expect(smtp.rejected).toBe(2);
    const [frozen] = (await noticesOf(ru, 'funds_frozen')).filter((n) => n.channel === 'email');
    await eventually(async () =>
      (await noticesOf(ru, 'funds_frozen')).every((n) => n.status === 'sent'),
    );
    const row = (await noticesOf(ru, 'funds_frozen')).find((n) => n.id === frozen.id)!;
    expect(row.attempts).toBe(3);
    const mail = smtp.to(ru.email)[1];
    expect(mail.subject).toBe(`По заявлению ${ru.report.reference} заморожены деньги`);
    expectOnlyOwnData(ru, [kk, silent, en], [readable(mail)]);
    // Only ru's report had money frozen.
    for (const v of [kk, en]) expect(smtp.to(v.email)).toHaveLength(1);
    const text = await workerMetrics();
    expect(
      sampleValue(text, 'fraud_notices_sent_total', { channel: 'email', outcome: 'failed' }),
    ).toBe(failedBefore + 2);
    expect(
      sampleValue(text, 'fraud_notices_sent_total', { channel: 'email', outcome: 'sent' }),
    ).toBeGreaterThanOrEqual(4);
    expect(
      sampleValue(text, 'fraud_notices_sent_total', { channel: 'sms', outcome: 'sent' }),
    ).toBeGreaterThanOrEqual(2);
    expectEachDeliveredOnce();
  });

  it('never resends an SMS whose outcome is unknown, and lists it for admins', async () => {
    sms.mode = 'hangup';
    await recordFreeze(inv, caseId, '100.00', { reportId: ru.report.id });
    await eventually(async () => smtp.to(ru.email).length === 3);
    await eventually(async () => {
      const rows = (await noticesOf(ru, 'funds_frozen')).filter((n) => n.channel === 'sms');
      return rows.length === 2 && rows.some((n) => n.status === 'sending' && n.last_error);
    });
    sms.mode = 'ok';
    const stuck = (await noticesOf(ru, 'funds_frozen')).find((n) => n.status === 'sending')!;
    expect(stuck.attempts).toBe(1);
    expect(stuck.last_error).toMatch(/^gateway /);
    expect(sms.received.filter((m) => m.idempotencyKey === `notice-${stuck.key}`)).toHaveLength(1);

    const admin = await createStaff(d, { role: 'admin' });
    const list = await admin.api.get('/admin/notices').expect(200);
    expect(list.body).toMatchObject({ total: 1 });
    expect(list.body.notices).toEqual([
      expect.objectContaining({
        id: stuck.id,
        reference: ru.report.reference,
        kind: 'funds_frozen',
        channel: 'sms',
        status: 'sending',
        attempts: 1,
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(ru.phone);
    await admin.api.get('/admin/notices?status=failed').expect(200, { total: 0, notices: [] });
    await admin.api.get('/admin/notices?status=lost').expect(400);
    await inv.api.get('/admin/notices').expect(403);
  });

  it('keeps every notice through a worker restart and an SMTP server down, then up', async () => {
    await d.stopWorker();
    worker = await createWorkerApp(d.config);
    await smtp.stop();
    const port = smtp.port;
    await inv.api.post(`/cases/${caseId}/transition`, { to: 'investigating' }).expect(200);
    await inv.api.post(`/cases/${caseId}/transition`, { to: 'solved' }).expect(200);
    // Connection refused: released for a retry, never lost.
    await eventually(async () => {
      const solved = (await notices()).filter((n) => n.kind === 'solved' && n.channel === 'email');
      return solved.length === 3 && solved.every((n) => n.attempts >= 1 && n.status !== 'sent');
    }, 30_000);
    // SMS does not wait for email: the gateway is up.
    await eventually(async () => sms.to(ru.phone).some((m) => m.text.includes('раскрыто')));
    await smtp.start(port);
    await eventually(
      async () =>
        (await notices()).filter((n) => n.kind === 'solved').every((n) => n.status === 'sent'),
      30_000,
    );
    expect(smtp.to(ru.email).map((m) => m.subject)).toContain(
      `Дело по заявлению ${ru.report.reference} раскрыто`,
    );
    expect(smtp.to(kk.email).map((m) => m.subject)).toEqual([
      `${kk.report.reference} арызыңыз қаралуда`,
      `${kk.report.reference} арызы бойынша іс ашылды`,
    ]);
    expect(smtp.to(en.email)).toHaveLength(2);
    expect(sms.to(ru.phone).filter((m) => m.text.includes('раскрыто'))).toHaveLength(1);
    expect(smtp.to(silent.email)).toHaveLength(0);
    expect(await noticesOf(silent)).toEqual([]);
    // The notice left `sending` before the restart was not sent again by the new worker.
    const stuck = (await notices()).filter((n) => n.status === 'sending');
    expect(stuck).toHaveLength(1);
    expect(sms.received.filter((m) => m.idempotencyKey === `notice-${stuck[0].key}`)).toHaveLength(
      1,
    );
    for (const v of [ru, kk, en]) {
      const others = [ru, kk, en, silent].filter((o) => o !== v);
      expectOnlyOwnData(v, others, smtp.to(v.email).map(readable));
    }
    expectOnlyOwnData(
      ru,
      [kk, en, silent],
      sms.to(ru.phone).map((m) => m.text),
    );
    expectEachDeliveredOnce();
  });

  it('re-adds the jobs Redis lost: the backstop sends each notice, once', async () => {
    await worker?.close();
    worker = undefined;
    const supervisor = await createStaff(d, { role: 'supervisor', region: 'almaty_city' });
    // Reopened: every reporter of the case is told again that it is under review.
    await supervisor.api.post(`/cases/${caseId}/transition`, { to: 'in_review' }).expect(200);
    const pending = (await notices()).filter((n) => n.status === 'pending');
    expect(pending.map((n) => n.kind)).toEqual([
      'in_review',
      'in_review',
      'in_review',
      'in_review',
    ]);
    // Relayed, then lost with Redis: marked relayed long ago, and no job exists anywhere.
    await db.query(
      `UPDATE citizen_notices SET relayed_at = now() - interval '10 minutes' WHERE status = 'pending'`,
    );
    worker = await createWorkerApp(d.config);
    await eventually(async () =>
      (await notices())
        .filter((n) => pending.some((p) => p.id === n.id))
        .every((n) => n.status === 'sent'),
    );
    expect(smtp.to(kk.email).map((m) => m.subject)).toEqual([
      `${kk.report.reference} арызыңыз қаралуда`,
      `${kk.report.reference} арызы бойынша іс ашылды`,
      `${kk.report.reference} арызыңыз қаралуда`,
    ]);
    expect(smtp.to(en.email)).toHaveLength(3);
    expect(smtp.to(silent.email)).toHaveLength(0);
    expectEachDeliveredOnce();
  });
});
