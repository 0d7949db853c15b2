import { SignJWT } from 'jose';
import { mintToken } from '../../src/auth/tokens';
import { SIGNING_KEY, writeWithToken, writtenRows } from '../support/forged-tokens';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** A token signed with the server's own secret, holding exactly these claims. */
function sign(claims: Record<string, unknown>, { sub, exp = '1h' }: { sub?: string; exp?: string | null } = {}): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (sub !== undefined) jwt = jwt.setSubject(sub);
  if (exp !== null) jwt = jwt.setExpirationTime(exp);
  return jwt.sign(SIGNING_KEY);
}

const now = () => Math.floor(Date.now() / 1000);

/** A token with exactly these claims, times included, as a forger would write them. */
function raw(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(SIGNING_KEY);
}

const withToken = (token: string) => writeWithToken(server, token);
const counts = () => writtenRows(server);

describe('forged or malformed token claims are refused as UNAUTHENTICATED and nothing is written', () => {
  it.each([
    ['role "toString" (inherited, not a role)', () => sign({ role: 'toString' }, { sub: 'mallory' }), /"role" claim is "toString"/],
    ['role "constructor"', () => sign({ role: 'constructor' }, { sub: 'mallory' }), /"role" claim is "constructor"/],
    ['role "PUBLIC"', () => sign({ role: 'PUBLIC' }, { sub: 'mallory' }), /must be one of CLERK, OFFICER, INSPECTOR, ADMIN/],
    ['no sub', () => sign({ role: 'ADMIN' }), /no "sub" claim/],
    ['no exp (a token that never expires)', () => sign({ role: 'ADMIN' }, { sub: 'mallory', exp: null }), /no valid "exp" claim/],
    ['a 201-character sub', () => sign({ role: 'ADMIN' }, { sub: 'x'.repeat(201) }), /201 characters long; at most 128/],
    ['a sub with control characters', () => sign({ role: 'ADMIN' }, { sub: 'wang\u0000fang\n' }), /may hold only letters/],
    ['a sub with a zero-width space', () => sign({ role: 'ADMIN' }, { sub: 'wang\u200bfang' }), /may hold only letters/],
    ['a sub of markup', () => sign({ role: 'ADMIN' }, { sub: '<img src=x onerror=alert(1)>' }), /may hold only letters/],
    ['a sub with a space at the end', () => sign({ role: 'ADMIN' }, { sub: 'wang.fang ' }), /may hold only letters/],
    ['the full-width reserved actor "ｓｙｓｔｅｍ" (NFKC: system)', () => sign({ role: 'ADMIN' }, { sub: 'ｓｙｓｔｅｍ' }), /reserved for Chengxin itself/],
    ['a full-width "ＣＬＩ：" actor', () => sign({ role: 'ADMIN' }, { sub: 'ＣＬＩ：root' }), /reserved/],
    ['an exp 400 days ahead', () => sign({ role: 'ADMIN' }, { sub: 'mallory', exp: '400d' }), /lives 400 days from its "iat" to its "exp"; tokens may live at most 30 days/],
    ['an iat in the future', () => new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setIssuedAt(Math.floor(Date.now() / 1000) + 3600).setExpirationTime('2h').sign(SIGNING_KEY), /"iat" \(issued at\) lies in the future \(more than 60 s ahead\)/],
    ['an nbf in the future', () => new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setIssuedAt().setNotBefore('30m').setExpirationTime('2h').sign(SIGNING_KEY), /not valid yet/],
    // Absurd times: jose's maxTokenAge and clockTolerance, and the lifetime check jose has no option for.
    ['an iat of -1e20 (issued before time began)', () => raw({ role: 'ADMIN', sub: 'mallory', iat: -1e20, exp: now() + 3600 }), /"iat" \(issued at\) lies more than 30 days in the past \(JWT_MAX_TTL_DAYS\), or is not a real time/],
    ['an iat of 1e20 (issued in the far future)', () => raw({ role: 'ADMIN', sub: 'mallory', iat: 1e20, exp: now() + 3600 }), /"iat" \(issued at\) lies in the future/],
    ['an iat two minutes ahead (beyond the clock skew)', () => raw({ role: 'ADMIN', sub: 'mallory', iat: now() + 120, exp: now() + 3600 }), /"iat" \(issued at\) lies in the future \(more than 60 s ahead\)/],
    ['no iat', () => raw({ role: 'ADMIN', sub: 'mallory', exp: now() + 3600 }), /no "iat" claim/],
    ['an iat that is not a number', () => raw({ role: 'ADMIN', sub: 'mallory', iat: 'yesterday', exp: now() + 3600 }), /"iat" \(issued at\) is not a number/],
    ['an exp of 1e300', () => raw({ role: 'ADMIN', sub: 'mallory', iat: now(), exp: 1e300 }), /tokens may live at most 30 days \(JWT_MAX_TTL_DAYS\)/],
    ['an iat 40 days ago with an exp still ahead', () => raw({ role: 'ADMIN', sub: 'mallory', iat: now() - 40 * 86400, exp: now() + 3600 }), /lies more than 30 days in the past/],
    ['a lifetime of 40 days, half of it left (iat 20 days ago, exp in 20)', () => raw({ role: 'ADMIN', sub: 'mallory', iat: now() - 20 * 86400, exp: now() + 20 * 86400 }), /lives 40 days from its "iat" to its "exp"/],
    ['an exp one second past (no clock skew on expiry)', () => raw({ role: 'ADMIN', sub: 'mallory', iat: now() - 60, exp: now() - 1 }), /has expired/],
    ['the reserved actor "system"', () => sign({ role: 'ADMIN' }, { sub: 'system' }), /reserved for Chengxin itself/],
    ['the reserved actor "System"', () => sign({ role: 'ADMIN' }, { sub: 'System' }), /reserved/],
    ['the reserved actor "public"', () => sign({ role: 'CLERK' }, { sub: 'public' }), /reserved/],
    ['a "cli:" actor', () => sign({ role: 'ADMIN' }, { sub: 'cli:root' }), /reserved/],
    // Look-alike letters NFKC does not fold: only ASCII and Chinese letters are taken.
    ['the Cyrillic look-alike "ѕуѕtеm"', () => sign({ role: 'ADMIN' }, { sub: '\u0455\u0443\u0455t\u0435m' }), /no look-alike letters of other scripts/],
    ['the Cyrillic look-alike "рublic"', () => sign({ role: 'CLERK' }, { sub: '\u0440ublic' }), /no look-alike letters of other scripts/],
    ['the Cyrillic look-alike "сli:x"', () => sign({ role: 'ADMIN' }, { sub: '\u0441li:x' }), /no look-alike letters of other scripts/],
  ])('%s', async (_name, make, message) => {
    const before = await counts();
    const result = await withToken(await make());
    expect(result.status).toBe(401);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(message) });
    expect(await counts()).toEqual(before);
    expect(await server.sql("select count(*)::int as n from audit_event where actor in ('system', 'System', 'public', 'cli:root', 'mallory', 'ｓｙｓｔｅｍ', 'ＣＬＩ：root') or actor like '%<%' or length(actor) > 128")).toEqual([{ n: 0 }]);
  });

  it('a well-formed token of the same shape is accepted (the refusals are about the claims)', async () => {
    const result = await withToken(await sign({ role: 'CLERK' }, { sub: '王芳 HR-03' }));
    expect(result.errors).toBeUndefined();
    expect(await server.sql("select actor from audit_event where actor = '王芳 HR-03'")).toEqual([{ actor: '王芳 HR-03' }]);
  });

  it('`chengxin token` will not mint a reserved or overlong subject', async () => {
    await expect(mintToken(SIGNING_KEY, 'ADMIN' as never, 'system', '1h')).rejects.toThrow(/reserved/);
    await expect(mintToken(SIGNING_KEY, 'ADMIN' as never, 'y'.repeat(129), '1h')).rejects.toThrow(/at most 128/);
  });
});

