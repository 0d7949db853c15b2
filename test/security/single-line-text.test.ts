import { agencyWithServant, idCardNumber, recordInput, uscc, type RecordFields } from '../support/factories';
import { serverPerFile } from '../support/server-per-file';
import { graphql, type VariablesOf } from '../support/graphql';

/**
 * Single-line text — names, document numbers, bodies (foundBy, court…) — refuses control characters
 * and bidirectional overrides: "鄂州信〔2023〕\u202E21号" shows one number and stores another, a line
 * break in a name forges a line in an export. BAD_USER_INPUT naming the field; nothing is written.
 * Multi-line text (a summary, a reason) keeps its line breaks.
 */
const server = serverPerFile();
let agencyId: string;
let servantId: string;
beforeAll(async () => {
  ({ agencyId, servantId } = await agencyWithServant(server));
});

const rows = async () => (await server.sql(`select (select count(*) from credit_record)::int as records, (select count(*) from agency)::int as agencies,
  (select count(*) from civil_servant)::int as servants, (select count(*) from audit_event)::int as audit`))[0];

const RECORD = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`);
const record = (fields: RecordFields): VariablesOf<typeof RECORD> => ({ input: recordInput('CIVIL_SERVANT', servantId, { summary: '第一行\n第二行', ...fields }) });

it.each([
  ['documentNumber', 'U+202E', RECORD, () => record({ documentNumber: '鄂州信〔2023〕\u202E21号' })],
  ['documentNumber', 'U+2066', RECORD, () => record({ documentNumber: '鄂州信\u2066〔2023〕12号\u2069' })],
  ['sourceDepartment', 'U+000A', RECORD, () => record({ sourceDepartment: '鄂州市\n发改委' })],
  ['name', 'U+001B', 'mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }', () => ({ input: { idCardNumber: idCardNumber(), name: '张\u001B[31m三', agencyId, post: '科员', rank: '一级科员' } })],
  ['name', 'U+0009', 'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id } }', () => ({ input: { uscc: uscc(), name: '鄂州市\t测试局', level: 'CITY', kind: 'DEPARTMENT' } })],
  // Default-ignorable code points that are not format characters (Cf): they render as nothing.
  ['documentNumber', 'U+FE0F', RECORD, () => record({ documentNumber: '鄂州信〔2024〕1\uFE0F2号' })],
  ['documentNumber', 'U+034F', RECORD, () => record({ documentNumber: '鄂州信〔2024〕1\u034F2号' })],
  ['documentNumber', 'U+E0100', RECORD, () => record({ documentNumber: '鄂州信〔2024〕1\u{E0100}2号' })],
  ['sourceDepartment', 'U+17B4', RECORD, () => record({ sourceDepartment: '鄂州市\u17B4发改委' })],
  // Look-alikes of ideographs: a Kangxi radical and a compatibility ideograph (NFKC gives the plain one).
  ['sourceDepartment', 'U+2F00', RECORD, () => record({ sourceDepartment: '鄂州市第\u2F00中学' })],
  ['name', 'U+F900', 'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id } }', () => ({ input: { uscc: uscc(), name: '鄂州市\uF900测试局', level: 'CITY', kind: 'DEPARTMENT' } })],
])('%s holding %s: BAD_USER_INPUT naming the field and the character; nothing is written', async (field, code, query, variables) => {
  const before = await rows();
  const result = await server.rawQuery(query, variables());
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]).toMatchObject({ extensions: { field } });
  expect(result.errors?.[0].message).toContain(code);
  expect(result.errors?.[0].message).toMatch(/单行文本不能包含.*single-line text may not hold/);
  expect(await rows()).toEqual(before);
});

it('foundBy of a breach finding is single-line too', async () => {
  const before = await rows();
  const result = await server.query(graphql(`mutation ($input: RecordBreachFindingInput!) { recordBreachFinding(input: $input) { id } }`), {
    input: { commitmentId: '00000000-0000-4000-8000-000000000000', breachFinding: 'DERELICTION', foundOn: '2024-01-01', foundBy: '鄂州市\u202D督查室' },
  });
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'foundBy' });
  expect(await rows()).toEqual(before);
});

it('plain single-line text and a multi-line summary are accepted', async () => {
  const result = await server.query(RECORD, record({}));
  expect(result.errors).toBeUndefined();
});

it('a unified ideograph inside the compatibility block (﨑, U+FA11) is an ordinary character and is accepted', async () => {
  const result = await server.query(RECORD, record({ sourceDepartment: '鄂州市山\uFA11办事处' }));
  expect(result.errors).toBeUndefined();
});
