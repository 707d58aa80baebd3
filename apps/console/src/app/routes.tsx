import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { CatalogueKey } from '../i18n/catalogue';
import type { Role } from '../api/session';

export interface ScreenRoute {
  /** Path under /console/ (react-router syntax). */
  readonly path: string;
  readonly screen: LazyExoticComponent<ComponentType>;
  /** Roles that may open the screen; anyone else gets the "not for your role" page. */
  readonly roles: readonly Role[];
  /** Shown in the navigation when set (and only to those roles). */
  readonly nav?: CatalogueKey;
}

const STAFF: readonly Role[] = ['investigator', 'supervisor', 'admin'];

/**
 * Every screen of the console, one line each: the shell builds the router and the navigation
 * from this table, so a role never sees a link to a screen it may not open.
 */
export const ROUTES: readonly ScreenRoute[] = [
  {
    path: '/',
    screen: lazy(() => import('../screens/queue/QueueScreen')),
    roles: STAFF,
    nav: 'nav.queue',
  },
  {
    path: '/account',
    screen: lazy(() => import('../screens/account/AccountScreen')),
    roles: STAFF,
    nav: 'nav.account',
  },
  { path: '/cases/:id', screen: lazy(() => import('../screens/case/CaseScreen')), roles: STAFF },
  {
    path: '/freezes',
    screen: lazy(() => import('../screens/freeze-desk/FreezeDeskScreen')),
    roles: STAFF,
    nav: 'desk.nav',
  },
  {
    path: '/search',
    screen: lazy(() => import('../screens/search/SearchScreen')),
    roles: STAFF,
    nav: 'search.nav',
  },
  {
    path: '/dashboard',
    screen: lazy(() => import('../screens/dashboard/DashboardScreen')),
    roles: ['supervisor', 'admin'],
    nav: 'dashboard.nav',
  },
  {
    path: '/admin',
    screen: lazy(() => import('../screens/admin/AdminScreen')),
    roles: ['admin'],
    nav: 'admin.nav',
  },
  {
    path: '/admin/queues',
    screen: lazy(() => import('../screens/admin/QueuesScreen')),
    roles: ['admin'],
  },
];
