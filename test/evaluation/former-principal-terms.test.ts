import { chinaToday, addDays } from '../../src/domain/day';
import { createAgency, createCivilServant } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * lawyer13 W2: 三(六) holds "the principal who caused" an agency's government dishonesty answerable.
 * The register kept only the current tenure, so once a principal stepped down the finding that they
 * caused an act in their term was refused. Now every term is kept (principalTerms): a former
 * principal is found answerable for acts in their term, nobody for acts outside theirs, and an
 * agency's terms never overlap.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const CREATE_RECORD = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`);
const UPDATE = graphql(`mutation ($id: ID!, $input: UpdateCivilServantInput!) { updateCivilServant(id: $id, input: $input) { id principal principalSince } }`);
const TERMS = graphql(`query ($id: ID!) { civilServant(id: $id) { principalTerms { agency { id } startedOn endedOn } } }`);

let serial = 0;
const finding = (subjectId: string, occurredOn: string) => ({
  input: { subjectType: 'CIVIL_SERVANT' as const, subjectId, kind: 'DISHONEST' as const, category: 'PRINCIPAL_RESPONSIBILITY' as const, severity: 'MAJOR' as const, summary: '主要负责人责任', occurredOn, recordedOn: '2025-04-12', decidedOn: '2025-04-10', sourceDepartment: '鄂州市监察委员会', documentNumber: `鄂州纪〔2025〕${++serial}号` },
});
const rows = async () => (await server.sql<{ terms: number; records: number }>('select (select count(*) from principal_term)::int as terms, (select count(*) from credit_record)::int as records'))[0];
const terms = async (id: string) => (await server.ok(TERMS, { id })).civilServant!.principalTerms;

it('a former principal is found answerable for an act in their term, not after it; the successor not for acts before theirs', async () => {
  const agencyId = await createAgency(server);
  const former = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2020-01-01' });
  await server.ok(UPDATE, { id: former, input: { principal: false, principalUntil: '2024-06-30' } });
  const successor = await createCivilServant(server, agencyId, { post: '局长', rank: '一级调研员', leadingCadre: true, principal: true, principalSince: '2024-07-01' });

  await server.ok(CREATE_RECORD, finding(former, '2023-05-01'));
  await server.ok(CREATE_RECORD, finding(successor, '2024-07-01'));
  const before = await rows();
  const afterTerm = await server.query(CREATE_RECORD, finding(former, '2024-08-01'));
  expect(afterTerm.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectId' });
  expect(afterTerm.errors?.[0].message).toContain('此人登记的任期：2020-01-01 – 2024-06-30');
  const beforeTerm = await server.query(CREATE_RECORD, finding(successor, '2024-06-30'));
  expect(beforeTerm.errors?.[0].message).toContain("this person's recorded terms: 2024-07-01 – now");
  expect(await rows()).toEqual(before);

  expect(await terms(former)).toEqual([{ agency: { id: agencyId }, startedOn: '2020-01-01', endedOn: '2024-06-30' }]);
  expect(await terms(successor)).toEqual([{ agency: { id: agencyId }, startedOn: '2024-07-01', endedOn: null }]);
});

it('refuses a principal whose term would overlap an earlier one of the agency, and a last day outside the term, changing nothing', async () => {
  const agencyId = await createAgency(server);
  const first = await createCivilServant(server, agencyId, { principal: true, principalSince: '2021-03-01' });
  await server.ok(UPDATE, { id: first, input: { principal: false, principalUntil: '2024-06-30' } });
  const other = await createCivilServant(server, agencyId);
  const before = await rows();

  const overlapping = await server.query(UPDATE, { id: other, input: { principal: true, principalSince: '2024-06-01' } });
  expect(overlapping.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'principalSince' });
  expect(overlapping.errors?.[0].message).toContain(`the term of ${first}, 2021-03-01 – 2024-06-30`);

  const second = await createCivilServant(server, agencyId, { principal: true, principalSince: '2024-07-01' });
  const tooEarly = await server.query(UPDATE, { id: second, input: { principal: false, principalUntil: '2024-06-15' } });
  expect(tooEarly.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'principalUntil' });
  const noTerm = await server.query(UPDATE, { id: other, input: { principalUntil: '2024-06-15' } });
  expect(noTerm.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'principalUntil' });
  expect((await rows()).terms).toBe(before.terms + 1);
  expect(await terms(second)).toEqual([{ agency: { id: agencyId }, startedOn: '2024-07-01', endedOn: null }]);
});

it('a principal moved to another agency keeps the old term, ended the day before the new one begins', async () => {
  const [from, to] = [await createAgency(server), await createAgency(server)];
  const moved = await createCivilServant(server, from, { principal: true, principalSince: '2022-01-10' });
  const today = chinaToday();
  await server.ok(UPDATE, { id: moved, input: { agencyId: to, principal: true, principalSince: today } });
  expect(await terms(moved)).toEqual([
    { agency: { id: from }, startedOn: '2022-01-10', endedOn: addDays(today, -1) },
    { agency: { id: to }, startedOn: today, endedOn: null },
  ]);
  // Still answerable for the old agency's act in the old term.
  await server.ok(CREATE_RECORD, finding(moved, '2023-02-02'));
});
