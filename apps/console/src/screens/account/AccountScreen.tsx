import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { ProblemMessage } from '../../components/ProblemMessage';

/** The signed-in person: who they are, and their own password (POST /me/password). */
export default function AccountScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } })),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
  });
  const problem = change.error instanceof ApiProblem ? change.error : null;
  const fieldError = (field: string) => problem?.fieldError(field);

  function submit(e: FormEvent) {
    e.preventDefault();
    change.mutate();
  }

  return (
    <section className="card">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('signIn.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        <dt>{t('account.region')}</dt>
        <dd>{user.region ? t(`region.${user.region}`) : t('account.national')}</dd>
      </dl>
      <form onSubmit={submit}>
        <h2>{t('account.password')}</h2>
        <div className="field">
          <label htmlFor="current-password">{t('account.current')}</label>
          <input
            id="current-password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={fieldError('currentPassword') ? true : undefined}
            aria-describedby={fieldError('currentPassword') ? 'current-password-error' : undefined}
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
          />
          {fieldError('currentPassword') && (
            <span id="current-password-error" className="field-error">
              {fieldError('currentPassword')}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="new-password">{t('account.new')}</label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            required
            minLength={15}
            aria-invalid={fieldError('newPassword') ? true : undefined}
            aria-describedby={
              fieldError('newPassword')
                ? 'new-password-hint new-password-error'
                : 'new-password-hint'
            }
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
          />
          <span id="new-password-hint" className="hint">
            {t('account.rules')}
          </span>
          {fieldError('newPassword') && (
            <span id="new-password-error" className="field-error">
              {fieldError('newPassword')}
            </span>
          )}
        </div>
        {problem && problem.errors.length === 0 && <ProblemMessage problem={problem} />}
        {change.isSuccess && (
          <p className="notice" role="status">
            {t('account.changed')}
          </p>
        )}
        <button type="submit" disabled={change.isPending}>
          {t('account.change')}
        </button>
      </form>
    </section>
  );
}
