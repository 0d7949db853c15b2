import { createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * A subject's facts field (`credit`, `listings`, `commitmentFacts`, …) is priced at the cap of the
 * list it computes over (100 records), but computed over every row: a subject with more cost more
 * than its price, once per alias. A caller asking facts over more rows than the price counts on is
 * now refused with LIST_TOO_LONG (the facts are never computed from a list cut short), naming
 * where to read the rows a page at a time; evaluations read facts as the system and see every
 * row, so no verdict is decided on a truncated list.
 */
let server: TestServer;
let enterpriseId: string;
const ROWS = 101;

beforeAll(async () => {
  server = await startTestServer();
  [{ id: enterpriseId }] = await server.sql(`insert into enterprise (id, uscc, name) values (gen_random_uuid(), '${uscc('91')}', '鄂州市百条记录测试有限公司') returning id`);
  const first = await createRecord(server, 'ENTERPRISE', enterpriseId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const columns = (await server.sql<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'credit_record' and column_name not in ('id', 'document_number')`)).map((c) => `"${c.column_name}"`).join(', ');
  await server.sql(`insert into credit_record (id, document_number, ${columns}) select gen_random_uuid(), '鄂州信〔2025〕' || n || '号', ${columns} from credit_record, generate_series(2, ${ROWS}) n where id = ?`, [first]);
});
afterAll(() => server.stop());

it(`a caller reading the credit facts of a subject with ${ROWS} records gets LIST_TOO_LONG naming the paged field, not facts over a cut list`, async () => {
  for (const role of ['CLERK', 'PUBLIC'] as const) {
    const result = await server.rawQuery(`query ($id: ID!) { enterprise(id: $id) { name credit(asOf: "2026-11-01T00:00:00+08:00") { unrepaired records { id } } } }`, { id: enterpriseId }, { role });
    expect(result.errors?.[0]).toMatchObject({
      path: ['enterprise', 'credit'],
      message: expect.stringMatching(/Enterprise\.credit would compute over 101 rows .*creditRecordsConnection/),
      extensions: { code: 'LIST_TOO_LONG', field: 'Enterprise.credit', limit: 100, found: ROWS },
    });
  }
});

it('evaluate and publicStatus read every record as the system: the verdict is decided on all of them', async () => {
  const evaluated = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT") { id outcome } }`), { id: enterpriseId }, { role: 'CLERK' });
  const [stored] = await server.sql<{ n: number }>(`select jsonb_array_length(facts::jsonb -> 'subject' -> 'credit' -> 'records') as n from verdict where id = ?`, [evaluated.evaluate.id]);
  expect(stored.n).toBe(ROWS);
  const status = await server.rawQuery(`query ($id: ID!) { enterprise(id: $id) { publicStatus(matter: "PROCUREMENT") { outcome } } }`, { id: enterpriseId }, { role: 'PUBLIC' });
  expect(status.errors).toBeUndefined();
  expect(status.data.enterprise.publicStatus.outcome).toBe(evaluated.evaluate.outcome);
});

it('the rows can still be read a page at a time', async () => {
  const page = await server.rawQuery(`query ($id: ID!) { enterprise(id: $id) { creditRecordsConnection(first: 100) { totalCount } } }`, { id: enterpriseId }, { role: 'CLERK' });
  expect(page.errors).toBeUndefined();
  expect(page.data.enterprise.creditRecordsConnection.totalCount).toBe(ROWS);
});
