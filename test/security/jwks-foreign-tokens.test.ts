import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { ConfigError, loadConfig } from '../../src/config';
import { JWKS_ALGORITHMS } from '../../src/auth/tokens';
import { runNode } from '../support/run-command';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * hostile21 F2: with JWKS_URL (an identity provider's keys, which sign tokens for many applications)
 * and no JWT_AUDIENCE / JWT_ISSUER, a token the IdP issued for another application — `aud:
 * some-other-app`, with `role: ADMIN` put there by whoever runs that application's claims — was
 * ADMIN here, and the server started without a word. The server now refuses to start without both,
 * and accepts only the algorithms it names. hostile21 N3: `JWKS_URL=http://…` was taken as is
 * (whoever answers it on the way serves the keys), and a key the IdP withdrew kept verifying for
 * jose's default ten minutes. Both now fail: https:// or loopback only, and the key set is
 * refetched after JWKS_CACHE_SECONDS (default 60). This file's server sets it to CACHE_SECONDS, so
 * that the key set ages out in seconds rather than the minute the test used to sleep through.
 */
const ISSUER = 'https://sso.example.gov.cn/realms/ezhou';
const AUDIENCE = 'chengxin';
/** JWKS_CACHE_SECONDS of this file's server: short, so that the withdrawn key's test waits seconds. */
const CACHE_SECONDS = 2;
const AUDIT_QUERY = '{ auditEvents(first: 1) { totalCount } }';

interface SigningKey { alg: string; kid: string; privateKey: KeyLike; jwk: JWK }
let keys: SigningKey[];
/** The keys the IdP publishes now (a test withdraws one). */
let published: JWK[];
let fetches = 0;
let jwks: Server;
let jwksUrl: string;
let server: TestServer;

async function signingKey(alg: string, kid: string, options: { crv?: string } = {}): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, options);
  return { alg, kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig' } };
}

function sign(key: SigningKey, claims: { iss?: string; aud?: string; role?: string; sub?: string } = {}, alg = key.alg): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: claims.role ?? 'ADMIN' })
    .setProtectedHeader({ alg, kid: key.kid })
    .setSubject(claims.sub ?? 'sso.admin')
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(key.privateKey);
}

async function ask(token: string): Promise<{ status: number; body: any }> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: AUDIT_QUERY }),
  });
  return { status: response.status, body: await response.json() };
}

const auditRowsBy = async (actor: string) => (await server.sql<{ n: number }>('select count(*)::int as n from audit_event where actor = ?', [actor]))[0].n;

