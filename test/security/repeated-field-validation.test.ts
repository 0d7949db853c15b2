import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { SHAPE_LIMITS } from '../../src/graphql/document-shape';
import { healthz } from '../support/healthz';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile17 F1: ~8 KB anonymous documents of one field repeated hundreds of times, inside the token
 * limit — `{ ruleSet { version } … }` ×450 (refused only when graphql-js's own budget ran out,
 * "Validation aborted.") and `{ ruleSet { matters { code } } … }` ×280 (valid, served) — cost 100 to
 * 200 ms of CPU each in graphql-js's validation (OverlappingFieldsCanBeMergedRule compares every two
 * fields of one name) before any limit rule ran; a few requests a second held /healthz for seconds.
 * The same over WebSocket. Now a linear pass counts those comparisons first and refuses the document
 * before the quadratic rule walks it (src/graphql/document-shape.ts): about a millisecond each.
 * Each document carries a random comment, so that no cache of parsed documents answers it.
 */
const server = serverPerFile();
const repeated = (n: number, field: string, root = '') => `${root}{ ${Array(n).fill(field).join(' ')} }\n#${randomBytes(6).toString('hex')}`;
const pairs = (n: number) => (n * (n - 1)) / 2;

const REFUSED = [
  { name: '`ruleSet { version }` ×450', query: () => repeated(450, 'ruleSet { version }'), path: 'ruleSet', repeats: 450 },
  { name: '`ruleSet { matters { code } }` ×280', query: () => repeated(280, 'ruleSet { matters { code } }'), path: 'ruleSet', repeats: 280 },
];

function expectRefused(error: { message: string; extensions?: Record<string, unknown> }, path: string, repeats: number): void {
  expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: SHAPE_LIMITS.repeatedFieldPairs, path, repeats });
  expect(error.extensions!.found).toBeGreaterThanOrEqual(pairs(repeats));
  expect(error.message).toMatch(new RegExp(`repeats fields of one name in one selection \\(\`${path}\` ${repeats} times\\).*the limit is ${SHAPE_LIMITS.repeatedFieldPairs}\\. Ask for each field once.*Nothing was run\\.`));
}

it.each(REFUSED)('refuses the anonymous document $name over HTTP with one coded error before validation walks it; /healthz answers', async ({ query, path, repeats }) => {
  server.resetStatements();
  const attacks = Array.from({ length: 10 }, () => server.rawQuery(query(), undefined, { role: 'PUBLIC' }));
  expect(await healthz(server)).toBe(200);
  for (const result of await Promise.all(attacks)) {
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1); // not "Validation aborted.", nor any other rule's complaint
    expectRefused(result.errors![0], path, repeats);
  }
  expect(server.statements).toEqual([]);
});

it('refuses the same shape through a fragment spread in each repeat, and through many fragments spread in one selection', async () => {
  const throughFragment = `{ ${Array(100).fill('ruleSet { ...F }').join(' ')} } fragment F on RuleSet { matters { code } }`;
  const result = await server.rawQuery(throughFragment, undefined, { role: 'PUBLIC' });
  expectRefused(result.errors![0], 'ruleSet', 100);
  const fragments = Array.from({ length: 60 }, (_, i) => `fragment F${i} on RuleSet { version }`).join(' ');
  const manySpreads = await server.rawQuery(`{ ruleSet { ${Array.from({ length: 60 }, (_, i) => `...F${i}`).join(' ')} } } ${fragments}`, undefined, { role: 'PUBLIC' });
  expect(manySpreads.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: SHAPE_LIMITS.repeatedFieldPairs, path: 'ruleSet.version', repeats: 60 });
});

it('serves what repeats a little: a field asked twice, and as many repeats as the limit allows', async () => {
  const twice = await server.rawQuery('{ ruleSet { version } ruleSet { version matters { code } } }', undefined, { role: 'PUBLIC' });
  expect(twice.errors).toBeUndefined();
  expect(twice.data.ruleSet.matters.length).toBeGreaterThan(0);
  // n ruleSets with one field each make n(n-1)/2 pairs at `ruleSet` and as many at `ruleSet.version`.
  const fitting = Array.from({ length: 40 }, (_, n) => n).filter((n) => 2 * pairs(n) <= SHAPE_LIMITS.repeatedFieldPairs).pop()!;
  const most = await server.rawQuery(repeated(fitting, 'ruleSet { version }'), undefined, { role: 'PUBLIC' });
  expect(most.errors).toBeUndefined();
  const over = await server.rawQuery(repeated(fitting + 2, 'ruleSet { version }'), undefined, { role: 'PUBLIC' });
  expect(over.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: SHAPE_LIMITS.repeatedFieldPairs });
});

it('refuses the same shape in a Subscribe message over WebSocket: `subjectChanged { action }` ×280', async () => {
  const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  try {
    const answers = new Map<string, any>();
    await new Promise<void>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.type === 'connection_ack') {
          for (let i = 0; i < 5; i++) socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: repeated(280, 'subjectChanged { action }', 'subscription ') } }));
        }
        if (message.id) answers.set(message.id, message);
        if (answers.size === 5) resolve();
      });
      socket.on('close', () => reject(new Error('closed')));
    });
    for (const message of answers.values()) {
      expect(message.type).toBe('error');
      expect(message.payload).toHaveLength(1);
      expectRefused(message.payload[0], 'subjectChanged', 280);
    }
  } finally {
    socket.close();
  }
});
