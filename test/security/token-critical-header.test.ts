import { createHmac } from 'node:crypto';
import { SIGNING_KEY, writeWithToken, writtenRows } from '../support/forged-tokens';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile14 F4: a genuinely signed token whose header names critical extensions (`crit`) was refused
 * with a message about its signing algorithm, which sent the issuer looking in the wrong place. It is
 * still UNAUTHENTICATED, writing nothing, but the message names the unsupported critical header.
 */
const server = serverPerFile();
const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A genuine HS256 token with these header fields, signed by hand: jose's own signer refuses a `crit` it does not know. */
async function sign(header: Record<string, unknown>): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const input = `${part({ alg: 'HS256', ...header })}.${part({ role: 'CLERK', sub: 'clerk.li', iat: now, exp: now + 3600 })}`;
  return `${input}.${createHmac('sha256', SIGNING_KEY).update(input).digest('base64url')}`;
}

it('refuses a token with a "crit" header as an unsupported critical extension, not as an algorithm, writing nothing', async () => {
  const before = await writtenRows(server);
  for (const header of [{ crit: ['exp'], exp: 1 }, { crit: ['x-policy'], 'x-policy': 'strict' }, { crit: [] }, { crit: 'x' }]) {
    const result = await writeWithToken(server, await sign(header));
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(result.errors?.[0].message).toContain(`critical extensions ("crit": ${JSON.stringify(header.crit)})`);
    expect(result.errors?.[0].message).toContain('issue tokens without a "crit" header');
    expect(result.errors?.[0].message).not.toContain('algorithm');
  }
  expect(await writtenRows(server)).toEqual(before);
  expect((await writeWithToken(server, await sign({}))).errors).toBeUndefined();
});
