import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router';
import { useSession, useSessionState } from '../api/session';
import { LANGUAGES, setLanguage, type Language } from '../i18n';
import { SignInScreen } from '../screens/sign-in/SignInScreen';
import { ROUTES, type ScreenRoute } from './routes';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span>{t('app.language')}</span>
      <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang}>
            {{ kk: 'Қазақша', ru: 'Русский', en: 'English' }[lang]}
          </option>
        ))}
      </select>
    </label>
  );
}

function Guard({ route }: { route: ScreenRoute }) {
  const { t } = useTranslation();
  const { user } = useSession();
  // A heading of its own: each page has one h1 (axe), this one saying why there is nothing else.
  if (!route.roles.includes(user.role)) return <h1 className="problem">{t('app.forbidden')}</h1>;
  const Screen = route.screen;
  return <Screen />;
}

function Shell() {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('app.nav')}>
          <ul>
            {ROUTES.filter((r) => r.nav && r.roles.includes(user.role)).map((r) => (
              <li key={r.path}>
                <NavLink to={r.path} end={r.path === '/'}>
                  {t(r.nav!)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {user.fullName} · {t(`role.${user.role}`)}
        </span>
        <LanguageSwitch />
        <button type="button" onClick={() => void signOut()}>
          {t('app.signOut')}
        </button>
      </header>
      <main id="main">
        <Suspense fallback={<p>{t('app.loading')}</p>}>
          <Routes>
            {ROUTES.map((r) => (
              <Route key={r.path} path={r.path} element={<Guard route={r} />} />
            ))}
            <Route path="*" element={<h1>{t('app.notFound')}</h1>} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}

/** The console: sign-in until there is a session, then the shell with the screens of ROUTES. */
export function App() {
  const { t } = useTranslation();
  const { session } = useSessionState();
  if (session === undefined) return <p className="loading">{t('app.loading')}</p>;
  if (session === null) {
    return (
      <>
        <header className="topbar">
          <span className="brand">{t('app.title')}</span>
          <LanguageSwitch />
        </header>
        <main id="main">
          <SignInScreen />
        </main>
      </>
    );
  }
  return (
    <BrowserRouter basename="/console">
      <Shell />
    </BrowserRouter>
  );
}
