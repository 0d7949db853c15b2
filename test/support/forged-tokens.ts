import { uscc } from './factories';
import { TEST_JWT_SECRET, type TestServer } from './test-server';

/** The test server's signing key: a token signed with it is genuine, whatever its claims say. */
export const SIGNING_KEY = new TextEncoder().encode(TEST_JWT_SECRET);

/** A write (createAgency) sent with this bearer token exactly as given: the HTTP status and the GraphQL answer. */
export async function writeWithToken(server: Pick<TestServer, 'url'>, token: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation ($u: String!) { createAgency(input: { uscc: $u, name: "冒名机关", level: CITY, kind: DEPARTMENT }) { id } }', variables: { u: uscc() } }),
  });
  return { status: response.status, ...((await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown }) };
}

/** What a refused token must leave unchanged: the audit trail's and the agencies' row counts. */
export async function writtenRows(server: Pick<TestServer, 'sql'>) {
  return (await server.sql('select (select count(*) from audit_event)::int as audit, (select count(*) from agency)::int as agencies'))[0];
}
