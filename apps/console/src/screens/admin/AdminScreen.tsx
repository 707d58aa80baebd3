import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../desk-kit/get';
import { REGIONS, type Region } from '../dashboard/figures';
import { CreateUser } from './CreateUser';
import { UserRow } from './UserRow';
import { QueryState } from '../desk-kit/QueryState';
import { Link, useSearchParams } from 'react-router';
import '../desk-kit/desk.css';

export const ROLES = ['investigator', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

interface UserFilters {
  role?: Role;
  region?: Region;
  active?: boolean;
}

function readFilters(search: URLSearchParams): UserFilters {
  const role = search.get('role') ?? '';
  const region = search.get('region') ?? '';
  const active = search.get('active');
  return {
    role: (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined,
    region: (REGIONS as readonly string[]).includes(region) ? (region as Region) : undefined,
    active: active === 'true' ? true : active === 'false' ? false : undefined,
  };
}

/** Staff accounts for admins: list with filters (in the URL), create, edit, deactivate. */
export default function AdminScreen() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search);
  const users = useQuery({
    queryKey: ['admin-users', filters],
    queryFn: () => apiGet('/api/v1/admin/users', filters),
  });
  const setFilter = (key: keyof UserFilters, value: string) => {
    const params = new URLSearchParams(search);
    if (value) params.set(key, value);
    else params.delete(key);
    setSearch(params);
  };
  return (
    <div className="admin">
      <h1>{t('admin.title')}</h1>
      <p>
        <Link to="/admin/queues">{t('admin.queues.link')}</Link>
      </p>
      <CreateUser />
      <section aria-labelledby="users">
        <h2 id="users">{t('admin.users')}</h2>
        <form
          className="filters"
          aria-label={t('admin.filters')}
          onSubmit={(e) => e.preventDefault()}
        >
          <label className="field">
            <span>{t('admin.role')}</span>
            <select
              name="role"
              value={filters.role ?? ''}
              onChange={(e) => setFilter('role', e.target.value)}
            >
              <option value="">{t('admin.any')}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('admin.region')}</span>
            <select
              name="region"
              value={filters.region ?? ''}
              onChange={(e) => setFilter('region', e.target.value)}
            >
              <option value="">{t('admin.any')}</option>
              {REGIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`region.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('admin.active')}</span>
            <select
              name="active"
              value={filters.active === undefined ? '' : String(filters.active)}
              onChange={(e) => setFilter('active', e.target.value)}
            >
              <option value="">{t('admin.any')}</option>
              <option value="true">{t('admin.yes')}</option>
              <option value="false">{t('admin.no')}</option>
            </select>
          </label>
        </form>
        <QueryState query={users} />
        {users.data && users.data.items.length === 0 && <p>{t('admin.none')}</p>}
        {users.data && users.data.items.length > 0 && (
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="users">
              <thead>
                <tr>
                  <th scope="col">{t('admin.email')}</th>
                  <th scope="col">{t('admin.fullName')}</th>
                  <th scope="col">{t('admin.role')}</th>
                  <th scope="col">{t('admin.region')}</th>
                  <th scope="col">{t('admin.active')}</th>
                  <th scope="col">{t('admin.lastLogin')}</th>
                  <th scope="col">{t('desk.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((u) => (
                  <UserRow key={u.id} user={u} readAt={users.dataUpdatedAt} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
