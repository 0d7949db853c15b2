import { SignJWT } from 'jose';
import { TEST_JWT_SECRET, startTestServer, type TestServer } from '../support/test-server';

/**
 * Attack (or an honest issuer whose clock runs a little fast): a token whose `iat` or `nbf` lies
 * 30–60 s ahead. README promises 60 s of clock tolerance for both; such a token is accepted, and
 * one beyond the tolerance is refused with a precise coded message, never "bad signature".
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const now = () => Math.floor(Date.now() / 1000);
const raw = (claims: Record<string, unknown>) => new SignJWT({ role: 'CLERK', sub: 'clock.skew', exp: now() + 3600, ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(secret);

async function agencies(token: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ agencies(first: 1) { totalCount } }' }),
  });
  return { status: response.status, ...((await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown }) };
}

describe('token times within the documented 60 s clock tolerance are accepted', () => {
  it.each([
    ['iat 45 s ahead', () => raw({ iat: now() + 45 })],
    ['iat 30 s ahead', () => raw({ iat: now() + 30 })],
    ['nbf 45 s ahead', () => raw({ iat: now(), nbf: now() + 45 })],
    ['iat and nbf 55 s ahead', () => raw({ iat: now() + 55, nbf: now() + 55 })],
  ])('%s', async (_name, make) => {
    const result = await agencies(await make());
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });
});

describe('token times beyond the tolerance are refused with their own coded message', () => {
  it.each([
    ['nbf 5 minutes ahead', () => raw({ iat: now(), nbf: now() + 300 }), /not valid yet: its "nbf" \(not before\) lies \d+ s ahead.*60 s/],
    ['iat 5 minutes ahead', () => raw({ iat: now() + 300 }), /"iat" \(issued at\) lies in the future \(more than 60 s ahead\)/],
    ['an nbf that is not a number', () => raw({ iat: now(), nbf: 'soon' }), /"nbf" \(not before\) is not a number/],
    ['a token signed with another key', () => new SignJWT({ role: 'CLERK', sub: 'clock.skew', iat: now(), exp: now() + 3600 }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('another-secret-0123456789abcdefghij')), /signature does not match this server's key/],
  ])('%s', async (_name, make, message) => {
    const result = await agencies(await make());
    expect(result.status).toBe(401);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(message) });
    expect(result.errors?.[0].message).not.toMatch(/bad signature/);
  });
});
