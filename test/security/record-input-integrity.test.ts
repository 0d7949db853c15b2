import { agencyWithServant, createRecord, recordInput, type RecordFields } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { graphql, type VariablesOf } from '../support/graphql';

/**
 * A record stores exactly what was sent and counts on the right side: a loss finer than a fen, and
 * a category of the other kind (DISHONEST + COMMENDATION), are refused before anything is written —
 * on creation and on a correction.
 */
const server = serverPerFile();
let servantId: string;
beforeAll(async () => {
  ({ servantId } = await agencyWithServant(server));
});

const CREATE = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id loss } }`);
const input = (fields: RecordFields): VariablesOf<typeof CREATE> => ({ input: recordInput('CIVIL_SERVANT', servantId, fields) });
const records = async () => (await server.sql('select count(*)::int as n from credit_record'))[0].n as number;

describe('loss in fen', () => {
  it.each([0.001, 999999.995, 1e-7])('loss %p is BAD_USER_INPUT on loss, in Chinese and English, and nothing is stored', async (loss) => {
    const before = await records();
    const result = await server.query(CREATE, input({ loss }));
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe('loss');
    expect(result.errors?.[0].message).toMatch(/两位小数/);
    expect(result.errors?.[0].message).toMatch(/at most two decimals/);
    expect(await records()).toBe(before);
  });

  it('two decimals and whole yuan are taken as sent', async () => {
    const result = await server.query(CREATE, input({ loss: 999999.99 }));
    expect(result.errors).toBeUndefined();
    expect(result.data!.createCreditRecord.loss).toBe(999999.99);
  });
});

describe('category matches kind', () => {
  it.each([
    ['DISHONEST', 'COMMENDATION', 'MAJOR', /BREACH_OF_CONTRACT.*ADMINISTRATIVE_VIOLATION/],
    ['TRUSTWORTHY', 'JUDGMENT_DEFAULTER', null, /COMMENDATION, COMMITMENT_HONOURED/],
  ] as const)('%s with %s is BAD_USER_INPUT on category listing the allowed ones; nothing is stored', async (kind, category, severity, allowed) => {
    const before = await records();
    const result = await server.query(CREATE, input({ kind, category, severity }));
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe('category');
    expect(result.errors?.[0].message).toMatch(allowed);
    expect(await records()).toBe(before);
  });

  it('a correction to a category of the other kind is refused and the record keeps its category', async () => {
    const recordId = await createRecord(server, 'CIVIL_SERVANT', servantId);
    const filed = await server.ok(graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`), { input: { recordId, filedBy: '本人', reason: '类别有误', filedOn: '2023-04-01' } });
    const objectionId = filed.fileObjection.id;
    const result = await server.query(graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { id } }`), {
      input: { objectionId, decision: 'UPHELD', remedy: 'CORRECT', correction: { category: 'COMMENDATION' }, resolution: '更正', resolvedOn: '2023-04-10' },
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe('category');
    const [row] = await server.sql('select category, version from credit_record where id = ?', [recordId]);
    expect(row).toEqual({ category: 'BREACH_OF_CONTRACT', version: 1 });
    const [objection] = await server.sql('select status from objection where id = ?', [objectionId]);
    expect(objection.status).toBe('PENDING');
  });
});
