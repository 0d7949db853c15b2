import { graphql } from '../support/graphql';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * hostile31 F2: the demo seed created its principals without principal_term rows, so the past-days rule
 * on tenure never applied to demo data (a clerk re-dated 何欣博's 2020 tenure to last month alone) and a
 * PRINCIPAL_RESPONSIBILITY finding could not be entered on a demo principal ("terms on record: none").
 * The seed now opens each principal's term as an appointment through the use case does.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seedDemoData: true });
});
afterAll(() => server.stop());
const CLERK: Caller = { role: 'CLERK', sub: 'h31.clerk' };

it('every demo principal has an open term; a finding within it is accepted and re-dating an aged term takes a second person', async () => {
  const principals = await server.sql<{ id: string; since: string; terms: number }>(
    `select s.id, s.principal_since::text as since, (select count(*)::int from principal_term t where t.servant_id = s.id and t.ended_on is null and t.started_on = s.principal_since) as terms from civil_servant s where s.principal`,
  );
  expect(principals.length).toBeGreaterThan(0);
  expect(principals.filter((p) => p.terms !== 1)).toEqual([]);

  const { id, since } = principals[0];
  const finding = await server.query(graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`), {
    input: { subjectType: 'CIVIL_SERVANT', subjectId: id, kind: 'DISHONEST', category: 'PRINCIPAL_RESPONSIBILITY', severity: 'MAJOR', summary: '主要负责人责任', occurredOn: '2025-01-01', recordedOn: '2025-04-12', decidedOn: '2025-04-10', sourceDepartment: '鄂州市监察委员会', documentNumber: '鄂州纪〔2025〕931号' },
  }, CLERK);
  expect(finding.errors ?? []).toEqual([]);

  await server.sql(`update principal_term set created_at = started_on::timestamp where servant_id = ?`, [id]);
  const redated = await server.query(graphql(`mutation ($id: ID!, $input: UpdateCivilServantInput!) { updateCivilServant(id: $id, input: $input) { principalSince } }`), { id, input: { principalSince: '2025-11-01' } }, CLERK);
  expect(redated.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_PERSON_REQUIRED', field: 'principalSince' });
  expect((await server.sql(`select principal_since::text as since from civil_servant where id = ?`, [id]))[0].since).toBe(since);
});
