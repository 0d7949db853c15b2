import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAgency } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';
import { positionOf } from '../support/text-position';

/**
 * hostile8 F1/F1b: an agency's (or enterprise's) facts file selecting fields the public may not read
 * whole — a court case's absence reason and representative, a commitment's finding documents, the
 * plain record list with undisclosed records — stored them in the verdict, and an anonymous caller
 * read them there. Now such a file is refused wherever it is checked (preview, reload; run time and
 * `rules check` share the check), and the public's view of stored facts keeps only what it reads whole.
 */

const SHIPPED = path.resolve(__dirname, '../../rules');
const AGENCY_FACTS = 'facts/agency.graphql';
const shipped = readFileSync(path.join(SHIPPED, AGENCY_FACTS), 'utf8');
const COMMITMENTS = '    commitments { id settlementDocument breachFindingDocument breachFoundBy }';
const COURT_CASES = '    courtCases { id caseNumber entrustedRepresentative validAbsenceReason }';
const CREDIT_RECORDS = '    creditRecords { id status summary documentNumber loss publiclyDisclosed }';
const hostile = shipped.replace('    kind\n', `    kind\n${COMMITMENTS}\n${COURT_CASES}\n${CREDIT_RECORDS}\n`);
/** Where each refused field stands in the hostile file, found by content (the shipped file grows). */
const settlementDocument = positionOf(hostile, COMMITMENTS, 'settlementDocument');
const entrustedRepresentative = positionOf(hostile, COURT_CASES, 'entrustedRepresentative');
const validAbsenceReason = positionOf(hostile, COURT_CASES, 'validAbsenceReason');
const creditRecords = positionOf(hostile, CREDIT_RECORDS, 'creditRecords');
const OFFICER: Caller = { role: 'OFFICER', sub: 'h8.officer' };
const CLERK: Caller = { role: 'CLERK', sub: 'h8.clerk' };
const PUBLIC: Caller = { role: 'PUBLIC' };