describe('JWT_ISSUER and JWT_AUDIENCE, when set, are checked; `chengxin token` mints with them', () => {
  let strict: TestServer;
  beforeAll(async () => {
    strict = await startTestServer({ jwtIssuer: 'https://sso.ezhou.gov.cn', jwtAudience: 'chengxin' });
  });
  afterAll(() => strict.stop());

  const agencies = async (token: string) => {
    const response = await fetch(strict.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ agencies { totalCount } }' }) });
    return { status: response.status, ...((await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown }) };
  };

  it('a token of another issuer, of no audience or of another audience is refused with its own message', async () => {
    const base = () => new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setIssuedAt().setExpirationTime('1h');
    const cases: [Promise<string>, RegExp][] = [
      [base().sign(SIGNING_KEY), /"iss" claim is not "https:\/\/sso.ezhou.gov.cn"/],
      [base().setIssuer('https://evil.example').setAudience('chengxin').sign(SIGNING_KEY), /"iss" claim/],
      [base().setIssuer('https://sso.ezhou.gov.cn').sign(SIGNING_KEY), /"aud" claim does not name "chengxin"/],
      [base().setIssuer('https://sso.ezhou.gov.cn').setAudience('other').sign(SIGNING_KEY), /"aud" claim/],
    ];
    for (const [make, message] of cases) {
      const result = await agencies(await make);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(message) });
    }
  });

  it('a token minted as `chengxin token` does with the settings is accepted', async () => {
    const minted = await mintToken(SIGNING_KEY, 'ADMIN' as never, 'wang.fang', '1h', { issuer: 'https://sso.ezhou.gov.cn', audience: 'chengxin' });
    const result = await agencies(minted);
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });
});
