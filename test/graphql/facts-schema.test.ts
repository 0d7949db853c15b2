import { lexicographicSortSchema, printSchema } from 'graphql';
import { chinaDate } from '../../src/domain/day';
import { SubjectType } from '../../src/domain/subject';
import { gatherChunkFacts, type FactsRunner, type GatheredFacts } from '../../src/evaluation/facts';
import { createFactsRunner } from '../../src/graphql/facts-runner';
import { getFactsSchema, getSchema, type FactsSchema } from '../../src/graphql/schema';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { countPromises } from '../support/promise-count';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Issue 13 (perf15): the facts runner executes facts queries on the served schema's twin without
 * its global middlewares (getFactsSchema, src/graphql/schema.ts). On the served schema every field
 * of every subject went through them (type-graphql makes each such field a chain of promises), though
 * for the system's reads they do nothing; a CPU profile of the sweep's facts stage put the cost at
 * about a third of it. The twin reads the same facts with far fewer promises, and the served schema
 * keeps every middleware (the guard, mask and personal-read suites under test/security prove them).
 */
let server: TestServer;
const servants: string[] = [];
const AS_OF = new Date('2026-11-01T00:00:00+08:00');
const CLERK = { role: 'CLERK', sub: 'wang.clerk' } as const;
const FILE_OBJECTION = graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本人", reason: "认定有误", filedOn: "2025-04-01" }) { id } }`);

beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2025-05-01', recordedOn: '2025-05-20' });
  for (let i = 0; i < 4; i++) {
    const id = await createCivilServant(server, agencyId, i === 0 ? { principal: true, principalSince: '2020-01-01' } : {});
    if (i < 3) {
      const record = await createRecord(server, 'CIVIL_SERVANT', id, { occurredOn: '2025-03-01', recordedOn: '2025-03-20', severity: i === 2 ? 'MAJOR' : 'MINOR' });
      if (i === 1) await server.ok(FILE_OBJECTION, { r: record }); // ADMIN: dated on a past day (hostile18 F2)
    }
    servants.push(id);
  }
});
afterAll(() => server?.stop());

/** A chunk's facts through a runner on `schema`, and how many promises the read made. */
async function readChunk(schema: FactsSchema): Promise<{ facts: (GatheredFacts | Error)[]; promises: number }> {
  const runner: FactsRunner = createFactsRunner(schema, server.app.orm.em, server.app.rules);
  const read = () => runner.read((run, runChunk) => gatherChunkFacts(run, runChunk, server.app.rules.current, SubjectType.CIVIL_SERVANT, servants, AS_OF, chinaDate(AS_OF)));
  await read(); // compiles the chunk query (graphql-jit) once, outside the count
  const { result: facts, promises } = await countPromises(read);
  return { facts, promises };
}

it('is the served schema with the same SDL, a different build', async () => {
  const served = await getSchema();
  const facts = await getFactsSchema();
  expect(facts).not.toBe(served);
  expect(printSchema(lexicographicSortSchema(facts))).toBe(printSchema(lexicographicSortSchema(served)));
});

it('reads a chunk\'s facts identical to the served schema\'s, with hundreds of promises fewer per subject', async () => {
  // The served schema as a facts runner's would be, with the global middlewares around every field.
  const throughMiddlewares = await readChunk((await getSchema()) as FactsSchema);
  const twin = await readChunk(await getFactsSchema());
  expect(twin.facts.every((f) => !(f instanceof Error))).toBe(true);
  expect(twin.facts).toHaveLength(servants.length);
  expect(JSON.stringify(twin.facts)).toBe(JSON.stringify(throughMiddlewares.facts));
  // Measured: 1,544 against 2,801 promises for these four civil servants, about 310 fewer each
  // (their fields and their records' and agency's); the read's own statements and transaction are the rest.
  expect((throughMiddlewares.promises - twin.promises) / servants.length).toBeGreaterThan(200);
}, 60_000);
