import { createAgency, createCivilServant } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * hostile30 N2: `CivilServant.principalTerms` was refused to the public yet read unaudited by every
 * signed-in role. The terms are the person's office history and the basis of which agency records are
 * attributed to them (src/auth/role.ts says why), so a read is a READ_PERSONAL_DATA event naming the field.
 */
const server = serverPerFile();
const DISPLAY = { role: 'DISPLAY', sub: 'sec29.display' } as const;
const TERMS = graphql(`query ($id: ID!) { civilServant(id: $id) { principalTerms { __typename } } }`);

it('a DISPLAY reading principalTerms leaves a READ_PERSONAL_DATA event about the person naming the field', async () => {
  const servantId = await createCivilServant(server, await createAgency(server));
  await server.ok(TERMS, { id: servantId }, DISPLAY);
  const events = await server.sql<{ subject_id: string; outcome: string }>(
    "select subject_id, outcome from audit_event where action = 'READ_PERSONAL_DATA' and actor = 'sec29.display'",
  );
  expect(events).toEqual([{ subject_id: servantId, outcome: expect.stringContaining('principalTerms') }]);
});
