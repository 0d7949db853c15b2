import net from 'node:net';
import { LARGE_ANSWER_BYTES } from '../../src/graphql/http-limits/anonymous-requests';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile17 N4: the anonymous in-flight limit (PUBLIC_IN_FLIGHT_PER_ADDRESS) let a request go once
 * Node had handed its answer to the kernel, whose send buffer on a connection takes megabytes whether
 * the client reads or not: 100 unread answers of 1.2 MB from one address were all served in 5 s, 65 MB
 * held in kernel queues. Now an answer over LARGE_ANSWER_BYTES stays counted until the client sends
 * its next request on that connection or closes it (src/graphql/http-limits/anonymous-requests.ts).
 */
const PER_ADDRESS = 3;
const server = serverPerFile({ publicInFlightPerAddress: PER_ADDRESS });
const FRAGMENT = 'fragment F on RuleSet { rules { conditions basis { quote } title { zh en } measure { zh en } } }';
const LARGE = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: ruleSet { ...F }`).join(' ')} } ${FRAGMENT}`;
const post = () => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: LARGE }) });

/** A connection that sends the request and never reads the answer; resolves once the answer has begun to arrive. */
function unreadRequest(): Promise<net.Socket> {
  const { hostname, port, pathname } = new URL(server.url);
  const body = JSON.stringify({ query: LARGE });
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    socket.once('readable', () => resolve(socket)); // read nothing: the rest stays in the kernel's buffers
    socket.once('error', reject);
  });
}

it(`${PER_ADDRESS} large answers left unread hold the address's in-flight places until their connections close`, async () => {
  const unread = await Promise.all(Array.from({ length: PER_ADDRESS }, unreadRequest));
  try {
    // Node has handed them to the kernel by now (before: they had left the count, and this was served).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions).toMatchObject({ code: 'TOO_MANY_IN_FLIGHT', limit: PER_ADDRESS });
    unread[0].destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await post()).status).toBe(200);
  } finally {
    for (const socket of unread) socket.destroy();
  }
});

it('the answer is large, and a client that reads its answers sends one after another on its connection without being held', async () => {
  for (let i = 0; i < PER_ADDRESS + 2; i++) {
    const response = await post();
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(LARGE_ANSWER_BYTES);
  }
});
