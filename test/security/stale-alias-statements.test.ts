import { createAgency, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * `Verdict.stale` sent one statement (the newest change among the subject's rows) per verdict per
 * alias, priced 1: a page of verdicts with many aliases of `stale` was a statement flood for the
 * price of a few fields. Now one statement answers every verdict of the request, whatever the
 * aliases, and the answers stay right.
 */
const server = serverPerFile();
const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id } }`);
const VERDICTS = 5;
const ALIASES = 10;
const lastChangeStatements = () => server.statements.filter((s) => /with wanted \(k, subject_type, subject_id\)/.test(s));

const agencies: string[] = [];
beforeAll(async () => {
  for (let i = 0; i < VERDICTS; i++) {
    agencies.push(await createAgency(server));
    await server.ok(EVALUATE, { id: agencies[i] });
  }
});

async function staleOfPage(): Promise<{ id: string; subjectId: string; stale: boolean[] }[]> {
  const query = `{ verdicts(first: 20) { edges { node { id subject { ... on Agency { id } } ${Array.from({ length: ALIASES }, (_, i) => `s${i}: stale`).join(' ')} } } } }`;
  server.resetStatements();
  const result = await server.rawQuery(query, undefined, { role: 'INSPECTOR' });
  expect(result.errors).toBeUndefined();
  return result.data.verdicts.edges.map(({ node }: any) => ({ id: node.id, subjectId: node.subject.id, stale: Array.from({ length: ALIASES }, (_, i) => node[`s${i}`]) }));
}

it(`a page of ${VERDICTS} verdicts with ${ALIASES} aliases of stale sends one statement for all (it was ${VERDICTS * ALIASES})`, async () => {
  const page = await staleOfPage();
  expect(page).toHaveLength(VERDICTS);
  expect(lastChangeStatements()).toHaveLength(1);
  expect(page.every((v) => v.stale.every((s) => s === false))).toBe(true);
});

it('still tells the changed subject apart: a record registered since makes its verdict stale, the others not', async () => {
  await createRecord(server, 'AGENCY', agencies[2]);
  const page = await staleOfPage();
  expect(lastChangeStatements()).toHaveLength(1);
  for (const verdict of page) expect(verdict.stale).toEqual(Array(ALIASES).fill(verdict.subjectId === agencies[2]));
});
