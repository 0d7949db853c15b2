import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile17 F4: the public read `Verdict.stale` of an enterprise's verdict turn true when a clerk
 * filed an objection on a record the public may not see (its disclosure ended): nothing the public
 * can read had changed, yet it learnt that a hidden record had just been written — what the change
 * feed hides from it. `stale` compares a digest of every row, visible or not, so the public is not
 * told it: null (not told), or true when the rule set in force is another version (both public).
 *
 * hostile17 N3: DISPLAY reading a civil servant's `latestVerdict { stale asOf evaluatedAt }` wrote
 * no READ_PERSONAL_DATA, though `stale` tells that a row about them changed and `asOf` /
 * `evaluatedAt` when a personnel matter was decided about them. They are now audited as the outcome is.
 */
const server = serverPerFile();
const STALE = graphql(`query ($v: ID!) { verdict(id: $v) { outcome stale } }`);
const EVALUATE = graphql(`mutation ($s: SubjectInput!, $m: String!) { evaluate(subject: $s, matter: $m) { id } }`);
const FILE_OBJECTION = graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本单位", reason: "认定有误", filedOn: "2026-01-10" }) { id } }`);

let verdictId: string;
let hiddenRecordId: string;
beforeAll(async () => {
  const enterpriseId = (await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市隐藏变更测试有限公司" }) { id } }`), { u: uscc('91') })).createEnterprise.id;
  hiddenRecordId = await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2020-01-10', recordedOn: '2020-02-01', disclosureEndsOn: '2021-03-20' });
  verdictId = (await server.ok(EVALUATE, { s: { type: 'ENTERPRISE', id: enterpriseId }, m: 'PROCUREMENT' }, { role: 'ADMIN' })).evaluate.id;
});

it('an objection on a record the public may not see does not change what the public reads of stale', async () => {
  const before = await server.ok(STALE, { v: verdictId }, { role: 'PUBLIC' });
  expect(before.verdict!.stale).toBeNull();
  await server.ok(FILE_OBJECTION, { r: hiddenRecordId }, { role: 'ADMIN' }); // dated on a past day: a second person's to enter (hostile18 F2)
  const after = await server.ok(STALE, { v: verdictId }, { role: 'PUBLIC' });
  expect(after.verdict).toEqual(before.verdict);
  // A signed-in reader, who may see the record and its objection, is told.
  expect((await server.ok(STALE, { v: verdictId }, { role: 'CLERK' })).verdict!.stale).toBe(true);
});

it("DISPLAY reading a civil servant's latestVerdict { stale asOf evaluatedAt } leaves one READ_PERSONAL_DATA naming them", async () => {
  const agencyId = await createAgency(server);
  const servantId = await createCivilServant(server, agencyId, { name: '钱审读' });
  await server.ok(EVALUATE, { s: { type: 'CIVIL_SERVANT', id: servantId }, m: 'PROMOTION' }, { role: 'ADMIN' });
  const read = await server.ok(graphql(`query ($s: SubjectInput!) { latestVerdict(subject: $s, matter: "PROMOTION") { stale asOf evaluatedAt } }`), { s: { type: 'CIVIL_SERVANT', id: servantId } }, { role: 'DISPLAY', sub: 'n3.screen' });
  expect(read.latestVerdict!.stale).toBe(false);
  const rows = await server.sql<{ subject_id: string; outcome: string }>(`select subject_id, outcome from audit_event where actor = 'n3.screen' and action = 'READ_PERSONAL_DATA'`);
  expect(rows).toEqual([{ subject_id: servantId, outcome: 'read latestVerdict; Verdict: asOf, evaluatedAt, stale' }]);
});
