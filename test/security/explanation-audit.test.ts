import { createAgency } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let server: TestServer;
const verdictIds: string[] = [];
beforeAll(async () => {
  server = await startTestServer();
  for (let i = 0; i < 3; i++) {
    const agency = await createAgency(server);
    const result = await server.query(graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id } }`), { id: agency });
    verdictIds.push(result.data!.evaluate.id);
  }
});
afterAll(() => server.stop());

/** READ_EXPLANATION rows, and how many transactions wrote them (xmin names the inserting transaction). */
async function explanationReads() {
  const [row] = await server.sql("select count(*)::int as rows, count(distinct xmin::text)::int as transactions from audit_event where action = 'READ_EXPLANATION'");
  return row as { rows: number; transactions: number };
}

describe('reading explanations fills the audit trail by at most one row per verdict per request', () => {
  it('60 aliases of explanation on one verdict (the alias limit) write one row', async () => {
    const before = await explanationReads();
    const aliases = Array.from({ length: 59 }, (_, i) => `e${i}: explanation { day }`).join(' ');
    const result = await server.rawQuery(`query ($v: ID!) { verdict(id: $v) { explanation { day } ${aliases} } }`, { v: verdictIds[0] }, { role: 'INSPECTOR', sub: 'zhao.inspector' });
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data.verdict)).toHaveLength(60);
    const after = await explanationReads();
    expect(after.rows - before.rows).toBe(1);
    const [event] = await server.sql("select actor, role, target_id from audit_event where action = 'READ_EXPLANATION' order by created_at desc limit 1");
    expect(event).toEqual({ actor: 'zhao.inspector', role: 'INSPECTOR', target_id: verdictIds[0] });
  });

  it('a page of verdicts with their explanations writes one row per verdict, all in one transaction with the request', async () => {
    const before = await explanationReads();
    const result = await server.query(graphql(`{ verdicts(first: 100) { edges { node { id explanation { day summary } again: explanation { day } } } } }`), undefined, { role: 'OFFICER' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.verdicts.edges).toHaveLength(3);
    const after = await explanationReads();
    expect(after.rows - before.rows).toBe(3);
    expect(after.transactions - before.transactions).toBe(1);
  });

  it('PUBLIC reads write no row at all, for a list or a single verdict (README: the request log keeps them)', async () => {
    const before = await explanationReads();
    const list = await server.query(graphql(`{ verdicts(first: 40) { edges { node { explanation { summary } } } } }`), undefined, { role: 'PUBLIC' }); // 40: the most an anonymous page of explanations may hold (ROW_FIELD_COSTS)
    expect(list.errors).toBeUndefined();
    expect(list.data!.verdicts.edges.length).toBeGreaterThan(0);
    const one = await server.query(graphql(`query ($v: ID!) { verdict(id: $v) { explanation { day } } }`), { v: verdictIds[1] }, { role: 'PUBLIC' });
    expect(one.errors).toBeUndefined();
    expect(await explanationReads()).toEqual(before);
  });

  it('a request refused before it runs records no read', async () => {
    const before = await explanationReads();
    const flood = Array.from({ length: 3000 }, (_, i) => `e${i}: explanation { day }`).join(' ');
    const result = await server.rawQuery(`query ($v: ID!) { verdict(id: $v) { ${flood} } }`, { v: verdictIds[2] }, { role: 'INSPECTOR' });
    expect(result.status).toBe(400);
    expect(await explanationReads()).toEqual(before);
  });
});
