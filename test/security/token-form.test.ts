import { SignJWT } from 'jose';
import { SIGNING_KEY, writeWithToken, writtenRows } from '../support/forged-tokens';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile7 N2: a token whose signature had "=" appended was accepted, so one token could be written
 * as several strings. N3: a token's `sub` could hold look-alike ideographs (王⼀ with the Kangxi
 * radical ⼀), which registry names refuse; it showed as 王一 in the audit trail and was not found
 * by it. N4: only X-Forwarded-For, Forwarded and X-Real-IP marked a request as relayed. Each token
 * is now UNAUTHENTICATED with a message saying why, writing nothing; each relayed request gets 404
 * from /metrics.
 */
const server = serverPerFile();
const sign = (sub: string) => new SignJWT({ role: 'CLERK' }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('1h').sign(SIGNING_KEY);

const withToken = (token: string) => writeWithToken(server, token);
const counts = () => writtenRows(server);

it('accepts a token only in its compact form: "=" padding or any other character is UNAUTHENTICATED, nothing written', async () => {
  const token = await sign('clerk.li');
  const before = await counts();
  for (const variant of [`${token}=`, `${token}==`, `${token.replace(/\.([^.]*)$/, '.=$1')}`, `${token}.`]) {
    const result = await withToken(variant);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('not in the compact JWS form') });
  }
  expect(await counts()).toEqual(before);
  expect((await withToken(token)).errors).toBeUndefined();
  expect(await counts()).toEqual({ audit: before.audit + 1, agencies: before.agencies + 1 });
});

it('refuses a sub with a look-alike ideograph (Kangxi radical, compatibility ideograph), naming the character and what to write', async () => {
  const before = await counts();
  for (const [sub, char, plain] of [['王\u2F00', 'U+2F00', 'U+4E00'], ['李\uF900', 'U+F900', 'U+8C48']]) {
    const result = await withToken(await sign(sub!));
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(result.errors?.[0].message).toContain(`The token's "sub" claim: 第 2 个字符 ${char}`);
    expect(result.errors?.[0].message).toContain(`write ${plain} instead`);
  }
  expect(await counts()).toEqual(before);
  expect((await withToken(await sign('王一'))).errors).toBeUndefined();
});

it('/metrics answers 404 to a loopback request carrying any header a proxy adds, empty or not', async () => {
  const metrics = server.url.replace(/\/graphql$/, '/metrics');
  expect((await fetch(metrics)).status).toBe(200);
  for (const header of ['x-forwarded-for', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip', 'via']) {
    for (const value of ['203.0.113.7', '']) {
      const response = await fetch(metrics, { headers: { [header]: value } });
      expect({ header, value, status: response.status }).toEqual({ header, value, status: 404 });
    }
  }
});
