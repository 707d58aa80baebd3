import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem } from '../../api/client';
import { ProblemMessage } from '../../components/ProblemMessage';
import { FieldError } from '../desk-kit/FieldError';
import { REGIONS, type Region } from '../dashboard/figures';
import { ROLES, type Role } from './AdminScreen';

const EMPTY = { email: '', fullName: '', password: '', role: 'investigator' as Role, region: '' };

/** POST /admin/users: the API checks the password rules and answers field errors beside fields. */
export function CreateUser() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/api/v1/admin/users', {
        body: {
          email: form.email.trim(),
          fullName: form.fullName.trim(),
          password: form.password,
          role: form.role,
          region: form.region ? (form.region as Region) : null,
        },
      });
      if (error !== undefined || !data) throw new ApiProblem(response, error);
      return data;
    },
    onSuccess: (user) => {
      setCreated(t('admin.created', { email: user.email }));
      setForm(EMPTY);
      void queryClient.invalidateQueries({ queryKey: ['admin-users'] });
    },
  });
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    create.mutate();
  };
  const field = (name: 'email' | 'fullName' | 'password', label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`new-${name}`}>{label}</label>
      <input
        id={`new-${name}`}
        name={name}
        type={type}
        required
        autoComplete={name === 'password' ? 'new-password' : 'off'}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        aria-describedby={name === 'password' ? 'new-password-hint' : undefined}
      />
      {name === 'password' && (
        <p id="new-password-hint" className="hint">
          {t('admin.password.hint')}
        </p>
      )}
      <FieldError problem={problem} field={name} />
    </div>
  );
  return (
    <section aria-labelledby="create-user">
      <h2 id="create-user">{t('admin.create')}</h2>
      <form className="form-grid" onSubmit={submit} aria-labelledby="create-user">
        {field('email', t('admin.email'), 'email')}
        {field('fullName', t('admin.fullName'))}
        {field('password', t('admin.password'), 'password')}
        <div className="field">
          <label htmlFor="new-role">{t('admin.role')}</label>
          <select
            id="new-role"
            name="role"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.role.${r}`)}
              </option>
            ))}
          </select>
          <FieldError problem={problem} field="role" />
        </div>
        <div className="field">
          <label htmlFor="new-region">{t('admin.region')}</label>
          <select
            id="new-region"
            name="region"
            value={form.region}
            aria-describedby="new-region-hint"
            onChange={(e) => setForm({ ...form, region: e.target.value })}
          >
            <option value="">{t('admin.national')}</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {t(`region.${r}`)}
              </option>
            ))}
          </select>
          <p id="new-region-hint" className="hint">
            {t('admin.regionNeeded')}
          </p>
          <FieldError problem={problem} field="region" />
        </div>
        {problem && <ProblemMessage problem={problem} />}
        {created && <p role="status">{created}</p>}
        <button type="submit" disabled={create.isPending}>
          {t('admin.create.submit')}
        </button>
      </form>
    </section>
  );
}
