/**
 * The signed-in user: the token lives in sessionStorage only (gone when the browser session ends, never
 * in a URL). Its role and subject are read from the token's claims for display; the server decides what
 * the token may do.
 */
const KEY = 'chengxin.token';

export interface Session {
  token: string | null;
  role: string;
  subject: string | null;
}

export const PUBLIC_SESSION: Session = { token: null, role: 'PUBLIC', subject: null };

function claims(token: string): { role?: unknown; sub?: unknown } {
  const part = token.split('.')[1];
  if (!part) return {};
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as { role?: unknown; sub?: unknown };
  } catch {
    return {};
  }
}

export function sessionFor(token: string | null): Session {
  if (!token) return PUBLIC_SESSION;
  const { role, sub } = claims(token);
  return { token, role: typeof role === 'string' ? role : '?', subject: typeof sub === 'string' ? sub : null };
}

export function loadSession(): Session {
  return sessionFor(sessionStorage.getItem(KEY));
}

export function saveToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
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
  return (MAY[what] as readonly string[]).includes(session.role);
}
