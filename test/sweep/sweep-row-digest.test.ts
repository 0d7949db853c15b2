import { evaluateChunk } from '../../src/evaluation/sweep.service';
import { createFactsRunner } from '../../src/graphql/facts-runner';
import { getFactsSchema } from '../../src/graphql/schema';
import { SubjectType } from '../../src/domain/subject';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { runNode } from '../support/run-command';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Issue 13 (perf13): a sweep's verdicts keep the digest of the rows their facts were read from, as
 * `evaluate`'s do, computed from the rows the chunk's facts read brought (src/graphql/facts-row-digest.ts),
 * so `stale` compares digests for them too instead of falling back to the newest row time; and the
 * digest costs the chunk no statement of its own.
 */
let server: TestServer;
let agencyId = '';
const servants: string[] = [];
let changedRecord = '';
const AS_OF = '2026-11-01T00:00:00+08:00';
const CLERK = { role: 'CLERK', sub: 'wang.clerk' } as const;

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server);
  for (let i = 0; i < 3; i++) servants.push(await createCivilServant(server, agencyId));
  changedRecord = await createRecord(server, 'CIVIL_SERVANT', servants[0], { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  await createRecord(server, 'CIVIL_SERVANT', servants[1], { occurredOn: '2025-04-01', recordedOn: '2025-04-20' });
  await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2025-05-01', recordedOn: '2025-05-20' });
});
afterAll(() => server?.stop());

const START = graphql(`mutation ($asOf: DateTime!) { startSweep(matter: "PROMOTION", asOf: $asOf, chunkSize: 3) { id } }`);
const EVALUATE = graphql(`mutation ($id: ID!, $asOf: DateTime!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION", asOf: $asOf) { id } }`);
const STALE = graphql(`query ($id: ID!) { verdict(id: $id) { stale } }`);
const FILE_OBJECTION = graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本人", reason: "认定有误", filedOn: "2025-04-01" }) { id } }`);
const CORRECT = graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: CORRECT, correction: { severity: MINOR }, resolution: "更正严重程度", resolvedOn: "2025-04-15" }) { status } }`);
const staleOf = async (id: string) => (await server.ok(STALE, { id }, { role: 'INSPECTOR', sub: 'zhao.inspector' })).verdict!.stale;

it('a chunk digests its subjects from the rows its facts read: no statement of its own, each table read once', async () => {
  const facts = createFactsRunner(await getFactsSchema(), server.app.orm.em, server.app.rules);
  server.resetStatements();
  const chunk = await evaluateChunk(server.app.orm.em.fork(), facts, server.app.rules.current, SubjectType.CIVIL_SERVANT, 'PROMOTION', servants, new Date(AS_OF));
  expect(chunk.errors).toEqual([]);
  expect(chunk.verdicts.map((v) => v.rowVersions)).toEqual(servants.map(() => expect.stringMatching(/^sarRlL:[0-9a-f]{32}$/)));
  const statements = server.statements.join('\n');
  expect(statements).not.toMatch(/with wanted \(k, subject_type, subject_id\)/);
  // The servants' records, then their agency's: the facts' two reads, none for the digest.
  expect(statements.match(/from "credit_record"/g)).toHaveLength(2);
});

it('sweep verdicts keep the digest a single evaluation keeps: a changed record makes its subject\'s verdict stale, another subject\'s not', async () => {
  const run = (await server.ok(START, { asOf: AS_OF })).startSweep;
  const worker = await runNode(['bin/chengxin.js', 'worker', '--run', run.id, '--quiet'], { ...process.env, DATABASE_URL: server.databaseUrl, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false' });
  expect(worker.status).toBe(0);
  const swept = await server.sql<{ id: string; subject_id: string; row_versions: string | null }>('select id, subject_id, row_versions from verdict where sweep_run_id = ?', [run.id]);
  expect(swept).toHaveLength(servants.length);
  const sweptOf = (servant: string) => swept.find((v) => v.subject_id === servant)!;

  // The same subject, as-of and rows: equal digests, from the sweep's chunk and from evaluate.
  const single = (await server.ok(EVALUATE, { id: servants[1], asOf: AS_OF })).evaluate;
  const [evaluated] = await server.sql<{ row_versions: string }>('select row_versions from verdict where id = ?', [single.id]);
  expect(sweptOf(servants[1]).row_versions).toMatch(/^sarRlL:[0-9a-f]{32}$/);
  expect(sweptOf(servants[1]).row_versions).toBe(evaluated.row_versions);

  for (const servant of servants) expect(await staleOf(sweptOf(servant).id)).toBe(false);
  // One record of the first servant changes through the API (an objection upheld with a correction).
  const { fileObjection } = await server.ok(FILE_OBJECTION, { r: changedRecord }, { role: 'ADMIN', sub: 'filing.admin' }); // dated on a past day (hostile18 F2)
  await server.ok(CORRECT, { o: fileObjection.id }, { role: 'CLERK', sub: 'second-clerk' }); // not the clerk who entered it (hostile13 F5)
  expect(await staleOf(sweptOf(servants[0]).id)).toBe(true);
  expect(await staleOf(sweptOf(servants[1]).id)).toBe(false);
  expect(await staleOf(sweptOf(servants[2]).id)).toBe(false);
  // A verdict made now, over the record and its objection and correction, is not stale: its digest covers them as `stale` does.
  const again = (await server.ok(EVALUATE, { id: servants[0], asOf: AS_OF })).evaluate;
  expect(await staleOf(again.id)).toBe(false);
}, 120_000);
