import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile12 F3: the public reads a commitment's `breachFinding`, `breachFoundOn` and
 * `breachFindingPending` as null (FIELD_READERS), yet
 * `agency { commitmentFacts { breachedCommitments { id breachFinding foundOn } notCounted { id reason } } }`
 * gave it, per commitment id, that the breach was found 履职不力 and on which day, or that it awaits a
 * finding — for a commitment not disclosed to the public too. Now the public gets those two lists
 * empty, for every agency, so the facts tell it no more than the commitments do; the counts stay, and
 * signed-in roles read the lists whole.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'wu.clerk' };
const CREATE = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { id } }`);
const FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) {
  agency(id: $id) {
    commitmentFacts(asOf: $asOf) {
      breached breachedUnreviewed
      breachedCommitments { id breachFinding foundOn publiclyDisclosed }
      notCounted { id foundOn reason }
    }
    commitments { id publiclyDisclosed breachFinding breachFoundOn breachFindingPending }
  }
}`);

let agencyId: string;
let undisclosed: string;
let pending: string;
beforeAll(async () => {
  agencyId = await createAgency(server, { name: '鄂州市承诺测试局' });
  const commitment = async (content: string, publiclyDisclosed: boolean) =>
    (await server.ok(CREATE, { input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain: 'PUBLIC_SERVICE', publiclyDisclosed, content, publishedOn: '2025-01-01', dueOn: '2025-03-01' } }, CLERK)).createCommitment.id;
  undisclosed = await commitment('60个工作日内完成办事大厅改造', false);
  await server.ok(SETTLE, { input: { commitmentId: undisclosed, status: 'BREACHED', settledOn: '2025-03-10', breachFinding: 'DERELICTION' } }, CLERK);
  pending = await commitment('年内建成社区服务站', true);
  // Settled as breached before findings were recorded: no finding yet (未认定), as old rows are.
  await server.sql(`update commitment set status = 'BREACHED', settled_on = '2025-03-20' where id = ?`, [pending]);
});

it('the public gets the counts, but no commitment\'s finding, finding day or pending state through the facts, as through the commitments', async () => {
  const { agency } = await server.ok(FACTS, { id: agencyId, asOf: new Date().toISOString() }, { role: 'PUBLIC' });
  expect(agency!.commitmentFacts).toEqual({ breached: 1, breachedUnreviewed: 1, breachedCommitments: [], notCounted: [] });
  // What the commitments themselves give the public: the disclosure, and null for the rest.
  expect(agency!.commitments).toEqual(expect.arrayContaining([
    { id: undisclosed, publiclyDisclosed: false, breachFinding: null, breachFoundOn: null, breachFindingPending: null },
    { id: pending, publiclyDisclosed: true, breachFinding: null, breachFoundOn: null, breachFindingPending: null },
  ]));
});

it('signed-in roles read both lists whole', async () => {
  for (const role of ['CLERK', 'DISPLAY'] as const) {
    const { agency } = await server.ok(FACTS, { id: agencyId, asOf: new Date().toISOString() }, { role, sub: `reader.${role.toLowerCase()}` });
    expect(agency!.commitmentFacts).toEqual({
      breached: 1,
      breachedUnreviewed: 1,
      breachedCommitments: [{ id: undisclosed, breachFinding: 'DERELICTION', foundOn: '2025-03-10', publiclyDisclosed: false }],
      notCounted: [{ id: pending, foundOn: null, reason: 'BREACH_UNREVIEWED' }],
    });
  }
});
