import pino from 'pino';
import { REDACT_PATHS } from './redact-paths';

describe('log redaction', () => {
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
