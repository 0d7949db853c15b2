import { chinaToday } from '../../src/domain/day';
import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * sec26 (issue 10, item 2): `findingObjections` withholds from the public every objection to a 履职不力
 * finding, yet `agency { commitmentFacts { breached breachedDisputed } }` told it that a unit's objection
 * was pending (1 under objection against 1 found), and `breachedRevoked` that one was upheld. For the
 * public the counts are folded so that they read as if the unit had never objected: two agencies that
 * differ only in a pending (or upheld) objection read the same, and the sum over the breached
 * commitments, whose status is public, tells no gap. Signed-in roles read the counts as they are.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'sec26.objection.clerk' };
const SECOND_CLERK: Caller = { role: 'CLERK', sub: 'sec26.objection.decider' };
const PUBLIC: Caller = { role: 'PUBLIC' };
const COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { status } }`);
const FILE = graphql(`mutation ($input: FileFindingObjectionInput!) { fileFindingObjection(input: $input) { id } }`);
const DECIDE = graphql(`mutation ($input: DecideFindingObjectionInput!) { decideFindingObjection(input: $input) { status } }`);
const FACTS = graphql(`query ($id: ID!, $asOf: DateTime!) {
  agency(id: $id) {
    commitmentFacts(asOf: $asOf) { breached breachedExcused breachedUnreviewed breachedDisputed breachedRevoked fulfilled overdue breachedCommitments { id } notCounted { id } }
    commitments { status breachFinding breachFindingPending }
  }
}`);
const OBJECTIONS = graphql(`query ($id: ID!) { findingObjections(filter: { agencyId: $id }) { edges { node { id } } } }`);

/** An agency with one commitment breached and found 履职不力 in March 2025, and then `objection` (none, pending, upheld). */
async function agencyWithFinding(objection: 'none' | 'pending' | 'upheld'): Promise<string> {
  const agencyId = await createAgency(server, { name: '鄂州市异议公开测试局' });
  const input = { agencyId, responsiblePersonId: null, kind: 'DEADLINE' as const, domain: 'LIVELIHOOD' as const, publiclyDisclosed: true, content: '社区食堂按期开放', publishedOn: '2025-01-01', dueOn: '2025-03-01' };
  const commitmentId = (await server.ok(COMMITMENT, { input }, CLERK)).createCommitment.id;
  await server.ok(SETTLE, { input: { commitmentId, status: 'BREACHED', breachFinding: 'DERELICTION', foundBy: '鄂州市人民政府督查室', settledOn: '2025-03-10', settlementDocument: '鄂州督〔2025〕41号' } }, CLERK);
  if (objection === 'none') return agencyId;
  const objectionId = (await server.ok(FILE, { input: { commitmentId, filedBy: '本单位', reason: '系上级调整项目安排所致，非履职不力', filedOn: chinaToday() } }, CLERK)).fileFindingObjection.id;
  if (objection === 'upheld') {
    await server.ok(DECIDE, { input: { objectionId, decision: 'UPHELD', resolution: '经核实不属履职不力', resolvedOn: chinaToday(), decidedBy: '鄂州市社会信用体系建设领导小组办公室', documentNumber: '鄂州信用办〔2025〕12号' } }, SECOND_CLERK);
  }
  return agencyId;
}

/** An agency with one commitment settled as breached and no finding recorded (未认定). */
async function agencyWithUnreviewedBreach(): Promise<string> {
  const agencyId = await createAgency(server, { name: '鄂州市异议公开测试局' });
  const input = { agencyId, responsiblePersonId: null, kind: 'DEADLINE' as const, domain: 'LIVELIHOOD' as const, publiclyDisclosed: true, content: '社区食堂按期开放', publishedOn: '2025-01-01', dueOn: '2025-03-01' };
  const commitmentId = (await server.ok(COMMITMENT, { input }, CLERK)).createCommitment.id;
  await server.sql(`update commitment set status = 'BREACHED', settled_on = '2025-03-10' where id = ?`, [commitmentId]);
  return agencyId;
}

const read = async (id: string, caller: Caller) => {
  const { agency } = await server.ok(FACTS, { id, asOf: new Date().toISOString() }, caller);
  return { facts: agency!.commitmentFacts, commitments: agency!.commitments, objections: (await server.ok(OBJECTIONS, { id }, caller)).findingObjections.edges };
};

it('the attack: two agencies differing only in a pending objection read the same to the public', async () => {
  const [found, disputed] = [await agencyWithFinding('none'), await agencyWithFinding('pending')];
  const publicFound = await read(found, PUBLIC);
  expect(publicFound.facts).toEqual({ breached: 1, breachedExcused: 0, breachedUnreviewed: 0, breachedDisputed: 0, breachedRevoked: 0, fulfilled: 0, overdue: 0, breachedCommitments: [], notCounted: [] });
  expect(await read(disputed, PUBLIC)).toEqual(publicFound);
  // The clerk reads the objection, in the counts as in findingObjections.
  const clerk = await read(disputed, CLERK);
  expect(clerk.facts).toMatchObject({ breached: 0, breachedDisputed: 1 });
  expect(clerk.objections).toHaveLength(1);
});

it('an upheld objection reads to the public as a breach with no standing finding, as one never reviewed does', async () => {
  const [revoked, unreviewed] = [await agencyWithFinding('upheld'), await agencyWithUnreviewedBreach()];
  const publicUnreviewed = await read(unreviewed, PUBLIC);
  expect(publicUnreviewed.facts).toMatchObject({ breached: 0, breachedUnreviewed: 1, breachedDisputed: 0, breachedRevoked: 0 });
  expect(await read(revoked, PUBLIC)).toEqual(publicUnreviewed);
  expect((await read(revoked, CLERK)).facts).toMatchObject({ breached: 0, breachedUnreviewed: 0, breachedRevoked: 1 });
});
