import { createHmac } from 'node:crypto';
import { SIGNING_KEY, writeWithToken, writtenRows } from '../support/forged-tokens';
import { serverPerFile } from '../support/server-per-file';

/**
 * sec10 item 2: a token whose header or claims give a key twice was read with the last one winning
 * (JSON.parse in jose): `{"role":"DISPLAY", …, "role":"ADMIN"}` signed by the issuer was ADMIN here
 * and DISPLAY to a reader that keeps the first, and `{"alg":"none","alg":"HS256"}` one header with two
 * algorithms. Each such token, escaped spellings of the key included, is now UNAUTHENTICATED with a
 * message naming the key, and writes nothing.
 */
const server = serverPerFile();
const part = (json: string) => Buffer.from(json, 'utf8').toString('base64url');
const signed = (header: string, claims: string) => {
  const input = `${part(header)}.${part(claims)}`;
  return `${input}.${createHmac('sha256', SIGNING_KEY).update(input).digest('base64url')}`;
};
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: string) => `{"sub":"dup.tester","iat":${now()},"exp":${now() + 3600},${extra}}`;
const HS256 = '{"alg":"HS256","typ":"JWT"}';

it.each([
  ['two role claims', HS256, claims('"role":"DISPLAY","role":"ADMIN"'), 'claims (payload)', 'role'],
  ['a role claim spelled twice (escaped)', HS256, claims('"role":"DISPLAY","r\\u006fle":"CLERK"'), 'claims (payload)', 'role'],
  ['two sub claims', HS256, claims('"role":"CLERK","sub":"other.holder"'), 'claims (payload)', 'sub'],
  ['a duplicate inside a nested claim', HS256, claims('"role":"CLERK","ext":{"a":1,"a":2}'), 'claims (payload)', 'a'],
  ['two alg in the header', '{"alg":"none","alg":"HS256","typ":"JWT"}', claims('"role":"CLERK"'), 'header', 'alg'],
  ['two typ in the header', '{"alg":"HS256","typ":"JWT","typ":"at+jwt"}', claims('"role":"CLERK"'), 'header', 'typ'],
])('refuses a genuinely signed token with %s: UNAUTHENTICATED naming the key, nothing written', async (_, header, payload, where, key) => {
  const before = await writtenRows(server);
  const result = await writeWithToken(server, signed(header, payload));
  expect(result.status).toBe(401);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  expect(result.errors?.[0].message).toContain(`The token's ${where} give the key "${key}" more than once`);
  expect(await writtenRows(server)).toEqual(before);
});

it('accepts the same token with each key once, and equal values under different objects', async () => {
  const before = await writtenRows(server);
  const result = await writeWithToken(server, signed(HS256, claims('"role":"CLERK","ext":[{"a":1},{"a":1}],"more":{"a":"role"}')));
  expect(result.errors).toBeUndefined();
  expect(await writtenRows(server)).toEqual({ audit: before.audit + 1, agencies: before.agencies + 1 });
});
