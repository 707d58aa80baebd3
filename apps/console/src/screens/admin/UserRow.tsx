import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem } from '../../api/client';
import type { components } from '../../api/schema';
import { ProblemMessage } from '../../components/ProblemMessage';
import { FieldError } from '../desk-kit/FieldError';
import { REGIONS, type Region } from '../dashboard/figures';
import { ROLES, type Role } from './AdminScreen';

type User = components['schemas']['UserView'];
type Patch = components['schemas']['UpdateUserDto'];

/** One account: its facts, and edit (role, region, name), (de)activate and a new password. */
export function UserRow({
  user,
  readAt,
}: {
  user: User;
  /** when the list was read */ readAt: number;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'view' | 'edit' | 'password'>('view');
  const [role, setRole] = useState<Role>(user.role);
  const [region, setRegion] = useState<string>(user.region ?? '');
  const [fullName, setFullName] = useState(user.fullName);
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const patch = useMutation({
    mutationFn: async (body: Patch) => {
      const { data, error, response } = await api.PATCH('/api/v1/admin/users/{id}', {
        params: { path: { id: user.id } },
        body,
      });
      if (error !== undefined || !data) throw new ApiProblem(response, error);
      return body;
    },
    onSuccess: (body) => {
      setNotice(body.password ? t('admin.passwordSet') : t('admin.saved'));
      setMode('view');
      setPassword('');
      void queryClient.invalidateQueries({ queryKey: ['admin-users'] });
    },
    onError: (err) => {
      // Someone else changed the account (last admin, taken email): show the fresh list.
      if (err instanceof ApiProblem && err.status === 409) {
        void queryClient.invalidateQueries({ queryKey: ['admin-users'] });
      }
    },
  });
  const problem = patch.error instanceof ApiProblem ? patch.error : null;
  const saveEdit = (e: FormEvent) => {
    e.preventDefault();
    patch.mutate({ role, region: region ? (region as Region) : null, fullName: fullName.trim() });
  };
  const savePassword = (e: FormEvent) => {
    e.preventDefault();
    patch.mutate({ password });
  };
  const base = `user-${user.id}`;
  return (
    <tr data-email={user.email}>
      <th scope="row">{user.email}</th>
      <td>
        {mode === 'edit' ? (
          <>
            <label htmlFor={`${base}-name`} className="visually-hidden">
              {t('admin.fullName')}
            </label>
            <input
              id={`${base}-name`}
              value={fullName}
              onChange={(e) => setFullName(e.target.value)}
            />
            <FieldError problem={problem} field="fullName" />
          </>
        ) : (
          user.fullName
        )}
      </td>
      <td>
        {mode === 'edit' ? (
          <>
            <label htmlFor={`${base}-role`} className="visually-hidden">
              {t('admin.role')}
            </label>
            <select
              id={`${base}-role`}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.role.${r}`)}
                </option>
              ))}
            </select>
            <FieldError problem={problem} field="role" />
          </>
        ) : (
          t(`admin.role.${user.role}`)
        )}
      </td>
      <td>
        {mode === 'edit' ? (
          <>
            <label htmlFor={`${base}-region`} className="visually-hidden">
              {t('admin.region')}
            </label>
            <select
              id={`${base}-region`}
              value={region}
              onChange={(e) => setRegion(e.target.value)}
            >
              <option value="">{t('admin.national')}</option>
              {REGIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`region.${r}`)}
                </option>
              ))}
            </select>
            <FieldError problem={problem} field="region" />
          </>
        ) : user.region ? (
          t(`region.${user.region}`)
        ) : (
          t('admin.national')
        )}
      </td>
      <td>
        {user.active ? t('admin.yes') : t('admin.no')}
        {user.lockedUntil && Date.parse(user.lockedUntil) > readAt && (
          <div>{t('admin.locked', { until: when.format(new Date(user.lockedUntil)) })}</div>
        )}
      </td>
      <td>{user.lastLoginAt ? when.format(new Date(user.lastLoginAt)) : t('admin.never')}</td>
      <td className="actions">
        {mode === 'view' && (
          <>
            <button type="button" onClick={() => setMode('edit')}>
              {t('admin.edit')}
            </button>
            <button type="button" onClick={() => setMode('password')}>
              {t('admin.resetPassword')}
            </button>
            <button type="button" onClick={() => patch.mutate({ active: !user.active })}>
              {user.active ? t('admin.deactivate') : t('admin.reactivate')}
            </button>
          </>
        )}
        {mode === 'edit' && (
          <form onSubmit={saveEdit} aria-label={t('admin.edit.title', { email: user.email })}>
            <button type="submit" disabled={patch.isPending}>
              {t('admin.save')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('admin.cancel')}
            </button>
          </form>
        )}
        {mode === 'password' && (
          <form onSubmit={savePassword} aria-label={t('admin.resetPassword')}>
            <label htmlFor={`${base}-password`}>{t('admin.newPassword')}</label>
            <input
              id={`${base}-password`}
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <FieldError problem={problem} field="password" />
            <button type="submit" disabled={patch.isPending}>
              {t('admin.save')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('admin.cancel')}
            </button>
          </form>
        )}
        {problem && <ProblemMessage problem={problem} />}
        {notice && <p role="status">{notice}</p>}
      </td>
    </tr>
  );
}
