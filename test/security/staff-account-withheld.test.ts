import { chinaToday } from '../../src/domain/day';
import { assertJwksSettings } from '../../src/config-readers';
import { uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * hostile29 F2: anyone without a token read which staff account withdrew an enterprise's listing
 * (`ListMembership.enteredInErrorBy`, a token's `sub`, which may be a real name). Staff accounts are the
 * audit trail's actors, read by INSPECTOR and ADMIN: others now get null, as for other withheld fields.
 * hostile29 F8: JWKS_URL=http://idp.localhost/… passed as loopback, but such a name is resolved through DNS.
 */
let server: TestServer;
const CLERK: Caller = { role: 'CLERK', sub: 'h29.CLERK' };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

it('F2: who withdrew a listing as entered in error is for those who read the audit trail; the public, a display and a clerk get null', async () => {
  const enterpriseId = (await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州市撤回人测试有限公司" }) { id } }`), { u: uscc('91') }, CLERK)).createEnterprise.id;
  const membershipId = (await server.ok(graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`),
    { input: { subjectType: 'ENTERPRISE', subjectId: enterpriseId, list: 'SERIOUS_ILLEGAL_DISHONEST', listedOn: chinaToday(), listedBy: '鄂州市市场监督管理局', documentNumber: '鄂州市监〔2026〕10号' } }, CLERK)).listSubject.id;
  await server.ok(graphql(`mutation ($input: WithdrawListingInput!) { withdrawListing(input: $input) { id } }`), { input: { membershipId, reason: '误登记：名单所列为另一企业' } }, CLERK);
  const READ = graphql(`query ($id: ID!) { enterprise(id: $id) { listMemberships { enteredInErrorAt enteredInErrorBy enteredInErrorReason listedBy } } }`);
  for (const as of [{ role: 'PUBLIC' }, { role: 'DISPLAY', sub: 'hall-3f' }, CLERK, { role: 'OFFICER', sub: 'o' }] as Caller[]) {
    const [membership] = (await server.ok(READ, { id: enterpriseId }, as)).enterprise!.listMemberships;
    expect([as.role, membership.enteredInErrorBy]).toEqual([as.role, null]);
    expect(membership.enteredInErrorReason).toBe('误登记：名单所列为另一企业');
    expect(membership.listedBy).toBe('鄂州市市场监督管理局');
  }
  for (const role of ['INSPECTOR', 'ADMIN'] as const) {
    const [membership] = (await server.ok(READ, { id: enterpriseId }, { role, sub: `h29.${role}` })).enterprise!.listMemberships;
    expect(membership.enteredInErrorBy).toBe('h29.CLERK');
  }
});

it('F8: a plain-http key set address is accepted on literal loopback only, not on a name under .localhost', () => {
  const settings = (jwksUrl: string) => () => assertJwksSettings({ jwksUrl, jwtIssuer: 'https://sso.example.gov.cn', jwtAudience: 'chengxin' });
  for (const url of ['http://idp.localhost/jwks', 'http://foo.localhost:8080/.well-known/jwks.json', 'http://localhost.example.com/jwks', 'http://localhost./jwks']) {
    expect(settings(url)).toThrow(/JWKS_URL.*https:\/\//);
  }
  for (const url of ['http://localhost/jwks', 'http://127.0.0.1:9000/jwks', 'http://[::1]/jwks', 'https://idp.localhost/jwks']) {
    expect(settings(url)).not.toThrow();
  }
});
