import { createAgency } from '../support/factories';
import { graphql } from '../support/graphql';
import { serverPerFile } from '../support/server-per-file';
import type { Caller } from '../support/test-server';

/**
 * hostile19 F4: the public reads each commitment's 履职不力 finding as null, yet
 * `commitmentFacts(domains: [LIVELIHOOD]) { breached breachedExcused }` against `domains: [OTHER]`
 * told which of an agency's two breached commitments was found 履职不力 (DERELICTION) and which was
 * excused; `within`, `publiclyDisclosed` and a past `asOf` narrowed the same way. Now, without a
 * token, every narrowing argument is refused (FORBIDDEN, naming it) and `asOf` must fall on today;
 * the unnarrowed counts stay public, and signed-in roles narrow freely. Real server, over HTTP.
 */
const server = serverPerFile();
const CLERK: Caller = { role: 'CLERK', sub: 'h19.clerk' };
const PUBLIC: Caller = { role: 'PUBLIC' };
const CREATE = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id } }`);
const SETTLE = graphql(`mutation ($input: SettleCommitmentInput!) { settleCommitment(input: $input) { id } }`);
let agencyId: string;
const now = () => new Date().toISOString();

beforeAll(async () => {
  agencyId = await createAgency(server, { name: '鄂州市承诺缩窄测试局' });
  const breached = async (domain: 'LIVELIHOOD' | 'OTHER', breachFinding: 'DERELICTION' | 'FORCE_MAJEURE', content: string) => {
    const { id } = (await server.ok(CREATE, { input: { agencyId, responsiblePersonId: null, kind: 'DEADLINE', domain, publiclyDisclosed: true, content, publishedOn: '2025-01-01', dueOn: '2025-03-01' } }, CLERK)).createCommitment;
    await server.ok(SETTLE, { input: { commitmentId: id, status: 'BREACHED', settledOn: '2025-03-10', breachFinding } }, CLERK);
  };
  await breached('LIVELIHOOD', 'DERELICTION', '年内完成老旧小区改造');
  await breached('OTHER', 'FORCE_MAJEURE', '年内完成档案数字化');
});

const facts = (args: string, as: Caller) =>
  server.rawQuery(`query ($id: ID!) { agency(id: $id) { name commitmentFacts(${args}) { breached breachedExcused breachedDisputed } } }`, { id: agencyId }, as);

it.each([
  ['domains', 'domains: [LIVELIHOOD]'],
  ['within', 'within: "P10Y"'],
  ['publiclyDisclosed', 'publiclyDisclosed: true'],
  ['actsFrom', 'actsFrom: "2020-01-01"'],
  ['reviewYearStartsOn', 'reviewYearStartsOn: "01-01"'],
  ['disputedFindingsCount', 'disputedFindingsCount: true'],
])('without a token, commitmentFacts(%s) is refused FORBIDDEN naming the argument; nothing is counted', async (argument, given) => {
  const result = await facts(`asOf: "${now()}", ${given}`, PUBLIC);
  expect(result.errors?.[0]).toMatchObject({ path: ['agency', 'commitmentFacts'], extensions: { code: 'FORBIDDEN', field: 'commitmentFacts', argument } });
  expect(result.errors?.[0].message).toContain(`"${argument}"`);
  expect(result.data?.agency ?? null).toBeNull();
});

it('without a token, a past asOf is refused naming asOf; today\'s counts of all the commitments are served', async () => {
  const past = await facts('asOf: "2025-06-01T00:00:00+08:00"', PUBLIC);
  expect(past.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', argument: 'asOf' } });
  const today = await facts(`asOf: "${now()}"`, PUBLIC);
  expect(today.errors).toBeUndefined();
  expect(today.data.agency.commitmentFacts).toEqual({ breached: 1, breachedExcused: 1, breachedDisputed: 0 });
});

it('signed in, the counts narrow as before: the LIVELIHOOD commitment alone is the breached one', async () => {
  const display = await facts('asOf: "2025-06-01T00:00:00+08:00", domains: [LIVELIHOOD]', { role: 'DISPLAY', sub: 'h19.display' });
  expect(display.errors).toBeUndefined();
  expect(display.data.agency.commitmentFacts).toEqual({ breached: 1, breachedExcused: 0, breachedDisputed: 0 });
});
