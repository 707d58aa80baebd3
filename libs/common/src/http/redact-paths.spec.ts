import pino from 'pino';
import { REDACT_PATHS, redactQueryString } from './redact-paths';

describe('log redaction', () => {
  it('drops query values but keeps the names', () => {
    expect(redactQueryString('/api/v1/identifiers?value=%2B77011234567&x=1')).toBe(
      '/api/v1/identifiers?value=[redacted]&x=[redacted]',
    );
    expect(redactQueryString('/api/v1/cases')).toBe('/api/v1/cases');
  });

  it('censors secrets and personal data, including inside database errors', () => {
    const lines: string[] = [];
    const logger = pino(
      { redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
      { write: (line: string) => void lines.push(line) },
    );
    logger.info({
      user: { password: 'hunter2-secret', accessToken: 'eyJ.token', email: 'a@b.kz' },
      err: {
        message: 'duplicate key',
        parameters: ['850512412347'],
        detail: 'Key (email)=(a@b.kz) already exists.',
        driverError: { detail: 'Key (email)=(a@b.kz)', parameters: ['+77011234567'] },
      },
    });
    const out = lines.join('');
    for (const secret of ['hunter2', 'eyJ.token', 'a@b.kz', '850512412347', '+77011234567']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('duplicate key');
  });
});
