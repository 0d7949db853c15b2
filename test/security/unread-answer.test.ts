import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startTestServer, token, type TestServer } from '../support/test-server';

/**
 * hostile14 F2: a client that never read its answer kept it — megabytes beyond the kernel's buffers —
 * in the server process for as long as it held the connection open (one display token held 20 such
 * answers of 8.6 MB, and nothing stopped a thousand). An ended answer must now reach the client within
 * HTTP_SEND_TIMEOUT_SECONDS, else its connection is closed and the memory freed (and it is logged).
 * The client is Python's, as hostile14's was: Node cannot shrink a socket's receive buffer, and on
 * loopback the kernel would otherwise take the whole answer (tcp_rmem up to 32 MB).
 */
let server: TestServer;
const lines: string[] = [];
beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  server = await startTestServer({ sendTimeoutSeconds: 1 }, undefined, { logger: pino({ level: 'info' }, sink) });
});
afterAll(() => server.stop());

const CUT = 'an answer was not read within HTTP_SEND_TIMEOUT_SECONDS';

it('an answer of several MB that the client does not read is cut off after the send timeout, and logged; one that is read arrives whole', async () => {
  // Introspection of the whole schema with its descriptions, aliased, and the rule set's texts: a
  // large answer without any data (development mode), within the cost limit now that introspection
  // counts the schema's real sizes (hostile18 F3).
  const aliases = [
    ...Array.from({ length: 40 }, (_, i) => `s${i}: __schema { types { name description fields { name description } } }`),
    ...Array.from({ length: 14 }, (_, i) => `r${i}: ruleSet { rules { conditions basis { quote } title { zh en } measure { zh en } } }`),
  ].join(' ');
  const json = JSON.stringify({ query: `{ ${aliases} }` });
  const authorization = `Bearer ${await token('ADMIN', 'unread.admin')}`;
  const whole = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: json });
  expect({ status: whole.status, body: whole.status === 200 ? null : await whole.clone().text() }).toEqual({ status: 200, body: null });
  expect((await whole.arrayBuffer()).byteLength).toBeGreaterThan(4_000_000);
  expect(lines.some((line) => line.includes(CUT))).toBe(false);

  const { hostname, port, pathname } = new URL(server.url);
  const request = [`POST ${pathname} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(json)}`, `Authorization: ${authorization}`].join('\r\n') + '\r\n\r\n' + json;
  // Connects with a 4 KB receive buffer, sends the request, and never reads; holds the connection up to 20 s.
  const client = spawn('python3', ['-c', [
    'import socket, sys, time',
    's = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)',
    `s.connect((${JSON.stringify(hostname)}, ${Number(port)}))`,
    's.sendall(sys.stdin.buffer.read())',
    'time.sleep(20)',
  ].join('\n')]);
  client.stdin.end(request);
  try {
    const started = Date.now();
    while (!lines.some((line) => line.includes(CUT)) && Date.now() - started < 15_000) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines.filter((line) => line.includes(CUT))).toHaveLength(1);
  } finally {
    client.kill();
  }
});
