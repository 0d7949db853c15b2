import { createAgency, createCivilServant } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';

/**
 * hostile7 F6: a clerk set a civil servant's `leadingCadre` to true, evaluated PROMOTION (the cadre
 * rule fired), and set it back; the trail held two UPDATE_SUBJECT events saying only "updated".
 * Subjects keep no history, so nothing recorded what changed. Now each update's event names the
 * fields it changed with their old and new values; an update refused changes nothing and records nothing.
 */
const CLERK: Caller = { role: 'CLERK', sub: 'qian.clerk' };
const INSPECTOR: Caller = { role: 'INSPECTOR', sub: 'sun.inspector' };
const SET_CADRE = graphql(`mutation ($id: ID!, $v: Boolean!) { updateCivilServant(id: $id, input: { leadingCadre: $v }) { leadingCadre } }`);
const UPDATES = graphql(`query ($id: ID!) { auditEvents(first: 10, filter: { subjectId: $id, action: UPDATE_SUBJECT }) { edges { node { actor outcome } } } }`);

let server: TestServer;
let agencyId: string;
let servantId: string;
beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server, { name: '鄂州市交通运输局' });
  servantId = await createCivilServant(server, agencyId, { name: '何洋', leadingCadre: false });
});
afterAll(() => server.stop());

const count = async () => (await server.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0].n;

it('flipping leadingCadre and back leaves two events, each naming the field with its old and new value', async () => {
  const before = await count();
  await server.ok(SET_CADRE, { id: servantId, v: true }, CLERK);
  await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id } }`), { id: servantId }, CLERK);
  await server.ok(SET_CADRE, { id: servantId, v: false }, CLERK);
  expect(await count()).toBe(before + 3);
  const { auditEvents } = await server.ok(UPDATES, { id: servantId }, INSPECTOR);
  expect(auditEvents.edges.map((e) => e.node)).toEqual([
    { actor: 'qian.clerk', outcome: 'updated leadingCadre: true → false' },
    { actor: 'qian.clerk', outcome: 'updated leadingCadre: false → true' },
  ]);
});

it('a move to another agency, a rename and a new principal are recorded with their values; an unchanged value is not', async () => {
  const other = await createAgency(server, { name: '鄂州市卫生健康委员会' });
  await server.ok(graphql(`mutation ($id: ID!, $a: ID!) { updateCivilServant(id: $id, input: { agencyId: $a, name: "何阳", post: "科员", principal: true, principalSince: "2025-03-01" }) { id } }`), { id: servantId, a: other }, CLERK);
  const [latest] = (await server.ok(UPDATES, { id: servantId }, INSPECTOR)).auditEvents.edges;
  expect(latest.node.outcome).toBe(`updated name: "何洋" → "何阳"; agency: ${agencyId} → ${other}; principal: false → true; principalSince: null → "2025-03-01"`);

  await server.ok(graphql(`mutation ($id: ID!) { updateAgency(id: $id, input: { name: "鄂州市交通运输局（更名）" }) { id } }`), { id: agencyId }, CLERK);
  const agencyEvents = await server.ok(UPDATES, { id: agencyId }, INSPECTOR);
  expect(agencyEvents.auditEvents.edges[0].node.outcome).toBe('updated name: "鄂州市交通运输局" → "鄂州市交通运输局（更名）"');
});

it('a commitment\'s field and disclosure changes are recorded with their values', async () => {
  const { createCommitment } = await server.ok(
    graphql(`mutation ($a: ID!) { createCommitment(input: { agencyId: $a, kind: DEADLINE, domain: PUBLIC_SERVICE, publiclyDisclosed: false, content: "三十日内办结", publishedOn: "2025-01-01", dueOn: "2025-02-01" }) { id } }`),
    { a: agencyId },
    CLERK,
  );
  await server.ok(graphql(`mutation ($c: ID!) { updateCommitment(id: $c, input: { domain: LIVELIHOOD, publiclyDisclosed: true }) { id } }`), { c: createCommitment.id }, CLERK);
  const [row] = await server.sql<{ outcome: string }>(`select outcome from audit_event where action = 'UPDATE_COMMITMENT' and target_id = '${createCommitment.id}'`);
  expect(row.outcome).toBe('updated domain: "PUBLIC_SERVICE" → "LIVELIHOOD"; publiclyDisclosed: false → true');
});

it('a refused update records nothing and changes nothing', async () => {
  const before = await count();
  const refused = await server.query(graphql(`mutation ($id: ID!) { updateCivilServant(id: $id, input: { principal: false, principalSince: "2025-03-01" }) { id } }`), { id: servantId }, CLERK);
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'principalSince' });
  expect(await count()).toBe(before);
});