const PREVIEW = graphql(`mutation ($files: [DraftFileInput!]!) { previewRules(files: $files) { draftVersion changedTotal } }`);
const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "PERFORMANCE_REVIEW") { id } }`);
const EXPLANATION = graphql(`query ($id: ID!) { verdict(id: $id) { explanation { factsWithheld facts rules { ruleId evidence text { zh en } } } } }`);

let server: TestServer;
let rulesDir: string;
let agencyId: string;

beforeAll(async () => {
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-h8-f1-'));
  cpSync(SHIPPED, rulesDir, { recursive: true });
  server = await startTestServer({ rulesDir });
  agencyId = await createAgency(server);
});
afterAll(async () => {
  await server?.stop();
  if (rulesDir) rmSync(rulesDir, { recursive: true, force: true });
});

const counts = async () => (await server.sql(`select (select count(*)::int from verdict) as verdicts, (select count(*)::int from rule_set_snapshot) as snapshots`))[0];

const REFUSED = [
  new RegExp(`facts/agency\\.graphql:${settlementDocument.at} .*PUBLIC 可读取 AGENCY 的结论，但无权读取 Commitment\\.settlementDocument 的完整值.*PUBLIC reads AGENCY verdicts but may not read Commitment\\.settlementDocument whole`, 's'),
  new RegExp(`facts/agency\\.graphql:${entrustedRepresentative.at} .*CourtCase\\.entrustedRepresentative`, 's'),
  new RegExp(`facts/agency\\.graphql:${validAbsenceReason.at} .*CourtCase\\.validAbsenceReason`, 's'),
  new RegExp(`facts/agency\\.graphql:${creditRecords.at} .*Agency\\.creditRecords.*read records through credit \\{ records \\}`, 's'),
];

describe('a facts file reading what the public may not read whole (hostile8 F1, F1b)', () => {
  it('is refused in a preview, for an OFFICER and for ADMIN alike, located and in both languages; nothing is stored', async () => {
    for (const as of [OFFICER, {}]) {
      const before = await counts();
      const result = await server.query(PREVIEW, { files: [{ path: AGENCY_FACTS, content: hostile }] }, as);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'files' });
      for (const line of REFUSED) expect(result.errors?.[0]?.message).toMatch(line);
      expect(result.data?.previewRules ?? null).toBeNull();
      expect(await counts()).toEqual(before);
    }
  });

  it('is refused on reload: the served rules stay in force and evaluate as before', async () => {
    const before = (await server.ok(graphql(`{ ruleSet { version } }`))).ruleSet.version;
    writeFileSync(path.join(rulesDir, AGENCY_FACTS), hostile);
    try {
      const reloaded = (await server.ok(graphql(`mutation { reloadRules { version errors { file line column en } } }`), undefined, OFFICER)).reloadRules;
      expect(reloaded.version).toBe(before);
      expect(reloaded.errors).toEqual(expect.arrayContaining([
        expect.objectContaining({ file: AGENCY_FACTS, line: validAbsenceReason.line, column: validAbsenceReason.column, en: expect.stringContaining('CourtCase.validAbsenceReason whole') }),
        expect.objectContaining({ file: AGENCY_FACTS, line: creditRecords.line, column: creditRecords.column, en: expect.stringContaining('Agency.creditRecords whole') }),
      ]));
    } finally {
      writeFileSync(path.join(rulesDir, AGENCY_FACTS), shipped);
      await server.ok(graphql(`mutation { reloadRules { version } }`), undefined, OFFICER);
    }
  });

  it('a verdict whose stored facts hold such fields (stored before this check) gives the public none of them', async () => {
    const given = (await server.ok(EVALUATE, { id: agencyId }, CLERK)).evaluate.id;
    // As an older server stored it, from a facts file that selected them (hostile8's reproduction):
    // a rule-set version whose agency facts file is the hostile one, and a verdict given under it
    // (verdict rows are immutable, so the copy is a new row).
    const [{ files }] = await server.sql<{ files: Record<string, string> }>('select s.files from rule_set_snapshot s join verdict v on v.rule_set_version = s.version where v.id = ?', [given]);
    await server.sql('insert into rule_set_snapshot (version, files) values (?, ?::jsonb)', ['h8-older', JSON.stringify({ ...files, [AGENCY_FACTS]: hostile })]);
    const [{ id }] = await server.sql<{ id: string }>(`insert into verdict
      select (jsonb_populate_record(null::verdict, to_jsonb(v) || jsonb_build_object('id', gen_random_uuid(), 'rule_set_version', 'h8-older',
        'facts', jsonb_set(jsonb_set(v.facts, '{subject,courtCases}', ?::jsonb), '{subject,creditRecords}', ?::jsonb)))).*
      from verdict v where v.id = ? returning id`, [
      JSON.stringify([{ id: 'c1', caseNumber: '(2026)鄂0702行初803号', entrustedRepresentative: '李秘书', validAbsenceReason: '负责人因癌症住院治疗' }]),
      JSON.stringify([{ id: 'r1', summary: 'h8 隐藏记录', documentNumber: '鄂财〔2026〕777号', publiclyDisclosed: false }]),
      given,
    ]);
    const before = await counts();
    const seen = (await server.ok(EXPLANATION, { id }, PUBLIC)).verdict!.explanation;
    const text = JSON.stringify(seen);
    for (const secret of ['负责人因癌症住院治疗', '李秘书', 'h8 隐藏记录', '鄂财〔2026〕777号', 'validAbsenceReason', 'creditRecords']) expect(text).not.toContain(secret);
    // What the public reads whole stays: the agency's name and its credit facts.
    expect(seen.facts.subject).toMatchObject({ id: agencyId, credit: expect.objectContaining({ unrepaired: expect.any(Number) }) });
    // Signed-in readers with the right to those fields still read the verdict as it was given.
    const clerk = JSON.stringify((await server.ok(EXPLANATION, { id }, CLERK)).verdict!.explanation.facts);
    expect(clerk).toContain('负责人因癌症住院治疗');
    expect(await counts()).toEqual(before);
  });
});
