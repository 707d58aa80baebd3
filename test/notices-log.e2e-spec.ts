/**
 * Citizen notices with neither SMTP_URL nor SMS_GATEWAY_URL set (docs/notices.md): each notice is
 * one log line naming the reference, kind and channel, and nothing personal.
 */
import { DataSource } from 'typeorm';
import { FraudMetrics } from '@app/common';
import {
  caseOf,
  createStaff,
  eventually,
  ringReport,
  sampleValue,
  startDeployment,
  TestDeployment,
} from '@app/testing';

const EMAIL = 'log-only.victim@example.kz';
const PHONE_DIGITS = '7071239876';
const NAME = 'Saule Log-Only Victim';

describe('citizen notices without a transport: to the log, without personal data', () => {
  const lines: string[] = [];
  let d: TestDeployment;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'notices-log',
      worker: true,
      env: { LOG_LEVEL: 'info' },
      logDestination: { write: (line: string) => void lines.push(line) },
    });
  }, 60_000);
  afterAll(async () => d?.close());

  it('logs one line per notice and channel, with the reference only', async () => {
    const inv = await createStaff(d, { role: 'investigator', region: 'almaty_city' });
    const report = await ringReport(d, {
      reporter: {
        fullName: NAME,
        phone: `8${PHONE_DIGITS}`,
        email: EMAIL,
        language: 'kk',
        notify: 'both',
      },
    });
    const caseId = await caseOf(d, report.id);
    await inv.api.post(`/cases/${caseId}/claim`).expect(200);
    const noticeLines = () =>
      lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter(
          (l) => typeof l.msg === 'string' && l.msg.startsWith('citizen notice (no transport'),
        );
    await eventually(async () => noticeLines().length === 2);
    expect(
      noticeLines()
        .map((l) => [l.reference, l.kind, l.channel, l.language])
        .sort(),
    ).toEqual([
      [report.reference, 'in_review', 'email', 'kk'],
      [report.reference, 'in_review', 'sms', 'kk'],
    ]);
    const all = lines.join('\n');
    for (const secret of [EMAIL, PHONE_DIGITS, NAME, report.accessCode]) {
      expect(all).not.toContain(secret);
    }
    const rows: Array<{ status: string }> = await d.api
      .get(DataSource)
      .query('SELECT status FROM citizen_notices WHERE report_id = $1', [report.id]);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    const text = await d.worker!.get(FraudMetrics).render();
    expect(
      sampleValue(text, 'fraud_notices_sent_total', { channel: 'email', outcome: 'logged' }),
    ).toBe(1);
    expect(
      sampleValue(text, 'fraud_notices_sent_total', { channel: 'sms', outcome: 'logged' }),
    ).toBe(1);
    expect(
      sampleValue(text, 'fraud_notices_sent_total', { channel: 'email', outcome: 'sent' }),
    ).toBe(0);
  });
});
