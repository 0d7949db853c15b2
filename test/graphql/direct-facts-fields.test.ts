import { chinaDate } from '../../src/domain/day';
import { parsePeriod } from '../../src/domain/period';
import { SubjectType } from '../../src/domain/subject';
import { gatherChunkFacts, gatherFacts, type FactsRunner } from '../../src/evaluation/facts';
import type { RuleSet } from '../../src/engine/rule-set';
import { createFactsRunner } from '../../src/graphql/facts-runner';
import { getFactsSchema, getSchema, type FactsSchema } from '../../src/graphql/schema';
import { countPromises } from '../support/promise-count';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Issue 13 (perf19, stop 28): on the facts twin every subject's `credit` and `listings` resolve by a
 * plain call (src/graphql/direct-facts-fields.ts), not through type-graphql's per-call argument
 * conversion, async guard and per-argument validation promises; and a credit field's periods are
 * parsed once per reading of the field in a read (facts-memo.ts perReading), not once per subject.
 * The facts must be the ones type-graphql's resolvers give: the served schema (whose `credit` and
 * `listings` still go through type-graphql) is the reference, for every subject of the demo data,
 * alone and in a chunk, and a bad period fails alike.
 */
// Counts the period parses: the facts runner runs in this process, on this module registry.
jest.mock('../../src/domain/period', () => {
  const actual = jest.requireActual('../../src/domain/period');
  return { ...actual, parsePeriod: jest.fn(actual.parsePeriod) };
});
const parsed = parsePeriod as jest.MockedFunction<typeof parsePeriod>;

let server: TestServer;
const AS_OF = new Date('2026-11-01T00:00:00+08:00');
const TABLES: Record<SubjectType, string> = { CIVIL_SERVANT: 'civil_servant', AGENCY: 'agency', ENTERPRISE: 'enterprise' };

beforeAll(async () => {
  server = await startTestServer({ seedDemoData: true });
});
afterAll(() => server?.stop());

const idsOf = async (type: SubjectType) => (await server.sql<{ id: string }>(`select id from ${TABLES[type]} order by id`)).map((r) => r.id);
const runnerOn = (schema: GraphQLSchemaLike): FactsRunner => createFactsRunner(schema as FactsSchema, server.app.orm.em, server.app.rules);
type GraphQLSchemaLike = Awaited<ReturnType<typeof getSchema>>;

/** Each subject's facts read alone, and all of them in one chunk, in one read, as JSON. */
const readBoth = (runner: FactsRunner, type: SubjectType, ids: string[], ruleSet: RuleSet = server.app.rules.current) =>
  runner.read(async (run, runChunk) => {
    const alone = await Promise.all(ids.map((id) => gatherFacts(run, ruleSet, { type, id }, AS_OF, chinaDate(AS_OF)).catch((error: Error) => error.message)));
    const chunk = (await gatherChunkFacts(run, runChunk, ruleSet, type, ids, AS_OF, chinaDate(AS_OF))).map((f) => (f instanceof Error ? f.message : f));
    return { alone: JSON.stringify(alone), chunk: JSON.stringify(chunk) };
  });

it.each(Object.values(SubjectType))('reads every %s of the demo data as type-graphql\'s resolvers do, alone and in a chunk', async (type) => {
  const ids = await idsOf(type);
  expect(ids.length).toBeGreaterThan(1);
  const direct = await readBoth(runnerOn(await getFactsSchema()), type, ids);
  const typeGraphql = await readBoth(runnerOn(await getSchema()), type, ids);
  expect(direct.alone).toBe(typeGraphql.alone);
  expect(direct.chunk).toBe(typeGraphql.chunk);
  expect(direct.chunk).toBe(direct.alone);
  // Records and listings somewhere among them: the fields did read something.
  expect(direct.alone).toContain('"records":[{');
}, 120_000);

it('fails a bad period of the parameters in force with type-graphql\'s words, for every subject', async () => {
  const ids = (await idsOf(SubjectType.CIVIL_SERVANT)).slice(0, 3);
  const ruleSet = Object.create(server.app.rules.current) as RuleSet;
  ruleSet.parametersOn = (day) => {
    const parameters = server.app.rules.current.parametersOn(day)!;
    return { ...parameters, values: { ...parameters.values, countsFor: { minor: 'P1Y', general: 'P3Y', major: 'five years', severe: 'P5Y' } } };
  };
  const direct = await readBoth(runnerOn(await getFactsSchema()), SubjectType.CIVIL_SERVANT, ids, ruleSet);
  const typeGraphql = await readBoth(runnerOn(await getSchema()), SubjectType.CIVIL_SERVANT, ids, ruleSet);
  expect(direct.alone).toContain('countsFor.major: \\"five years\\" is not a calendar period');
  expect(direct.alone).toBe(typeGraphql.alone);
  expect(direct.chunk).toBe(typeGraphql.chunk);
}, 60_000);

it('parses a credit field\'s periods once per read, however many subjects the chunk has', async () => {
  const ids = await idsOf(SubjectType.CIVIL_SERVANT);
  const runner = runnerOn(await getFactsSchema());
  const parsesFor = async (chunk: string[]) => {
    await readBoth(runner, SubjectType.CIVIL_SERVANT, chunk); // compiles the queries once, outside the count
    parsed.mockClear();
    await runner.read((run, runChunk) => gatherChunkFacts(run, runChunk, server.app.rules.current, SubjectType.CIVIL_SERVANT, chunk, AS_OF, chinaDate(AS_OF)));
    return parsed.mock.calls.length;
  };
  const one = await parsesFor(ids.slice(0, 1));
  expect(one).toBeGreaterThan(0);
  expect(ids.length).toBeGreaterThan(5);
  expect(await parsesFor(ids)).toBe(one);
}, 60_000);

it('reads a chunk with fewer than 120 promises a civil servant (type-graphql\'s resolvers took 220)', async () => {
  const ids = await idsOf(SubjectType.CIVIL_SERVANT);
  const count = async (runner: FactsRunner) => {
    const read = () => runner.read((run, runChunk) => gatherChunkFacts(run, runChunk, server.app.rules.current, SubjectType.CIVIL_SERVANT, ids, AS_OF, chinaDate(AS_OF)));
    await read(); // compiles the chunk query once, outside the count
    return (await countPromises(read)).promises / ids.length;
  };
  const direct = await count(runnerOn(await getFactsSchema()));
  // Measured on the demo data (perf19): 220 promises a servant through type-graphql's `credit` and
  // `listings` on the twin (each field's guard, argument validation and Promise.all), 85 directly;
  // 104 since credit facts read the subject's listings too (a record behind an ended listing, lawyer21 R1).
  expect(direct).toBeLessThan(120);
}, 60_000);