beforeAll(async () => {
  keys = [
    await signingKey('RS256', 'rs'),
    await signingKey('ES256', 'es'),
    await signingKey('PS256', 'ps'),
    await signingKey('EdDSA', 'ed', { crv: 'Ed25519' }),
    // An RSA key without "alg": what it may sign with is up to the server's list.
    await signingKey('RS512', 'rs-any'),
    await signingKey('RS256', 'withdrawn'),
  ];
  published = keys.map((key) => key.jwk);
  jwks = createServer((request, response) => {
    fetches += 1;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;
  server = await startTestServer({ jwtSecret: undefined, jwksUrl, jwksCacheSeconds: CACHE_SECONDS, jwtIssuer: ISSUER, jwtAudience: AUDIENCE });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => jwks?.close(resolve));
});

describe('the server refuses to start with JWKS_URL alone', () => {
  const env = { JWKS_URL: 'https://sso.example.gov.cn/.well-known/jwks.json', JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE };

  it('names JWT_AUDIENCE and JWT_ISSUER when they are missing, and what to set them to', () => {
    expect(() => loadConfig({ ...env, JWT_AUDIENCE: '' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, JWT_AUDIENCE: ' ' })).toThrow(/^Setting JWT_AUDIENCE is not set, but JWKS_URL is: set it to the audience .* for any other application/);
    expect(() => loadConfig({ ...env, JWT_ISSUER: undefined })).toThrow(/^Setting JWT_ISSUER is not set, but JWKS_URL is: set it to the identity provider's issuer/);
    expect(loadConfig(env)).toMatchObject({ jwksUrl: env.JWKS_URL, jwtIssuer: ISSUER, jwtAudience: AUDIENCE });
    // Without JWKS_URL (HS256 with Chengxin's own secret) they stay optional.
    expect(loadConfig({}).jwtAudience).toBeUndefined();
  });

  it('refuses a plain-HTTP JWKS_URL outside loopback, and one that is no URL', () => {
    for (const url of ['http://sso.example.gov.cn/jwks', 'http://10.0.0.5/jwks', 'http://127.0.0.1.nip.io/jwks', 'http://localhost.example.com/jwks', 'ftp://sso.example.gov.cn/jwks']) {
      expect(() => loadConfig({ ...env, JWKS_URL: url })).toThrow(/^Setting JWKS_URL is ".*", but must be an https:\/\/ address \(http:\/\/ only on loopback/);
    }
    expect(() => loadConfig({ ...env, JWKS_URL: 'sso.example.gov.cn/jwks' })).toThrow(/^Setting JWKS_URL is "sso.example.gov.cn\/jwks", which is not a URL/);
    expect(() => loadConfig({ ...env, JWKS_URL: 'https://user:pw@sso.example.gov.cn/jwks' })).toThrow(/^Setting JWKS_URL carries a user name or password/);
    for (const url of ['http://127.0.0.1:8080/jwks', 'http://[::1]:8080/jwks', 'http://localhost:8080/jwks', 'https://sso.example.gov.cn/jwks']) {
      expect(loadConfig({ ...env, JWKS_URL: url }).jwksUrl).toBe(url);
    }
  });

  it('JWKS_CACHE_SECONDS is a number of seconds from 1 to 3600, 60 when unset', () => {
    expect(loadConfig(env).jwksCacheSeconds).toBe(60);
    expect(loadConfig({ ...env, JWKS_CACHE_SECONDS: '5' }).jwksCacheSeconds).toBe(5);
    expect(loadConfig({ ...env, JWKS_CACHE_SECONDS: '3600' }).jwksCacheSeconds).toBe(3600);
    for (const raw of ['0', '3601', '1.5', '-1', 'ten', '1e3']) {
      expect(() => loadConfig({ ...env, JWKS_CACHE_SECONDS: raw })).toThrow(`Setting JWKS_CACHE_SECONDS is "${raw}", but must be a whole number of seconds a fetched key set is trusted from 1 to 3600`);
    }
  });

  it('npm start exits with the message and status 2, before touching a database', async () => {
    const { JWT_SECRET: _secret, JWT_AUDIENCE: _audience, JWT_ISSUER: _issuer, ...rest } = process.env;
    const result = await runNode(['dist/src/main.js'], { ...rest, JWKS_URL: jwksUrl, JWT_ISSUER: ISSUER, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Setting JWT_AUDIENCE is not set, but JWKS_URL is');
  });

  it('a hand-built configuration is refused too, before any token is checked', async () => {
    await expect(startTestServer({ jwtSecret: undefined, jwksUrl: 'http://sso.example.gov.cn/jwks', jwtIssuer: ISSUER, jwtAudience: AUDIENCE }, server))
      .rejects.toThrow(/^Setting JWKS_URL is "http:\/\/sso.example.gov.cn\/jwks", but must be an https:\/\//);
  });
});

describe('tokens checked against JWKS_URL', () => {
  it('a token of the IdP for Chengxin is accepted, signed with each listed algorithm', async () => {
    expect(JWKS_ALGORITHMS).toEqual(['RS256', 'ES256', 'PS256', 'EdDSA']);
    for (const key of keys.slice(0, 4)) {
      const { body } = await ask(await sign(key, { sub: `sso.${key.kid}` }));
      expect(body.errors).toBeUndefined();
      expect(body.data.auditEvents.totalCount).toBeGreaterThanOrEqual(0);
    }
  });

  it("F2: a token the IdP issued for another application is refused, whatever role it carries, and does nothing", async () => {
    const other = await ask(await sign(keys[0], { aud: 'some-other-app', iss: ISSUER, sub: 'other.app.user' }));
    expect(other.status).toBe(401);
    expect(other.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(other.body.errors[0].message).toContain(`does not name "${AUDIENCE}", the audience this server accepts (JWT_AUDIENCE)`);
    const otherIssuer = await ask(await sign(keys[0], { iss: 'https://sso.example.gov.cn/realms/other-app', sub: 'other.app.user' }));
    expect(otherIssuer.body.errors[0].message).toContain('the issuer this server accepts (JWT_ISSUER)');
    expect(await auditRowsBy('other.app.user')).toBe(0);
  });

  it('a token signed with an algorithm not on the list is refused, naming the list; so is HS256 with the public key as secret', async () => {
    const rs512 = await ask(await sign(keys[4], { sub: 'sso.rs512' }, 'RS512'));
    expect(rs512.body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('with JWKS_URL one of RS256, ES256, PS256, EdDSA') });
    const confused = await new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256', kid: 'rs' }).setSubject('sso.confused').setIssuer(ISSUER).setAudience(AUDIENCE)
      .setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(JSON.stringify(keys[0].jwk)));
    expect((await ask(confused)).body.errors[0].message).toContain('algorithm this server does not accept');
    expect(await auditRowsBy('sso.rs512') + await auditRowsBy('sso.confused')).toBe(0);
  });

  it(`N3: a key the IdP withdraws stops verifying once JWKS_CACHE_SECONDS (here ${CACHE_SECONDS} s) have passed (the key set is fetched again)`, async () => {
    const key = keys[5];
    const token = await sign(key, { sub: 'sso.withdrawn' });
    expect((await ask(token)).body.data.auditEvents.totalCount).toBeGreaterThanOrEqual(0);
    published = published.filter((jwk) => jwk.kid !== key.kid);
    const fetchedBefore = fetches;
    // Still in the cached set for a while: the configured window, not jose's ten minutes.
    await new Promise((resolve) => setTimeout(resolve, (CACHE_SECONDS + 1) * 1000));
    const after = await ask(token);
    expect(after.body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('No key of JWKS_URL matches the token\'s "kid"') });
    expect(fetches).toBeGreaterThan(fetchedBefore);
  });
});
