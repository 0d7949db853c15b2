/**
 * The signed-in user: the token lives in sessionStorage only (gone when the browser session ends, never
 * in a URL). Its role and subject are read from the token's claims, which anyone can write: they are
 * shown (and offer actions) only once the server has accepted the token (`verified`), and the server
 * still decides what the token may do.
 */
const KEY = 'chengxin.token';

export interface Session {
  token: string | null;
  role: string;
  subject: string | null;
  /** The server answered a request made with this token: its claims are the server's own reading. */
  verified: boolean;
}

export const PUBLIC_SESSION: Session = { token: null, role: 'PUBLIC', subject: null, verified: true };

function claims(token: string): { role?: unknown; sub?: unknown; exp?: unknown } {
  const part = token.split('.')[1];
  if (!part) return {};
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as { role?: unknown; sub?: unknown; exp?: unknown };
  } catch {
    return {};
  }
}

/** The session of a token; `verified` only when the server has just accepted it. */
export function sessionFor(token: string | null, verified: boolean): Session {
  if (!token) return PUBLIC_SESSION;
  const { role, sub } = claims(token);
  return { token, role: typeof role === 'string' ? role : '?', subject: typeof sub === 'string' ? sub : null, verified };
}

/** The token kept from earlier in this browser session: not verified until the server accepts it again. */
export function loadSession(): Session {
  return sessionFor(sessionStorage.getItem(KEY), false);
}

/** Whether the token's own `exp` has passed (by this computer's clock): to word a refusal, never to decide. */
export function tokenExpired(token: string): boolean {
  const { exp } = claims(token);
  return typeof exp === 'number' && exp <= Date.now() / 1000;
}

export function saveToken(token: string | null): void {
  if (sessionStorage.getItem(KEY) !== token) forgetUserState();
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

/**
 * GraphiQL (/graphiql, this origin) keeps its editors, tabs and last responses in this tab's
 * sessionStorage under "graphiql:" (console/graphiql/init.js), and the console its searches under
 * "chengxin.search:" (a name searched for, pages/subjects.tsx): they belong to the user who made
 * them, so signing out or in as someone else forgets them.
 */
function forgetUserState(): void {
  // The keys are collected first, then removed: Chromium does not keep sessionStorage.key(i)'s order
  // across a removal, so removing while walking by index skipped a key (`graphiql:tabState`, with
  // the last user's query and variables, survived sign-out in most runs; hostile21 F8).
  const keys = Object.keys(sessionStorage).filter((key) => key.startsWith('graphiql:') || key.startsWith('chengxin.search:'));
  for (const key of keys) sessionStorage.removeItem(key);
}

/** What each role may do, as the server's role matrix says (README, src/auth/role.ts); the server still checks. */
export const MAY = {
  evaluate: ['CLERK', 'OFFICER', 'INSPECTOR', 'ADMIN'],
  manageRules: ['OFFICER', 'ADMIN'],
  readSweeps: ['CLERK', 'OFFICER', 'INSPECTOR', 'ADMIN'],
  readAudit: ['INSPECTOR', 'ADMIN'],
  readHistory: ['CLERK', 'INSPECTOR', 'ADMIN'],
} as const;

export function may(session: Session, what: keyof typeof MAY): boolean {
  return session.verified && (MAY[what] as readonly string[]).includes(session.role);
}
