import { createAgency, createCivilServant, createRecord, idCardNumber } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql, type VariablesOf } from '../support/graphql';

/**
 * hostile4 L1: invisible and bidirectional formatting characters. "鄂州信〔2026〕\u200B12号" looks
 * exactly like 鄂州信〔2026〕12号 and "王\u200B明" like 王明, yet they are other values; a summary
 * holding U+202E is shown, to the public too, as another sentence. Single-line text refuses every
 * format character (Unicode Cf) and the Hangul fillers; multi-line text refuses the bidirectional
 * embeddings, overrides and isolates. BAD_USER_INPUT naming the field and the character; nothing written.
 */
let server: TestServer;
let agencyId: string;
let servantId: string;
let recordId: string;
beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server);
  servantId = await createCivilServant(server, agencyId);
  recordId = await createRecord(server, 'AGENCY', agencyId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
});
afterAll(() => server.stop());

const rows = async () => (await server.sql(`select (select count(*) from credit_record)::int as records, (select count(*) from civil_servant)::int as servants,
  (select count(*) from list_membership)::int as listings, (select count(*) from objection)::int as objections,
  (select count(*) from audit_event)::int as audit, (select count(*) from credit_record_revision)::int as revisions`))[0];

const RECORD = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id documentNumber summary } }`);
const record = (fields: Partial<VariablesOf<typeof RECORD>['input']>): VariablesOf<typeof RECORD> => ({
  input: {
    subjectType: 'AGENCY', subjectId: agencyId, kind: 'DISHONEST', category: 'BREACH_OF_CONTRACT', severity: 'MAJOR', summary: '未按合同约定支付工程款',
    occurredOn: '2025-03-01', recordedOn: '2025-03-20', sourceDepartment: '鄂州市发改委', documentNumber: '鄂州信〔2026〕12号', ...fields,
  },
});
const SERVANT = graphql(`mutation ($input: CreateCivilServantInput!) { createCivilServant(input: $input) { id } }`);
const LIST = graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`);

async function expectRefused(send: () => Promise<{ errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>, field: string, code: string, words: RegExp) {
  const before = await rows();
  const result = await send();
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(result.errors?.[0].message).toContain(code);
  expect(result.errors?.[0].message).toMatch(words);
  expect(await rows()).toEqual(before);
}

const SINGLE = /单行文本不能包含.*single-line text may not hold/;

describe('single-line text refuses invisible format characters and fillers', () => {
  it.each([
    ['U+200B', '\u200B'], ['U+200C', '\u200C'], ['U+200D', '\u200D'], ['U+2060', '\u2060'], ['U+FEFF', '\uFEFF'], ['U+00AD', '\u00AD'],
    ['U+115F', '\u115F'], ['U+1160', '\u1160'], ['U+3164', '\u3164'], ['U+FFA0', '\uFFA0'],
    ['U+200E', '\u200E'], ['U+200F', '\u200F'], ['U+061C', '\u061C'], ['U+2066', '\u2066'], ['U+2069', '\u2069'], ['U+E0041', '\u{E0041}'],
  ])('a document number holding %s', async (code, char) => {
    await expectRefused(() => server.query(RECORD, record({ documentNumber: `鄂州信〔2026〕${char}12号` })), 'documentNumber', code, SINGLE);
  });

  it('a name 王\\u200B明 (looks like 王明)', async () => {
    await expectRefused(() => server.query(SERVANT, { input: { idCardNumber: idCardNumber(), name: '王\u200B明', agencyId, post: '科员', rank: '一级科员' } }), 'name', 'U+200B', SINGLE);
  });

  it('a listing decision number with a zero-width space', async () => {
    await expectRefused(
      () => server.query(LIST, { input: { subjectType: 'CIVIL_SERVANT', subjectId: servantId, list: 'JUDGMENT_DEFAULTER', documentNumber: '(2026)鄂07执\u200B1号', listedBy: '鄂州市中级人民法院', listedOn: '2026-01-05' } }),
      'documentNumber', 'U+200B', SINGLE,
    );
  });

  it('the character position is counted in characters, not UTF-16 units', async () => {
    const result = await server.query(RECORD, record({ documentNumber: '𠀀\u200B12号' }));
    expect(result.errors?.[0].message).toContain('第 2 个字符 U+200B');
  });
});

const MULTI = /双向文字嵌入、覆盖或隔离控制符.*bidirectional embedding, override or isolate/s;

describe('multi-line text refuses bidirectional embeddings, overrides and isolates, and keeps its lines', () => {
  it.each([['U+202E', '\u202E'], ['U+202A', '\u202A'], ['U+2067', '\u2067']])('a record summary holding %s', async (code, char) => {
    await expectRefused(() => server.query(RECORD, record({ summary: `未按合同${char}款程工付支\u202C约定` })), 'summary', code, MULTI);
  });

  it('an objection reason, and a correction of a summary through an upheld objection', async () => {
    await expectRefused(
      () => server.query(graphql(`mutation ($r: ID!, $reason: String!) { fileObjection(input: { recordId: $r, filedBy: "本单位", reason: $reason, filedOn: "2025-04-01" }) { id } }`), { r: recordId, reason: '金额\u202E有误' }),
      'reason', 'U+202E', MULTI,
    );
    const { fileObjection } = await server.ok(graphql(`mutation ($r: ID!) { fileObjection(input: { recordId: $r, filedBy: "本单位", reason: "金额有误", filedOn: "2025-04-01" }) { id } }`), { r: recordId });
    await expectRefused(
      () => server.query(graphql(`mutation ($o: ID!) { resolveObjection(input: { objectionId: $o, decision: UPHELD, remedy: CORRECT, correction: { summary: "a\u202Eb" }, resolution: "更正", resolvedOn: "2025-04-20" }) { status } }`), { o: fileObjection.id }),
      'correction.summary', 'U+202E', MULTI,
    );
    const [objection] = await server.sql<{ status: string }>('select status from objection where id = ?', [fileObjection.id]);
    expect(objection.status).toBe('PENDING');
  });

  it('line breaks, tabs and plain text are kept', async () => {
    const { createCreditRecord } = await server.ok(RECORD, record({ summary: '第一行\n\t第二行', documentNumber: '鄂州信〔2026〕13号' }));
    expect(createCreditRecord).toMatchObject({ summary: '第一行\n\t第二行', documentNumber: '鄂州信〔2026〕13号' });
  });
});
