import { SignJWT } from 'jose';
import { mintToken } from '../../src/auth/tokens';
import { uscc } from '../support/factories';
import { TEST_JWT_SECRET, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const secret = new TextEncoder().encode(TEST_JWT_SECRET);

/** A token signed with the server's own secret, holding exactly these claims. */
function sign(claims: Record<string, unknown>, { sub, exp = '1h' }: { sub?: string; exp?: string | null } = {}): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (sub !== undefined) jwt = jwt.setSubject(sub);
  if (exp !== null) jwt = jwt.setExpirationTime(exp);
  return jwt.sign(secret);
}

async function withToken(token: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation ($u: String!) { createAgency(input: { uscc: $u, name: "冒名机关", level: CITY }) { id } }', variables: { u: uscc() } }),
  });
  return { status: response.status, ...((await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown }) };
}

async function counts() {
  const [row] = await server.sql('select (select count(*) from audit_event)::int as audit, (select count(*) from agency)::int as agencies');
  return row;
}

describe('forged or malformed token claims are refused as UNAUTHENTICATED and nothing is written', () => {
  it.each([
    ['role "toString" (inherited, not a role)', () => sign({ role: 'toString' }, { sub: 'mallory' }), /"role" claim is "toString"/],
    ['role "constructor"', () => sign({ role: 'constructor' }, { sub: 'mallory' }), /"role" claim is "constructor"/],
    ['role "PUBLIC"', () => sign({ role: 'PUBLIC' }, { sub: 'mallory' }), /must be one of CLERK, OFFICER, INSPECTOR, ADMIN/],
    ['no sub', () => sign({ role: 'ADMIN' }), /no "sub" claim/],
    ['no exp (a token that never expires)', () => sign({ role: 'ADMIN' }, { sub: 'mallory', exp: null }), /no valid "exp" claim/],
    ['a 201-character sub', () => sign({ role: 'ADMIN' }, { sub: 'x'.repeat(201) }), /201 characters long; at most 128/],
    ['a sub with control characters', () => sign({ role: 'ADMIN' }, { sub: 'wang\u0000fang\n' }), /control, invisible/],
    ['a sub with a zero-width space', () => sign({ role: 'ADMIN' }, { sub: 'wang\u200bfang' }), /control, invisible/],
    ['the reserved actor "system"', () => sign({ role: 'ADMIN' }, { sub: 'system' }), /reserved for Chengxin itself/],
    ['the reserved actor "System"', () => sign({ role: 'ADMIN' }, { sub: 'System' }), /reserved/],
    ['the reserved actor "public"', () => sign({ role: 'CLERK' }, { sub: 'public' }), /reserved/],
    ['a "cli:" actor', () => sign({ role: 'ADMIN' }, { sub: 'cli:root' }), /reserved/],
  ])('%s', async (_name, make, message) => {
    const before = await counts();
    const result = await withToken(await make());
    expect(result.status).toBe(401);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(message) });
    expect(await counts()).toEqual(before);
    expect(await server.sql("select count(*)::int as n from audit_event where actor in ('system', 'System', 'public', 'cli:root', 'mallory') or length(actor) > 128")).toEqual([{ n: 0 }]);
  });

  it('a well-formed token of the same shape is accepted (the refusals are about the claims)', async () => {
    const result = await withToken(await sign({ role: 'CLERK' }, { sub: '王芳 (HR-03)' }));
    expect(result.errors).toBeUndefined();
    expect(await server.sql("select actor from audit_event where actor = '王芳 (HR-03)'")).toEqual([{ actor: '王芳 (HR-03)' }]);
  });

  it('`chengxin token` will not mint a reserved or overlong subject', async () => {
    await expect(mintToken(secret, 'ADMIN' as never, 'system', '1h')).rejects.toThrow(/reserved/);
    await expect(mintToken(secret, 'ADMIN' as never, 'y'.repeat(129), '1h')).rejects.toThrow(/at most 128/);
  });
});
