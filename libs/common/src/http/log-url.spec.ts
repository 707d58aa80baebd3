import { LogUrlPolicy } from './log-url';

describe('LogUrlPolicy', () => {
  const policy = new LogUrlPolicy();
  policy.learn({
    paths: {
      '/api/v1/reports/{reference}/status': { get: { parameters: [] } },
      '/api/v1/cases': {
        get: {
          parameters: [
            { in: 'query', name: 'limit', schema: { type: 'number' } },
            { in: 'query', name: 'region', schema: { type: 'string', enum: ['astana'] } },
            { in: 'query', name: 'cursor', schema: { type: 'string' } },
            { in: 'query', name: 'slaBreached', schema: { type: 'boolean' } },
            { in: 'query', name: 'caseId', schema: { type: 'string', format: 'uuid' } },
          ],
        },
      },
      '/api/v1/stats/summary': {
        get: { parameters: [{ in: 'query', name: 'from', schema: { format: 'date' } }] },
      },
    },
  });
  policy.learnSegments(['status.html']);

  it('masks every path segment that is not ours, a UUID or a record number', () => {
    expect(policy.render('/api/v1/reports/8%20701%20123%2045%2067/status').url).toBe(
      '/api/v1/reports/[redacted]/status',
    );
    expect(policy.render('/api/v1/reports/FR-2026-000123/status').url).toBe(
      '/api/v1/reports/FR-2026-000123/status',
    );
    expect(policy.render('/api/v1/cases/0b3c7f9e-1d2a-4c5b-8e6f-7a8b9c0d1e2f').url).toBe(
      '/api/v1/cases/0b3c7f9e-1d2a-4c5b-8e6f-7a8b9c0d1e2f',
    );
    expect(policy.render('/status.html').url).toBe('/status.html');
    expect(policy.render('/ivanov/status').url).toBe('/[redacted]/status');
  });

  it('logs known parameters, their values only when they fit, and counts the rest', () => {
    expect(
      policy.render('/api/v1/cases?limit=50&region=astana&slaBreached=true&from=2026-01-01'),
    ).toEqual({ url: '/api/v1/cases?limit=50&region=astana&slaBreached=true&from=2026-01-01' });
    expect(policy.render('/api/v1/cases?limit=4111&region=87011234567&cursor=abc')).toEqual({
      url: '/api/v1/cases?limit=[redacted]&region=[redacted]&cursor=[redacted]',
    });
    expect(policy.render('/api/v1/cases?87011234567=1&iin=850512412347&limit=5')).toEqual({
      url: '/api/v1/cases?limit=5',
      otherParams: 2,
    });
    expect(policy.render('/api/v1/cases?caseId=not-a-uuid').url).toBe(
      '/api/v1/cases?caseId=[redacted]',
    );
  });
});
