import { FIELD_BYTES } from '../../src/graphql/answer-weights';
import { PUBLIC_ANSWER_BYTES } from '../../src/graphql/http-limits/public-answer-size';
import { LIMITS } from '../../src/graphql/limits';
import { createRecord, uscc } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * hostile18 F1: `{ verdicts(subject: {type: ENTERPRISE, id}, first: 45) { edges { node { explanation
 * { facts } } } } }` without a token was answered with 2 MB (an enterprise with 95 records, 45
 * stored verdicts): `Explanation.facts`, a copy of the stored facts document, counted one field in
 * the anonymous field budget. It now counts what a facts document can hold (every field its facts
 * query selects, each list at its cap), so the request is refused before anything runs; and an
 * anonymous answer longer than PUBLIC_ANSWER_BYTES (stored facts hold every row, past the caps) is
 * refused in place of being sent. Real server, real database, over HTTP.
 */
let server: TestServer;

/** An enterprise with `rows` publicly disclosed records (one made through the API, copied in SQL). */
async function enterpriseWithRecords(name: string, rows: number): Promise<string> {
  const [{ id }] = await server.sql<{ id: string }>(`insert into enterprise (id, uscc, name) values (gen_random_uuid(), '${uscc('91')}', ?) returning id`, [name]);
  const first = await createRecord(server, 'ENTERPRISE', id, { occurredOn: '2025-03-01', recordedOn: '2025-03-20', summary: '未按合同约定支付工程款，经鄂州市发展和改革委员会认定' });
  const columns = (await server.sql<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'credit_record' and column_name not in ('id', 'document_number')`)).map((c) => `"${c.column_name}"`).join(', ');
  await server.sql(`insert into credit_record (id, document_number, ${columns}) select gen_random_uuid(), '鄂州信〔2025〕' || n || '号', ${columns} from credit_record, generate_series(2, ${rows}) n where id = ?`, [first]);
  return id;
}

const EVALUATE = `mutation ($id: ID!) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT", asOf: "2026-06-01T00:00:00+08:00") { id } }`;
const FACTS_PAGE = (first: number) => `query ($id: ID!) { verdicts(subject: { type: ENTERPRISE, id: $id }, first: ${first}) { edges { node { explanation { facts } } } } }`;
const anonymous = (query: string, variables: Record<string, unknown>) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });

let heavy: string;
beforeAll(async () => {
  server = await startTestServer();
  // The report's enterprise: 95 records, 45 stored verdicts (one evaluated, stored 44 times more as a sweep would).
  heavy = await enterpriseWithRecords('鄂州市九十五条记录测试有限公司', 95);
  const { data } = await server.rawQuery(EVALUATE, { id: heavy }, { role: 'CLERK' });
  const columns = (await server.sql<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'verdict' and column_name <> 'id'`)).map((c) => `"${c.column_name}"`).join(', ');
  await server.sql(`insert into verdict (id, ${columns}) select gen_random_uuid(), ${columns} from verdict, generate_series(2, 45) where id = ?`, [data.evaluate.id]);
});
afterAll(() => server?.stop());

it("refuses the report's page of 45 verdicts' facts without a token before any statement, pricing facts by what they can hold", async () => {
  server.resetStatements();
  const result = await server.rawQuery(FACTS_PAGE(45), { id: heavy }, { role: 'PUBLIC' });
  expect(result.status).toBe(400);
  expect(result.data).toBeUndefined();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: LIMITS.publicFields });
  expect(result.errors![0].extensions!.fields).toBeGreaterThan(45 * 1_000);
  expect(server.statements).toEqual([]);
  // A token holder is named and held by the cost limit alone: served.
  const signedIn = await server.rawQuery(FACTS_PAGE(45), { id: heavy }, { role: 'INSPECTOR' });
  expect(signedIn.errors).toBeUndefined();
  expect(signedIn.data.verdicts.edges).toHaveLength(45);
});

it("serves one verdict's facts without a token, within the budget's bytes", async () => {
  const response = await anonymous(FACTS_PAGE(1), { id: heavy });
  const text = await response.text();
  expect(response.status).toBe(200);
  const body = JSON.parse(text);
  expect(body.errors).toBeUndefined();
  expect(body.data.verdicts.edges[0].node.explanation.facts.subject.credit.records).toHaveLength(95);
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(LIMITS.publicFields * FIELD_BYTES);
});

it('refuses to send an anonymous answer over PUBLIC_ANSWER_BYTES (stored facts of a subject with more rows than the caps): ANSWER_TOO_LARGE, not megabytes', async () => {
  const huge = await enterpriseWithRecords('鄂州市三千条记录测试有限公司', 3_000);
  await server.rawQuery(EVALUATE, { id: huge }, { role: 'CLERK' });
  const response = await anonymous(FACTS_PAGE(1), { id: huge });
  const text = await response.text();
  expect(response.status).toBe(400);
  expect(Buffer.byteLength(text)).toBeLessThan(2_000);
  expect(JSON.parse(text).errors[0]).toMatchObject({
    message: expect.stringMatching(/^The answer is \d+ bytes; a request without a token is sent at most 960000 .*sign in with a token\.$/),
    extensions: { code: 'ANSWER_TOO_LARGE', limit: PUBLIC_ANSWER_BYTES, bytes: expect.any(Number) },
  });
  // A token holder reads it whole.
  const signedIn = await server.rawQuery(FACTS_PAGE(1), { id: huge }, { role: 'INSPECTOR' });
  expect(signedIn.errors).toBeUndefined();
  expect(signedIn.data.verdicts.edges[0].node.explanation.facts.subject.credit.records).toHaveLength(3_000);
});
