import { logSafely } from '../../src/errors';
import { createAgency, createCivilServant, createRecord, idCardNumber } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let dev: TestServer;
let prod: TestServer;
let agencyId: string;
beforeAll(async () => {
  [dev, prod] = await Promise.all([startTestServer(), startTestServer({ nodeEnv: 'production' })]);
});
afterAll(() => Promise.all([dev?.stop(), prod?.stop()]));

async function counts(server: TestServer) {
  const [row] = await server.sql('select (select count(*) from audit_event)::int as audit, (select count(*) from agency)::int as agencies, (select count(*) from civil_servant)::int as servants, (select count(*) from credit_record)::int as records');
  return row;
}

const RECORD = 'mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id summary } }';

describe.each([
  ['development', () => dev],
  ['production', () => prod],
])('bad input is BAD_USER_INPUT naming the field, never INTERNAL_SERVER_ERROR (%s)', (_name, server) => {
  beforeAll(async () => {
    agencyId = await createAgency(server());
  });

  async function refused(query: string, variables: Record<string, unknown>, field: string | RegExp, message: RegExp, role: Caller['role'] = 'ADMIN') {
    const before = await counts(server());
    const result = await server().rawQuery(query, variables, { role });
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: typeof field === 'string' ? field : expect.stringMatching(field) }, message: expect.stringMatching(message) });
    expect(result.errors?.[0].extensions?.stacktrace).toBeUndefined();
    expect(await counts(server())).toEqual(before);
  }

  const record = (fields: Record<string, unknown>) => ({
    input: {
      subjectType: 'AGENCY', subjectId: agencyId, kind: 'DISHONEST', category: 'BREACH_OF_CONTRACT', severity: 'MAJOR', summary: '未按合同约定支付工程款',
      occurredOn: '2023-03-01', recordedOn: '2023-03-20', sourceDepartment: '鄂州市发展和改革委员会', documentNumber: '鄂州信〔2023〕12号', ...fields,
    },
  });

  it('a NUL byte in nameContains (variable and literal), a summary and a name', async () => {
    await refused('query ($n: String) { civilServants(filter: { nameContains: $n }) { totalCount } }', { n: '王\u0000' }, 'n', /NUL character/, 'PUBLIC');
    await refused('{ civilServants(filter: { nameContains: "王\\u0000" }) { totalCount } }', {}, 'civilServants.filter.nameContains', /NUL character/, 'PUBLIC');
    await refused(RECORD, record({ summary: '未按合同\u0000支付' }), 'input.summary', /NUL character \(\\u0000\) at character 5/);
    await refused('mutation ($n: String!, $a: ID!) { createCivilServant(input: { idCardNumber: "' + idCardNumber() + '", name: $n, agencyId: $a, post: "科员", rank: "一级科员" }) { id } }', { n: '张\u0000三', a: agencyId }, 'n', /NUL/);
  });

  it('a lone surrogate is refused, never stored as U+FFFD', async () => {
    await refused(RECORD, record({ summary: '拖欠\ud800工程款' }), 'input.summary', /half of a UTF-16 surrogate pair \(\\uD800\)/);
    await refused('query ($n: String) { civilServants(filter: { nameContains: $n }) { totalCount } }', { n: '\udc00' }, 'n', /surrogate/, 'PUBLIC');
    expect(await server().sql("select count(*)::int as n from credit_record where summary like '%' || chr(65533) || '%'")).toEqual([{ n: 0 }]);
    // A whole pair (an emoji, a rare character outside the BMP) is fine.
    const id = await createRecord(server(), 'AGENCY', agencyId, { summary: '拖欠𠀀工程款' });
    expect((await server().ok(graphql(`query ($id: ID!) { creditRecord(id: $id) { summary } }`), { id })).creditRecord!.summary).toBe('拖欠𠀀工程款');
  });

  it('occurredOn "0000-01-01" and instants in the year 9999 or +010000', async () => {
    await refused(RECORD, record({ occurredOn: '0000-01-01' }), 'input.occurredOn', /year 0; Chengxin records dates from 1900 to 2199/);
    await refused(RECORD.replace('$input: CreateCreditRecordInput!', '$input: CreateCreditRecordInput!').replace('createCreditRecord(input: $input)', 'createCreditRecord(input: $input)'), record({ recordedOn: '9999-12-31' }), 'input.recordedOn', /year 9999/);
    const servant = await createCivilServant(server(), agencyId);
    const evaluate = 'mutation ($s: ID!, $t: DateTime) { evaluate(subject: { type: CIVIL_SERVANT, id: $s }, matter: "PROMOTION", asOf: $t) { id } }';
    await refused(evaluate, { s: servant, t: '9999-12-31T23:59:59-12:00' }, 't', /year 10000/);
    await refused(evaluate, { s: servant, t: '+010000-01-01T00:00:00Z' }, /^t$/, /./);
    await refused(`mutation ($s: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $s }, matter: "PROMOTION", asOf: "9999-06-01T00:00:00Z") { id } }`, { s: servant }, 'evaluate.asOf', /year 9999/);
  });
});

describe('deeply nested JSON', () => {
  it('a variable nested 50,000 levels deep is a coded 4xx, and the server keeps answering', async () => {
    const body = `{"query":"query ($n: String) { civilServants(filter: { nameContains: $n }) { totalCount } }","variables":{"n":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`;
    const response = await fetch(dev.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const result = (await response.json()) as { errors: { extensions: { code: string } }[] };
    // 100 KB: without a token past the 64 KB body limit (BODY_TOO_LARGE), signed in parsed and refused.
    expect(['BAD_USER_INPUT', 'BAD_REQUEST', 'BODY_TOO_LARGE']).toContain(result.errors[0].extensions.code);
    expect((await dev.query(graphql(`{ agencies { totalCount } }`))).status).toBe(200);
  });
});

describe('error logs', () => {
  it('carry the SQLSTATE, table and constraint, never the SQL or a message with its values (ID-card numbers)', async () => {
    const number = idCardNumber();
    let thrown: unknown;
    try {
      await dev.app.orm.em.getConnection().execute(`insert into civil_servant (id, id_card_number) values ('not-a-uuid', '${number}')`);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    expect(String((thrown as Error).message)).toContain(number); // what MikroORM puts in the message
    const logged = JSON.stringify(logSafely(thrown));
    expect(logged).not.toContain(number);
    expect(logged).not.toMatch(/insert into/i);
    expect(logSafely(thrown).err).toMatchObject({ code: '22P02' });
    expect(logSafely(thrown).err.message).toBeUndefined();
  });
});
