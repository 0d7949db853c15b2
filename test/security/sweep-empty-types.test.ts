import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile29 N3: `startSweep(subjectTypes: [])` was taken as "every type the matter concerns" — an empty
 * list meant the opposite of what it says. It is BAD_USER_INPUT on subjectTypes, and nothing is started.
 */
const server = serverPerFile();
const OFFICER: Caller = { role: 'OFFICER', sub: 'h29n3.officer' };
const START = graphql(`mutation ($types: [SubjectType!]) { startSweep(matter: "PROCUREMENT", subjectTypes: $types) { id subjectTypes } }`);

it('the attack: an empty subjectTypes is refused on subjectTypes and starts nothing', async () => {
  const runs = async () => (await server.sql('select count(*)::int as n from sweep_run'))[0].n;
  const before = await runs();
  const result = await server.query(START, { types: [] }, OFFICER);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subjectTypes' });
  expect(result.errors?.[0].message).toContain('leave subjectTypes out');
  expect(await runs()).toBe(before);
});
