import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql, type VariablesOf } from '../support/graphql';

/**
 * Attack: charging a civil servant of another agency with an agency's commitment. A breach found
 * through 履职不力 enters the responsible person's integrity file, so a clerk who names someone of
 * another unit as responsible puts a dishonesty record in the file of a person who never made the
 * promise. The responsible person must belong to the committing agency: BAD_USER_INPUT on
 * responsiblePersonId, nothing written. (Commitments have no update: once recorded, the person
 * cannot be changed through the API, so creation is the one door.)
 */
let server: TestServer;
let agencyId: string;
let ownCadre: string;
let foreignCadre: string;
beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server, { name: '鄂州市住建局' });
  ownCadre = await createCivilServant(server, agencyId, { post: '局长', leadingCadre: true });
  foreignCadre = await createCivilServant(server, await createAgency(server, { name: '鄂州市教育局' }), { post: '局长', leadingCadre: true });
});
afterAll(() => server.stop());

const CREATE = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id responsiblePerson { id } } }`);
const input = (responsiblePersonId: string): VariablesOf<typeof CREATE> => ({ input: { agencyId, responsiblePersonId, kind: 'DEADLINE', domain: 'INFRASTRUCTURE', publiclyDisclosed: true, content: '年内完成老旧小区改造', publishedOn: '2025-01-01', dueOn: '2025-12-31' } });
const counts = async () => (await server.sql('select (select count(*)::int from commitment) as commitments, (select count(*)::int from audit_event) as audit'))[0];

it('a responsible person of another agency is refused on responsiblePersonId, in both languages, and nothing is written', async () => {
  const before = await counts();
  const result = await server.query(CREATE, input(foreignCadre), { role: 'CLERK' });
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0]).toMatchObject({
    extensions: { code: 'BAD_USER_INPUT', field: 'responsiblePersonId' },
    message: expect.stringMatching(/责任人须为作出承诺的机关本单位人员.*must belong to the agency that makes the commitment/s),
  });
  expect(await counts()).toEqual(before);
});

it('a person of the agency itself is taken', async () => {
  const result = await server.query(CREATE, input(ownCadre), { role: 'CLERK' });
  expect(result.errors).toBeUndefined();
  expect(result.data!.createCommitment.responsiblePerson).toEqual({ id: ownCadre });
});
