import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { chinaDate } from '../../src/domain/day';
import { SubjectType } from '../../src/domain/subject';
import { gatherChunkFacts, gatherFacts, type FactsRunner, type GatheredFacts } from '../../src/evaluation/facts';
import { chunkDocument } from '../../src/graphql/chunk-query';
import { createFactsRunner } from '../../src/graphql/facts-runner';
import { getFactsSchema } from '../../src/graphql/schema';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Issue 13 (perf18): the facts runner executes the facts queries compiled by graphql-jit, a
 * subject's own query as well as the chunk's made of it (src/graphql/facts-runner.ts), where
 * graphql-js executed a subject's own. The facts must be byte-identical to graphql-js's: for every
 * subject of the demo data, of each type, read alone and in one chunk, and a failing query's
 * errors alike.
 */
let server: TestServer;
const AS_OF = new Date('2026-11-01T00:00:00+08:00');
const TABLES: Record<SubjectType, string> = { CIVIL_SERVANT: 'civil_servant', AGENCY: 'agency', ENTERPRISE: 'enterprise' };

beforeAll(async () => {
  server = await startTestServer({ seedDemoData: true });
});
afterAll(() => server?.stop());

const runners = async (): Promise<{ compiled: FactsRunner; interpreted: FactsRunner }> => {
  const schema = await getFactsSchema();
  return { compiled: createFactsRunner(schema, server.app.orm.em, server.app.rules), interpreted: createFactsRunner(schema, server.app.orm.em, server.app.rules, { compile: false }) };
};

/** Each subject's facts read alone, and all of them in one chunk, in one read. */
const readBoth = (runner: FactsRunner, type: SubjectType, ids: string[]) =>
  runner.read(async (run, runChunk) => {
    const ruleSet = server.app.rules.current;
    const alone = await Promise.all(ids.map((id) => gatherFacts(run, ruleSet, { type, id }, AS_OF, chinaDate(AS_OF)).catch((error: Error) => error.message)));
    const chunk = (await gatherChunkFacts(run, runChunk, ruleSet, type, ids, AS_OF, chinaDate(AS_OF))).map((f) => (f instanceof Error ? f.message : f));
    return { alone: JSON.stringify(alone), chunk: JSON.stringify(chunk), facts: alone };
  });

it('graphql-jit compiles each subject type\'s facts query and the chunk query made of it', async () => {
  const schema = await getFactsSchema();
  for (const type of Object.values(SubjectType)) {
    const query = server.app.rules.current.factsQueries[type];
    expect(isCompiledQuery(compileQuery(schema, query.document))).toBe(true);
    expect(isCompiledQuery(compileQuery(schema, chunkDocument(query)!))).toBe(true);
  }
});

it.each(Object.values(SubjectType))('reads every %s of the demo data byte-identically compiled and through graphql-js, alone and in a chunk', async (type) => {
  const ids = (await server.sql<{ id: string }>(`select id from ${TABLES[type]} order by id`)).map((r) => r.id);
  expect(ids.length).toBeGreaterThan(1);
  const { compiled, interpreted } = await runners();
  const jit = await readBoth(compiled, type, ids);
  const js = await readBoth(interpreted, type, ids);
  expect(jit.facts.every((f) => typeof f === 'object')).toBe(true);
  expect(jit.alone).toBe(js.alone);
  expect(jit.chunk).toBe(js.chunk);
  expect(jit.chunk).toBe(jit.alone);
  // The demo data gives the rules something to read: records somewhere among the subjects.
  expect((jit.facts as GatheredFacts[]).some((f) => ((f.subject as { credit: { records: unknown[] } }).credit.records.length ?? 0) > 0)).toBe(true);
}, 120_000);

it('fails a subject whose facts query fails with the same words compiled and through graphql-js', async () => {
  const [{ id }] = await server.sql<{ id: string }>('select id from civil_servant order by id limit 1');
  const { compiled, interpreted } = await runners();
  // Parameters in force with a period that is not one: each credit field that reads it refuses (BAD_USER_INPUT).
  const ruleSet = Object.create(server.app.rules.current) as typeof server.app.rules.current;
  ruleSet.parametersOn = (day) => {
    const parameters = server.app.rules.current.parametersOn(day)!;
    return { ...parameters, values: { ...parameters.values, countsFor: { minor: 'P1Y', general: 'P3Y', major: 'five years', severe: 'P5Y' } } };
  };
  const failed = await Promise.all([compiled, interpreted].map((runner) => runner.read((run) => gatherFacts(run, ruleSet, { type: SubjectType.CIVIL_SERVANT, id }, AS_OF, chinaDate(AS_OF)).then(() => null, (error: Error) => error.message))));
  // graphql-jit reports the six credit fields' errors, graphql-js the first: told once, they are the same words.
  expect(failed[0]).toMatch(/^事实查询 rules\/facts\/civil-servant.graphql 执行失败：countsFor.major: "five years" is not a calendar period/);
  // Once in the Chinese sentence, once in the English one.
  expect(failed[0]!.split('"five years" is not a calendar period')).toHaveLength(3);
  expect(failed[0]).toBe(failed[1]);
  // Two executors indeed: graphql-jit reports each failing field, graphql-js the first below the nulled subject.
  const raw = await Promise.all([compiled, interpreted].map((runner) => runner.read((run) => run(server.app.rules.current.factsQueries.CIVIL_SERVANT, { id, asOf: AS_OF.toISOString(), countsFor: { minor: 'P1Y', general: 'P3Y', major: 'five years', severe: 'P5Y' } }))));
  expect(raw.map((r) => r.errors?.length)).toEqual([6, 1]);
}, 60_000);
