import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { inspectRules } from '../../src/engine/rule-set';
import { getSchema } from '../../src/graphql/schema';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const FIELDS = ['agencies', 'agency', 'civilServants', 'creditRecords', 'verdicts', 'ruleSet', 'evaluate', 'edges', 'node', 'name', 'id', 'totalCount', 'first', 'after', '__schema'];
const KNOWN_CODES = ['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'QUERY_TOO_COMPLEX', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'CONFLICT', 'RULE_ERROR'];

/** GraphQL-looking text: braces, names, arguments and junk, in any order. */
const documents = fc.array(
  fc.oneof(fc.constantFrom(...FIELDS, '{', '}', '(', ')', ':', '$x', '"abc"', '42', 'mutation', 'query', '...', '@skip'), fc.string({ maxLength: 8 })),
  { maxLength: 30 },
).map((tokens) => tokens.join(' '));

const variables = fc.dictionary(fc.constantFrom('x', 'id', 'first', 'after', 'input'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });

describe('random input', () => {
  it('never crashes the server: every answer is a 2xx or 4xx with coded errors, and the server keeps answering', async () => {
    await fc.assert(
      fc.asyncProperty(documents, variables, fc.constantFrom('PUBLIC', 'CLERK', 'ADMIN'), async (query, vars, role) => {
        const result = await server.gql(query, vars, { role });
        expect(result.status).toBeLessThan(500);
        for (const error of result.errors ?? []) expect(KNOWN_CODES).toContain(error.extensions?.code);
      }),
      { numRuns: 200, seed: 20181217 },
    );
    expect((await server.gql('{ agencies { totalCount } }')).data.agencies.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('random rule files never crash the loader: they come back as located problems', async () => {
    const schema = await getSchema();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-fuzz-'));
    cpSync(path.resolve(__dirname, '../../rules'), dir, { recursive: true });
    try {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v, null, 2))), async (text) => {
          writeFileSync(path.join(dir, 'agency/fuzz.json'), text);
          const { problems, ruleSet } = inspectRules(dir, schema);
          if (!ruleSet) {
            expect(problems.length).toBeGreaterThan(0);
            for (const p of problems) expect(p).toEqual({ file: expect.any(String), line: expect.any(Number), column: expect.any(Number), zh: expect.any(String), en: expect.any(String) });
          }
        }),
        { numRuns: 60, seed: 17 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
