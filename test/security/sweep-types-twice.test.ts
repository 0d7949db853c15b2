import { createAgency } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/** `subjectTypes: [AGENCY, AGENCY]` planned each agency twice (74 subjects for 37): refused instead. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await createAgency(server);
});
afterAll(() => server?.stop());

it('refuses a subject type given twice with BAD_USER_INPUT on subjectTypes, starting nothing', async () => {
  const [before] = await server.sql('select count(*)::int as n from sweep_run');
  const result = await server.query(graphql(`mutation { startSweep(matter: "HONOUR", subjectTypes: [AGENCY, AGENCY]) { id subjects } }`));
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'subjectTypes' }, message: expect.stringContaining('AGENCY is given twice') });
  expect(result.data?.startSweep ?? null).toBeNull();
  const [after] = await server.sql('select count(*)::int as n from sweep_run');
  expect(after).toEqual(before);
});
