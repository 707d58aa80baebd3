import { passwordProblem } from './password-policy';

describe('passwordProblem (NIST SP 800-63B)', () => {
  it('accepts long passwords of any characters, with no composition rules', () => {
    for (const ok of [
      'correct horse battery',
      'алматы-тауы-биік-2026',
      'lowercaseonlyisfine',
      '🙂🙃🙂🙃 a sentence of words',
      'admin-password-123',
    ]) {
      expect(passwordProblem(ok)).toBeNull();
    }
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('😀'.repeat(7) + 'abcdefg')).toMatch(/at least 15/);
  });

  it('refuses short, blank, repeated, sequential and common passwords', () => {
    expect(passwordProblem('password1234')).toMatch(/at least 15/);
    expect(passwordProblem(' '.repeat(16))).toMatch(/spaces/);
    expect(passwordProblem('\t\n '.repeat(6))).toMatch(/spaces/);
    expect(passwordProblem('a'.repeat(20))).toMatch(/repeated/);
    expect(passwordProblem('longpasslongpass')).toMatch(/repeated/);
    expect(passwordProblem('1234567890123456')).toMatch(/sequential/);
    expect(passwordProblem('qwerty123456789')).toMatch(/common/);
    expect(passwordProblem('PasswordStandard')).toMatch(/common/);
    // A common password padded with digits and symbols is still common.
    expect(passwordProblem('qwertyuiop!!2026')).toMatch(/common/);
    expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256|repeated/);
  });

  it('refuses a password holding the account email', () => {
    const email = 'a.investigator@police.kz';
    expect(passwordProblem('a.investigator-2026!', { email })).toMatch(/email/);
    expect(passwordProblem('mail me at a.investigator@police.kz', { email })).toMatch(/email/);
    expect(passwordProblem('an entirely other phrase', { email })).toBeNull();
    expect(passwordProblem('admin-password-123', { email: 'admin@police.test' })).toBeNull();
  });
});
