import { LocationProvider, Router, Route, useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { LangContext, loadLang, saveLang, useLang, useT, type Lang } from './i18n';
import { loadSession, saveToken, sessionFor, type Session } from './session';
import { BASE, SessionContext, useSession } from './ui';
import { SignInPage } from './pages/sign-in';
import { SubjectsPage } from './pages/subjects';
import { SubjectPage } from './pages/subject';
import { VerdictPage } from './pages/verdict';
import { RulesPage } from './pages/rules';
import { SweepsPage } from './pages/sweeps';
import { AuditPage } from './pages/audit';

const NAV: readonly (readonly [string, string, string])[] = [
  ['/', '登录', 'Sign in'],
  ['/subjects', '主体', 'Subjects'],
  ['/rules', '规则', 'Rules'],
  ['/sweeps', '批量评估', 'Sweeps'],
  ['/audit', '审计', 'Audit'],
];

function Header() {
  const t = useT();
  const { lang, setLang } = useLang();
  const { session, signOut } = useSession();
  const { path } = useLocation();
  return (
    <header class="top">
      <a class="skip" href="#main">{t('跳到正文', 'Skip to content')}</a>
      <div class="brand">
        诚信 <span>Chengxin</span>
      </div>
      <nav aria-label={t('主导航', 'Main')}>
        <ul>
          {NAV.map(([href, zh, en]) => {
            const full = BASE + (href === '/' ? '/' : href);
            const current = href === '/' ? path === BASE || path === `${BASE}/` : path.startsWith(BASE + href);
            return (
              <li key={href}>
                <a href={full} aria-current={current ? 'page' : undefined}>
                  {t(zh, en)}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <div class="who" data-testid="who">
        <span>
          {t('角色', 'Role')}: <strong data-testid="role">{session.role}</strong>
        </span>
        {session.subject ? (
          <span>
            {t('用户', 'Subject')}: <strong data-testid="subject">{session.subject}</strong>
          </span>
        ) : null}
        {session.token ? (
          <button type="button" onClick={signOut}>
            退出 Sign out
          </button>
        ) : null}
        <button type="button" lang={lang === 'zh' ? 'en' : 'zh-CN'} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {lang === 'zh' ? 'English' : '中文'}
        </button>
      </div>
    </header>
  );
}

function NotFound() {
  const t = useT();
  return (
    <section>
      <h1>{t('页面不存在', 'No such page')}</h1>
      <p>
        <a href={`${BASE}/`}>{t('回到首页', 'Back to the start')}</a>
      </p>
    </section>
  );
}

/** Moves focus to the page's heading after a navigation, so keyboard and screen-reader users land on the new page. */
function focusMain() {
  requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: false }));
}

export function App() {
  const [lang, setLangState] = useState<Lang>(loadLang);
  const [session, setSession] = useState<Session>(loadSession);
  useEffect(() => saveLang(lang), [lang]);
  const signIn = (token: string) => {
    saveToken(token);
    setSession(sessionFor(token));
  };
  const signOut = () => {
    saveToken(null);
    setSession(sessionFor(null));
  };
  return (
    <LangContext.Provider value={{ lang, setLang: setLangState }}>
      <SessionContext.Provider value={{ session, signIn, signOut }}>
        <LocationProvider scope={BASE}>
          <Header />
          <main id="main" tabIndex={-1}>
            <Router onRouteChange={focusMain}>
              <Route path={`${BASE}/`} component={SignInPage} />
              <Route path={BASE} component={SignInPage} />
              <Route path={`${BASE}/subjects`} component={SubjectsPage} />
              <Route path={`${BASE}/subjects/:type/:id`} component={SubjectPage} />
              <Route path={`${BASE}/verdicts/:id`} component={VerdictPage} />
              <Route path={`${BASE}/rules`} component={RulesPage} />
              <Route path={`${BASE}/sweeps`} component={SweepsPage} />
              <Route path={`${BASE}/audit`} component={AuditPage} />
              <Route default component={NotFound} />
            </Router>
          </main>
        </LocationProvider>
      </SessionContext.Provider>
    </LangContext.Provider>
  );
}
