import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * perf13: a verdict's row digest is made of the rows its facts read brought, by parts
 * (src/evaluation/row-digest.ts), and `stale` digests the same parts now. For each subject type the
 * digest names the parts its facts query reads, equals the digest now (not stale), and changes with
 * a row of a part it covers; a row of a part the facts query never reads leaves it alone.
 * Issue 10: an enterprise's facts read its credit grade history, the part `g`.
 */
const server = serverPerFile();
const EVALUATE_AGENCY = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id } }`);
const EVALUATE_SERVANT = graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id } }`);
const EVALUATE_ENTERPRISE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT") { id } }`);
const ENTERPRISE = graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`);
const CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const STALE = graphql(`query ($id: ID!) { verdict(id: $id) { stale } }`);
const staleOf = async (id: string) => (await server.ok(STALE, { id }, { role: 'INSPECTOR', sub: 'zhao.inspector' })).verdict!.stale;
const digestOf = async (id: string) => (await server.sql<{ row_versions: string }>('select row_versions from verdict where id = ?', [id]))[0].row_versions;

it('each subject type keeps the parts its facts read; a change in a part marks the verdict stale, a change outside the parts does not', async () => {
  const agencyId = await createAgency(server);
  const servantId = await createCivilServant(server, agencyId);
  const enterpriseId = (await server.ok(ENTERPRISE, { input: { uscc: uscc('91'), name: '鄂州市摘要测试有限公司', creditGrade: 'B', gradedOn: '2025-01-01' } })).createEnterprise.id;
  const agency = (await server.ok(EVALUATE_AGENCY, { id: agencyId })).evaluate.id;
  const servant = (await server.ok(EVALUATE_SERVANT, { id: servantId })).evaluate.id;
  const enterprise = (await server.ok(EVALUATE_ENTERPRISE, { id: enterpriseId })).evaluate.id;
  // The agency's facts read its records, listings, commitments and court cases; a servant's promotion
  // facts their own row, their agency's, both's records and their own listings; an enterprise's its records, listings and grade history.
  expect(await digestOf(agency)).toMatch(/^srlmk:[0-9a-f]{32}$/);
  // lawyer21 R1: the agency's listings (L) too, which its credit facts read.
  expect(await digestOf(servant)).toMatch(/^sarRlL:[0-9a-f]{32}$/);
  expect(await digestOf(enterprise)).toMatch(/^srlg:[0-9a-f]{32}$/);
  for (const id of [agency, servant, enterprise]) expect(await staleOf(id)).toBe(false);

  // A court case of the agency: in the agency's facts, not in the servant's promotion facts.
  await server.ok(CASE, { input: { agencyId, caseNumber: '(2026)鄂0702行初1号', court: '鄂州市鄂城区人民法院', kind: 'ADMINISTRATIVE', filedOn: '2026-01-05' } });
  expect(await staleOf(agency)).toBe(true);
  expect(await staleOf(servant)).toBe(false);

  // A record of the agency: in the servant's facts too (its agency's credit).
  await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2025-06-01', recordedOn: '2025-06-20' });
  expect(await staleOf(servant)).toBe(true);
  expect(await staleOf(enterprise)).toBe(false);

  // The enterprise's grade withdrawn behind the API (a correction by hand): only its history row
  // changes, not the enterprise row, so only the `g` part can tell.
  await server.sql(`update enterprise_credit_grade set ended_on = '2025-06-01', end_reason = 'WITHDRAWN' where enterprise_id = ?`, [enterpriseId]);
  expect(await staleOf(enterprise)).toBe(true);
  // Evaluated again, over the withdrawn entry: the digest evaluate keeps is the one `stale` computes.
  const again = (await server.ok(EVALUATE_ENTERPRISE, { id: enterpriseId })).evaluate.id;
  expect(await digestOf(again)).toMatch(/^srlg:[0-9a-f]{32}$/);
  expect(await digestOf(again)).not.toBe(await digestOf(enterprise));
  expect(await staleOf(again)).toBe(false);
});
