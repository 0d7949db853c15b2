import { chinaToday } from '../../src/domain/day';
import { agencyWithServant, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * sec31 item 1: an OFFICER may read no objection through any query (Objection.* is for CLERK, INSPECTOR,
 * ADMIN), yet `admitObjection { reason filedBy status filedOn }` answered it whole, and left no
 * READ_PERSONAL_DATA event, where the same read through a query leaves one. A mutation's response is now
 * read as a query's: a field the role may not read is refused before anything runs (nothing admitted);
 * what it may read of its own admission (id, admittedOn, admissionGrounds) is audited like any read of a
 * civil servant's objection. The finding-objection admission's response holds the same way already: its
 * fields are read by an OFFICER through findingObjections too, unaudited on both paths.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'sec31.i1.clerk' };
const OTHER_CLERK: Caller = { role: 'CLERK', sub: 'sec31.i1.clerk2' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'sec31.i1.officer' };
const FILE = graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`);
const RESOLVE = graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { status } }`);
const READING = graphql(`mutation ($input: AdmitObjectionInput!) { admitObjection(input: $input) { id reason filedBy status filedOn admittedOn } }`);
const OWN = graphql(`mutation ($input: AdmitObjectionInput!) { admitObjection(input: $input) { id admittedOn admissionGrounds } }`);

const personalReads = (actor: string) =>
  server.sql<{ subject_id: string; outcome: string }>(`select subject_id, outcome from audit_event where action = 'READ_PERSONAL_DATA' and actor = ?`, [actor]);

it('the attack: an OFFICER reads a civil servant\'s objection through admitObjection\'s response — refused before anything runs; its own admission is read audited', async () => {
  const today = chinaToday();
  const { servantId } = await agencyWithServant(server);
  const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId);
  const first = (await server.ok(FILE, { input: { recordId, filedBy: '本人', reason: '认定有误', filedOn: today } }, CLERK)).fileObjection.id;
  await server.ok(RESOLVE, { input: { objectionId: first, decision: 'REJECTED', resolution: '驳回', resolvedOn: today } }, OTHER_CLERK);
  const renewed = (await server.ok(FILE, { input: { recordId, filedBy: '本人（患病住院期间）', reason: '新证据：诊断证明', filedOn: today } }, CLERK)).fileObjection.id;
  const input = { objectionId: renewed, grounds: '新的事实和理由', admittedOn: today };
  const events = async () => (await server.sql<{ n: number }>(`select count(*)::int as n from audit_event`))[0].n;
  const before = await events();

  const refused = await server.query(READING, { input }, OFFICER);
  expect(refused.data ?? null).toBeNull();
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', role: 'OFFICER', fields: ['Objection.filedBy', 'Objection.filedOn', 'Objection.reason', 'Objection.status'] });
  for (const says of ['Nothing was changed', '未作任何更改', 'Objection.reason (CLERK, INSPECTOR, ADMIN)']) expect(refused.errors![0].message).toContain(says);
  expect(JSON.stringify(refused)).not.toContain('诊断证明');
  expect(await server.sql(`select admitted_on from objection where id = ?`, [renewed])).toEqual([{ admitted_on: null }]);
  expect(await events()).toBe(before);

  const admitted = (await server.ok(OWN, { input }, OFFICER)).admitObjection;
  expect(admitted).toEqual({ id: renewed, admittedOn: today, admissionGrounds: '新的事实和理由' });
  expect(await personalReads(OFFICER.sub!)).toEqual([{ subject_id: servantId, outcome: 'read Objection: admissionGrounds, admittedOn' }]);
});

it('the finding-objection admission\'s response reads as findingObjections does for an OFFICER (same fields, neither audited)', async () => {
  const today = chinaToday();
  const { agencyId, servantId } = await agencyWithServant(server);
  const commitmentId = (await server.ok(graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`), {
    input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '社区食堂按期开放', publishedOn: '2025-01-01', dueOn: '2025-03-01' },
  })).createCommitment.id;
  await server.ok(graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status } }`), { input: { commitmentId, status: 'BREACHED', breachFinding: 'DERELICTION', foundBy: '鄂州市人民政府督查室', settledOn: '2025-03-10', settlementDocument: '鄂州督〔2025〕9号', answerablePersonIds: [servantId], answerableSeverity: 'GENERAL' } });
  const FILE_FINDING = graphql(`mutation ($input: FileFindingObjectionInput!) { fileFindingObjection(input: $input) { id } }`);
  const objection = { commitmentId, filedBy: '本单位', reason: '系上级调整项目安排所致', filedOn: today };
  const first = (await server.ok(FILE_FINDING, { input: objection }, CLERK)).fileFindingObjection.id;
  await server.ok(graphql(`mutation ($o: ID!, $on: LocalDate!) { decideFindingObjection(input: { objectionId: $o, decision: REJECTED, resolution: "经核实，认定无误", resolvedOn: $on }) { status } }`), { o: first, on: today }, OTHER_CLERK);
  const renewed = (await server.ok(FILE_FINDING, { input: { ...objection, reason: '新证据' } }, CLERK)).fileFindingObjection.id;
  const reads = (await personalReads(OFFICER.sub!)).length;

  const admitted = (await server.ok(graphql(`mutation ($input: AdmitObjectionInput!) { admitFindingObjection(input: $input) { id filedBy reason status renewed admittedOn } }`),
    { input: { objectionId: renewed, grounds: '新的事实和理由', admittedOn: today } }, OFFICER)).admitFindingObjection;
  const listed = (await server.ok(graphql(`query ($c: ID!) { findingObjections(filter: { commitmentId: $c }) { edges { node { id filedBy reason status renewed admittedOn } } } }`), { c: commitmentId }, OFFICER))
    .findingObjections.edges.map((e) => e.node).find((o) => o.id === renewed);
  expect(admitted).toEqual(listed);
  expect(admitted.reason).toBe('新证据');
  expect((await personalReads(OFFICER.sub!)).length).toBe(reads);
});
