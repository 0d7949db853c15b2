import { createAgency, createRecord } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';

/**
 * `Verdict.reason` for PUBLIC sent two counts (records corrected since the verdict, records no
 * longer disclosed) per verdict per alias, priced 20: a page of verdicts with many aliases of
 * `reason` was a statement flood. Now one statement answers every verdict of the request (a
 * DataLoader per request, shared by aliases and by `explanation`), and `reason` is priced as the
 * read it is; the answers stay right.
 */
const server = serverPerFile();
const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id } }`);
const VERDICTS = 5;
const ALIASES = 10;
const withheldStatements = () => server.statements.filter((s) => /with v \(k, subject_type, subject_id, day, evaluated_at[,)]/.test(s));
const perVerdictCounts = () => server.statements.filter((s) => /count\(/i.test(s) && /credit_record/.test(s));

const agencies: string[] = [];
let recordOfThird: string;
beforeAll(async () => {
  for (let i = 0; i < VERDICTS; i++) {
    agencies.push(await createAgency(server));
    // A record the verdict counts (decided a month ago, within its two-year period): revoking it withholds the verdict.
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    if (i === 2) recordOfThird = await createRecord(server, 'AGENCY', agencies[i], { occurredOn: daysAgo(40), decidedOn: daysAgo(30), recordedOn: daysAgo(29) });
    await server.ok(EVALUATE, { id: agencies[i] });
  }
});

async function reasonsOfPage(): Promise<{ subjectId: string; reasons: string[]; withheld: boolean }[]> {
  const query = `{ verdicts(first: 20) { edges { node { subject { ... on Agency { id } } explanation { factsWithheld } ${Array.from({ length: ALIASES }, (_, i) => `r${i}: reason { zh }`).join(' ')} } } } }`;
  server.resetStatements();
  const result = await server.rawQuery(query, undefined, { role: 'PUBLIC' });
  expect(result.errors).toBeUndefined();
  return result.data.verdicts.edges.map(({ node }: any) => ({ subjectId: node.subject.id, withheld: node.explanation.factsWithheld, reasons: Array.from({ length: ALIASES }, (_, i) => node[`r${i}`].zh) }));
}

it(`a page of ${VERDICTS} verdicts with ${ALIASES} aliases of reason and an explanation sends one statement for all (it was ${2 * VERDICTS * (ALIASES + 1)})`, async () => {
  const page = await reasonsOfPage();
  expect(page).toHaveLength(VERDICTS);
  expect(withheldStatements()).toHaveLength(1);
  expect(perVerdictCounts()).toEqual([]);
  expect(page.every((v) => !v.withheld && !v.reasons[0].includes('不再公示'))).toBe(true);
});

it('still tells the withheld verdict apart: a record revoked since withholds that verdict\'s reason from the public, the others not', async () => {
  await server.sql(`update credit_record set status = 'REVOKED' where id = ?`, [recordOfThird]);
  const page = await reasonsOfPage();
  expect(withheldStatements()).toHaveLength(1);
  for (const verdict of page) {
    const third = verdict.subjectId === agencies[2];
    expect(verdict.withheld).toBe(third);
    for (const reason of verdict.reasons) expect(reason.includes('不再公示')).toBe(third);
  }
});

it('is priced as the one read it is: 60 aliases of reason on a page of 100 verdicts fit the cost limit, with one statement', async () => {
  const query = `{ verdicts(first: 100) { edges { node { ${Array.from({ length: 60 }, (_, i) => `r${i}: reason { zh }`).join(' ')} } } } }`;
  server.resetStatements();
  const result = await server.rawQuery(query, undefined, { role: 'PUBLIC' });
  expect(result.errors).toBeUndefined();
  expect(withheldStatements()).toHaveLength(1);
});
