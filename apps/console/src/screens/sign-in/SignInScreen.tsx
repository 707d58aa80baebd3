import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { useSessionState } from '../../api/session';
import { ProblemMessage } from '../../components/ProblemMessage';

/** Email and password → a console session (httpOnly cookie; nothing kept in scripts' reach). */
export function SignInScreen() {
  const { t } = useTranslation();
  const { signIn, endedBecause } = useSessionState();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await signIn(email, password);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(undefined, {}));
      setBusy(false);
    }
  }

  return (
    <form className="card sign-in" onSubmit={(e) => void submit(e)}>
      <h1>{t('signIn.title')}</h1>
      {endedBecause === 'expired' && !problem && (
        <p className="notice" role="status">
          {t('signIn.expired')}
        </p>
      )}
      <div className="field">
        <label htmlFor="sign-in-email">{t('signIn.email')}</label>
        <input
          id="sign-in-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="sign-in-password">{t('signIn.password')}</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {problem &&
        (problem.status === 401 ? (
          <p className="problem" role="alert">
            {t('signIn.failed')}
          </p>
        ) : problem.status === 429 || problem.status === 423 ? (
          <p className="problem" role="alert">
            {t('signIn.locked')}
          </p>
        ) : (
          <ProblemMessage problem={problem} />
        ))}
      <button type="submit" disabled={busy}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}
