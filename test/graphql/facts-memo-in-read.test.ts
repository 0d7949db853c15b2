import { creditFacts } from '../../src/domain/credit-facts';
import { chinaDate } from '../../src/domain/day';
import { SubjectType } from '../../src/domain/subject';
import { gatherChunkFacts, gatherFacts, type GatheredFacts } from '../../src/evaluation/facts';
import { createFactsRunner } from '../../src/graphql/facts-runner';
import { getFactsSchema } from '../../src/graphql/schema';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Issue 13 (perf18): within a sweep's facts read only an agency's `credit` is asked again (once per
 * servant of the agency in the batch); a civil servant's own five credit fields and `listings` are
 * asked once each. The per-read facts memo (src/graphql/facts-memo.ts) keeps that sharing without
 * building a JSON key per field and subject, which cost more than the look-up it served; the facts
 * are each field's own, as a read of one subject alone gives them.
 */
// Counts the computations: the facts runner runs in this process, on this module registry.
jest.mock('../../src/domain/credit-facts', () => {
  const actual = jest.requireActual('../../src/domain/credit-facts');
  return { ...actual, creditFacts: jest.fn(actual.creditFacts) };
});
const computed = creditFacts as jest.MockedFunction<typeof creditFacts>;
let server: TestServer;
const servants: string[] = [];
const AS_OF = new Date('2026-11-01T00:00:00+08:00');
/** The credit fields of rules/facts/civil-servant.graphql on the servant itself; its agency's is the sixth. */
const OWN_CREDIT_FIELDS = 5;

beforeAll(async () => {
  server = await startTestServer();
  // Two agencies, three servants and two: the first agency's record counts for its three.
  const agencies = [await createAgency(server), await createAgency(server)];
  await createRecord(server, 'AGENCY', agencies[0], { occurredOn: '2025-05-01', recordedOn: '2025-05-20' });
  for (let i = 0; i < 5; i++) {
    const id = await createCivilServant(server, agencies[i < 3 ? 0 : 1]);
    await createRecord(server, 'CIVIL_SERVANT', id, { occurredOn: '2025-03-01', recordedOn: '2025-03-20', severity: i % 2 ? 'MAJOR' : 'MINOR' });
    servants.push(id);
  }
});
afterAll(() => server?.stop());

const runner = async () => createFactsRunner(await getFactsSchema(), server.app.orm.em, server.app.rules);
let chunkRunner: Awaited<ReturnType<typeof runner>>;
const readChunk = async () =>
  (chunkRunner ??= await runner()).read((run, runChunk) => gatherChunkFacts(run, runChunk, server.app.rules.current, SubjectType.CIVIL_SERVANT, servants, AS_OF, chinaDate(AS_OF)));

it('computes each servant\'s own credit fields once and each agency\'s credit once per read, building no JSON key', async () => {
  await readChunk(); // compiles the chunk query (graphql-jit) once, outside the counts
  computed.mockClear();
  const stringify = jest.spyOn(JSON, 'stringify');
  let facts: (GatheredFacts | Error)[];
  try {
    facts = await readChunk();
    // Measured: 7 a servant (one key per facts field) when the memo keyed its answers by JSON; none now.
    expect(stringify).not.toHaveBeenCalled();
  } finally {
    stringify.mockRestore();
  }
  expect(facts.every((f) => !(f instanceof Error))).toBe(true);
  // 5 servants × 5 own fields + 2 agencies, not + 5 (one per servant).
  expect(computed).toHaveBeenCalledTimes(servants.length * OWN_CREDIT_FIELDS + 2);

  // The facts are each field's and each subject's own: what a read of the servant alone gives.
  const alone = await Promise.all(servants.map(async (id) => (await runner()).read((run) => gatherFacts(run, server.app.rules.current, { type: SubjectType.CIVIL_SERVANT, id }, AS_OF, chinaDate(AS_OF)))));
  expect(JSON.stringify(facts)).toBe(JSON.stringify(alone));
  const subjects = facts.map((f) => (f as GatheredFacts).subject as { agency: { credit: { dishonest: number } }; credit: { dishonest: number; major: number }; principalFindings: { records: unknown[] } });
  expect(subjects.map((s) => s.agency.credit.dishonest)).toEqual([1, 1, 1, 0, 0]);
  // Each servant's own record, major or minor (a minor one does not make them dishonest on this day), and no principal finding.
  expect(subjects.map((s) => [s.credit.dishonest, s.credit.major])).toEqual([[0, 0], [1, 1], [0, 0], [1, 1], [0, 0]]);
  expect(subjects.every((s) => s.principalFindings.records.length === 0)).toBe(true);
}, 60_000);
