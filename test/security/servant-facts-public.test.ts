import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import { servantWithRecord } from '../support/servants';

/**
 * A civil servant's facts fields (credit, listings, listMemberships) come from the facts resolver
 * every subject shares (src/graphql/resolvers/subject-facts.resolver.ts); for civil servants they
 * are personal data (FIELD_READERS): the public is refused each of them, while an agency's are
 * public.
 */
const server = serverPerFile();

it.each([
  ['credit', 'credit(asOf: "2025-06-01T00:00:00Z") { dishonest }'],
  ['listings', 'listings(asOf: "2025-06-01T00:00:00Z") { judgmentDefaulter }'],
  ['listMemberships', 'listMemberships { list }'],
])('the public is refused a civil servant\'s %s, and reads an agency\'s', async (_field, selection) => {
  const { agencyId, servantId } = await servantWithRecord(server);
  const refused = await server.query(graphql(`query ($id: ID!) { civilServant(id: $id) { ${selection} } }`), { id: servantId }, { role: 'PUBLIC' });
  expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  const agency = await server.query(graphql(`query ($id: ID!) { agency(id: $id) { ${selection} } }`), { id: agencyId }, { role: 'PUBLIC' });
  expect(agency.errors).toBeUndefined();
  expect((agency.data as { agency?: unknown } | undefined)?.agency).toBeTruthy();
});
