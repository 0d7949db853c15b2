import { chinaDate } from '../../src/domain/day';
import { SubjectType } from '../../src/domain/subject';
import { gatherChunkFacts, type GatheredFacts } from '../../src/evaluation/facts';
import { createFactsRunner } from '../../src/graphql/facts-runner';
import { getFactsSchema } from '../../src/graphql/schema';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { countPromises } from '../support/promise-count';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Issue 13 (perf15): a civil servant's facts read `credit` five times (personal, government
 * dishonesty, principal, commitment and file findings), and each read gathered the repairs and
 * objections of the same records again, a few promises per record per field. They are gathered
 * once per list of records in a read (src/graphql/facts-of.ts, historiesOf), so a record costs a
 * chunk's facts read a handful of promises, not a handful per credit field; the facts stay what
 * they were (an objection still disputes its record in every field).
 */
let server: TestServer;
const bare: string[] = [];
const withRecords: string[] = [];
const RECORDS_EACH = 3;
const AS_OF = new Date('2026-11-01T00:00:00+08:00');
const CLERK = { role: 'CLERK', sub: 'wang.clerk' } as const;
const FILE_OBJECTION = graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本人", reason: "认定有误", filedOn: "2025-04-01" }) { id } }`);

beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server);
  for (let i = 0; i < 4; i++) bare.push(await createCivilServant(server, agencyId));
  for (let i = 0; i < 4; i++) {
    const id = await createCivilServant(server, agencyId);
    for (let r = 0; r < RECORDS_EACH; r++) {
      const record = await createRecord(server, 'CIVIL_SERVANT', id, { occurredOn: `2025-0${r + 1}-01`, recordedOn: `2025-0${r + 1}-20` });
      if (i === 0 && r === 0) await server.ok(FILE_OBJECTION, { r: record }); // ADMIN: dated on a past day (hostile18 F2)
    }
    withRecords.push(id);
  }
});
afterAll(() => server?.stop());

/** A chunk's facts through the server's kind of facts runner, and how many promises the read made. */
async function readChunk(ids: string[]): Promise<{ facts: GatheredFacts[]; promises: number }> {
  const runner = createFactsRunner(await getFactsSchema(), server.app.orm.em, server.app.rules);
  const read = () => runner.read((run, runChunk) => gatherChunkFacts(run, runChunk, server.app.rules.current, SubjectType.CIVIL_SERVANT, ids, AS_OF, chinaDate(AS_OF)));
  await read(); // compiles the chunk query once, outside the count
  const { result: facts, promises } = await countPromises(read);
  expect(facts.every((f) => !(f instanceof Error))).toBe(true);
  return { facts: facts as GatheredFacts[], promises };
}

it('a record costs a chunk\'s facts read a handful of promises, not a handful per credit field', async () => {
  const without = await readChunk(bare);
  const withThem = await readChunk(withRecords);
  const perRecord = (withThem.promises - without.promises) / (withRecords.length * RECORDS_EACH);
  // Measured: 43 promises a record when each credit field gathered its histories, 11 gathered once.
  expect(perRecord).toBeLessThan(20);

  // The facts are still each field's own: the objection disputes its record wherever the record counts.
  const disputed = withThem.facts[0].subject as { credit: { disputed: number; records: { disputed: boolean }[] }; governmentDishonesty: { records: unknown[] } };
  expect(disputed.credit.records).toHaveLength(RECORDS_EACH);
  expect(disputed.credit.records.filter((r) => r.disputed)).toHaveLength(1);
  expect(disputed.credit.disputed).toBe(1);
  const other = withThem.facts[1].subject as { credit: { disputed: number; records: { disputed: boolean }[] } };
  expect(other.credit.records).toHaveLength(RECORDS_EACH);
  expect(other.credit.records.some((r) => r.disputed)).toBe(false);
}, 60_000);
