import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { serverPerFile } from '../support/server-per-file';
import { token } from '../support/test-server';

/**
 * hostile13 F2: an anonymous client sent `Content-Encoding: gzip` bodies of 999 KB (about 1 KB on
 * the wire) less their last bytes; the server inflated each and held it until the body ended, for
 * Node's default request timeout of 300 s: 280 connections took its memory from 242 MB to 524 MB.
 * Now a request must arrive whole within HTTP_REQUEST_TIMEOUT_SECONDS (408), a request without a
 * token may not send a compressed body (415 ENCODING_UNSUPPORTED at once, its body not read) and at
 * most 64 KB of plain body (413 BODY_TOO_LARGE), and one address may have at most
 * PUBLIC_IN_FLIGHT_PER_ADDRESS anonymous requests under way (429 TOO_MANY_IN_FLIGHT, its body not
 * read). Timeouts are set short here; the defaults are 15 s and 10 s.
 */
const IN_FLIGHT = 3;
const PER_TOKEN = 3;
const server = serverPerFile({ requestTimeoutSeconds: 2, headersTimeoutSeconds: 1, publicInFlightPerAddress: IN_FLIGHT, inFlightPerToken: PER_TOKEN });

const endpoint = () => new URL(server.url);
const body = (bytes: number) => JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(bytes) } });

interface Held {
  socket: net.Socket;
  /** What the server sent back, and when the connection closed (ms after it was opened). */
  answer: Promise<{ text: string; closedAfterMs: number }>;
}

/** Opens a connection and sends a POST to /graphql (gzip unless `plain`) without its last `withheld` bytes. */
function withhold(json: string, { withheld = 8, authorization, plain = false }: { withheld?: number; authorization?: string; plain?: boolean } = {}): Promise<Held> {
  const bytes = plain ? Buffer.from(json) : gzipSync(json);
  const { hostname, port, pathname } = endpoint();
  const socket = net.connect(Number(port), hostname);
  const opened = Date.now();
  let text = '';
  socket.on('data', (chunk) => (text += chunk.toString('utf8')));
  const answer = new Promise<{ text: string; closedAfterMs: number }>((resolve) => socket.on('close', () => resolve({ text, closedAfterMs: Date.now() - opened })));
  socket.on('error', () => undefined);
  return new Promise((resolve) =>
    socket.once('connect', () => {
      const headers = [`POST ${pathname} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Content-Type: application/json', `Content-Length: ${bytes.length}`];
      if (!plain) headers.push('Content-Encoding: gzip');
      if (authorization) headers.push(`Authorization: ${authorization}`);
      socket.write(`${headers.join('\r\n')}\r\n\r\n`);
      socket.write(bytes.subarray(0, bytes.length - withheld));
      resolve({ socket, answer });
    }),
  );
}

/** The JSON body of a raw HTTP answer. */
const jsonOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));

async function post(json: string, authorization?: string) {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: json });
  return { status: response.status, body: (await response.json()) as any };
}

it('the gzip body of hostile13 F2 (999 KB inflated, end withheld) without a token is 415 ENCODING_UNSUPPORTED at once, not held', async () => {
  const held = await withhold(body(999_000));
  const { text, closedAfterMs } = await held.answer;
  expect(text).toMatch(/^HTTP\/1\.1 415 /);
  expect(jsonOf(text).errors[0].extensions).toMatchObject({ code: 'ENCODING_UNSUPPORTED' });
  expect(jsonOf(text).errors[0].message).toMatch(/without a token may not send a compressed body.*Nothing was run/);
  // Answered and closed without waiting for the request timeout (2 s here).
  expect(closedAfterMs).toBeLessThan(2_000);
});

it.each([
  ['a signed-in gzip body', true],
  ['an anonymous plain body', false],
])('%s withheld before its end gets 408 within the request timeout, and the connection is closed', async (_what, signedIn) => {
  const held = signedIn ? await withhold(body(30_000), { authorization: `Bearer ${await token('DISPLAY', 'sec16.display')}` }) : await withhold(body(30_000), { plain: true });
  const { text, closedAfterMs } = await held.answer;
  expect(text).toMatch(/^HTTP\/1\.1 408 /);
  // 2 s configured, checked every 250 ms: not Node's default of 300 s.
  expect(closedAfterMs).toBeLessThan(10_000);
});

it('an anonymous body over 64 KB is 413 BODY_TOO_LARGE; the same body signed in is read (limit 1 MB)', async () => {
  const large = body(100_000);
  const anonymous = await post(large);
  expect(anonymous.status).toBe(413);
  expect(anonymous.body.errors[0].extensions).toMatchObject({ code: 'BODY_TOO_LARGE', limit: 65_536 });
  const signedIn = await post(large, `Bearer ${await token('DISPLAY', 'sec16.display')}`);
  expect(signedIn.status).toBe(200);
  expect(signedIn.body.data).toEqual({ __typename: 'Query' });
  // A header whose token fails counts as anonymous.
  expect((await post(large, 'Bearer not-a-token')).status).toBe(413);
});

it(`one address with ${IN_FLIGHT} anonymous requests under way gets 429 TOO_MANY_IN_FLIGHT for one more; signed in is not counted; freed when they end`, async () => {
  const held = await Promise.all(Array.from({ length: IN_FLIGHT }, () => withhold(body(1_000), { plain: true })));
  // The held requests have reached the counter once the server has their headers: poll until a refusal comes.
  let refused = await post(body(10));
  for (let i = 0; refused.status !== 429 && i < 20; i++) refused = await post(body(10));
  expect(refused.status).toBe(429);
  expect(refused.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_IN_FLIGHT', limit: IN_FLIGHT });
  expect(refused.body.errors[0].message).toMatch(/PUBLIC_IN_FLIGHT_PER_ADDRESS.*Nothing was run/);
  const signedIn = await post(body(10), `Bearer ${await token('DISPLAY', 'sec16.display')}`);
  expect(signedIn.status).toBe(200);
  for (const { socket } of held) socket.destroy();
  await Promise.all(held.map((h) => h.answer));
  let again = await post(body(10));
  for (let i = 0; again.status === 429 && i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    again = await post(body(10));
  }
  expect(again.status).toBe(200);
  expect(again.body.data).toEqual({ __typename: 'Query' });
});

it(`hostile14 F2: one token holder with ${PER_TOKEN} requests under way gets 429 TOO_MANY_IN_FLIGHT for one more; another holder does not`, async () => {
  const display = `Bearer ${await token('DISPLAY', 'hostile14.display')}`;
  const held = await Promise.all(Array.from({ length: PER_TOKEN }, () => withhold(body(1_000), { plain: true, authorization: display })));
  let refused = await post(body(10), display);
  for (let i = 0; refused.status !== 429 && i < 20; i++) refused = await post(body(10), display);
  expect(refused.status).toBe(429);
  expect(refused.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_IN_FLIGHT', limit: PER_TOKEN });
  expect(refused.body.errors[0].message).toMatch(/sub hostile14\.display.*IN_FLIGHT_PER_TOKEN.*Nothing was run/);
  expect((await post(body(10), `Bearer ${await token('DISPLAY', 'another.display')}`)).status).toBe(200);
  for (const { socket } of held) socket.destroy();
  await Promise.all(held.map((h) => h.answer));
});
