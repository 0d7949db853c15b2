import { LocationProvider, Router, Route, useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, onTokenRefused } from './api';
import { LangContext, loadLang, saveLang, useLang, useT, type Lang } from './i18n';
import { loadSession, saveToken, sessionFor, type Session } from './session';
import { checkToken } from './token-check';
import { BASE, ErrorNote, SessionContext, useSession } from './ui';
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
          {t('角色', 'Role')}: <strong data-testid="role">{session.verified ? session.role : t('验证中…', 'checking…')}</strong>
        </span>
        {session.verified && session.subject ? (
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

/**
 * Said when the server refused the session's token (expired, or not valid here) and the console fell
 * back to the public view: the reader must know why the pages now show less.
 */
function TokenNotice({ error, dismiss }: { error: ApiError; dismiss(): void }) {
  const t = useT();
  return (
    <div class="token-notice" data-testid="token-notice">
      <ErrorNote error={error} />
      <p>
        {t('已退回公众（PUBLIC）视图。', 'You now see what the public (PUBLIC) may see.')} <a href={`${BASE}/`}>{t('重新登录', 'Sign in again')}</a>{' '}
        <button type="button" onClick={dismiss}>
          {t('知道了', 'Dismiss')}
        </button>
      </p>
    </div>
  );
}

/** Shown instead of a page while the token kept from earlier is being checked, so no page acts on an unverified role. */
function Checking({ error, retry }: { error: ApiError | null; retry(): void }) {
  const t = useT();
  if (!error) return <p class="loading" aria-live="polite">{t('正在验证令牌…', 'Checking the token…')}</p>;
  return (
    <section>
      <ErrorNote error={error} />
      <button type="button" onClick={retry}>
        {t('重试', 'Try again')}
      </button>
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
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [checkError, setCheckError] = useState<ApiError | null>(null);
  const [checkRound, setCheckRound] = useState(0);
  const current = useRef(session.token);
  current.current = session.token;
  useEffect(() => saveLang(lang), [lang]);
  const signIn = (token: string) => {
    saveToken(token);
    setRefused(null);
    setSession(sessionFor(token, true));
  };
  const signOut = () => {
    saveToken(null);
    setSession(sessionFor(null, true));
  };
  // Any refusal of the session's own token (it expired while the page was open) ends the session.
  useEffect(
    () =>
      onTokenRefused((token, error) => {
        if (token !== current.current) return; // a token being tried on the sign-in page, or an old one
        saveToken(null);
        setSession(sessionFor(null, true));
        setRefused(error);
      }),
    [],
  );
  // A token kept from earlier in the browser session is checked before any page uses it.
  useEffect(() => {
    const token = session.token;
    if (!token || session.verified) return;
    setCheckError(null);
    checkToken(token).then(
      () => token === current.current && setSession(sessionFor(token, true)),
      (error: unknown) => {
        if (error instanceof ApiError && error.token) return; // onTokenRefused ended the session
        setCheckError(error instanceof ApiError ? error : new ApiError('ERROR', String(error)));
      },
    );
  }, [session.token, session.verified, checkRound]);
  return (
    <LangContext.Provider value={{ lang, setLang: setLangState }}>
      <SessionContext.Provider value={{ session, signIn, signOut }}>
        <LocationProvider scope={BASE}>
          <Header />
          <main id="main" tabIndex={-1}>
            {refused ? <TokenNotice error={refused} dismiss={() => setRefused(null)} /> : null}
            {session.token && !session.verified ? (
              <Checking error={checkError} retry={() => setCheckRound((r) => r + 1)} />
            ) : (
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
            )}
          </main>
        </LocationProvider>
      </SessionContext.Provider>
    </LangContext.Provider>
  );
}
