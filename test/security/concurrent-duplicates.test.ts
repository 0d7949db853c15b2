import { createAgency, idCardNumber } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * hostile8 F12: parallel duplicates slipped past the use case's check and met the database's unique
 * constraint, answered CONFLICT on field "input" ("a record with the same unique code already
 * exists") instead of the field a sequential duplicate names. Now the constraint names the field.
 */
const CREATE_SERVANT = graphql(`mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }`);
const CREATE_CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id } }`);
const PARALLEL = 6;
let server: TestServer;
let agencyId: string;

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server);
});
afterAll(async () => server?.stop());

const count = async (table: string) => (await server.sql(`select count(*)::int as n from ${table}`))[0].n;

function expectOneWinner(results: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }[], field: string) {
  expect(results.filter((r) => !r.errors).length).toBe(1);
  for (const refused of results.filter((r) => r.errors)) {
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field });
    expect(refused.errors![0].message).not.toContain('same unique code');
  }
}

describe('concurrent duplicates name the duplicated field (hostile8 F12)', () => {
  it('parallel createCivilServant with one ID-card number: one row, the others CONFLICT on idCardNumber', async () => {
    const before = await count('civil_servant');
    const input = { idCardNumber: idCardNumber(), name: '张并发', agencyId, post: '科员', rank: '一级科员' };
    expectOneWinner(await Promise.all(Array.from({ length: PARALLEL }, () => server.query(CREATE_SERVANT, { input }))), 'idCardNumber');
    expect(await count('civil_servant')).toBe(before + 1);
  });

  it('parallel createCourtCase with one case number: one row, the others CONFLICT on caseNumber', async () => {
    const before = await count('court_case');
    const input = { agencyId, caseNumber: '(2026)鄂0702行初12号', court: '鄂州市中级人民法院', kind: 'ADMINISTRATIVE' as const, filedOn: '2026-03-01', hearingOn: '2026-06-01', headAppeared: true };
    expectOneWinner(await Promise.all(Array.from({ length: PARALLEL }, () => server.query(CREATE_CASE, { input }))), 'caseNumber');
    expect(await count('court_case')).toBe(before + 1);
  });
});
