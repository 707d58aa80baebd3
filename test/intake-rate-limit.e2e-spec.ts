import { startDeployment, submitReport, TestDeployment } from '@app/testing';

describe('intake: per-IP limit on the citizen endpoints', () => {
  let d: TestDeployment;

  beforeAll(async () => {
    d = await startDeployment({
      label: 'intakeip',
      env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '6' },
    });
  });
  afterAll(async () => d?.close());

  it('answers 429 once one client exceeds RATE_LIMIT_PUBLIC_PER_MINUTE', async () => {
    const r = await submitReport(d);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const res = await d
        .http()
        .get(`/api/v1/reports/FR-2020-00000${i}/status`)
        .set('X-Access-Code', r.accessCode);
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(404));
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });
});
