import { createAgency } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * sec10 item 1: a verdict's stored facts were filtered for the PUBLIC role only, and by string.
 * A verdict stored under an older rule-set version whose agency facts file selected a record's
 * repairs (CreditRecord.repairs: CLERK, INSPECTOR, ADMIN only) gave an OFFICER or a DISPLAY the
 * repair applicant's own words — in the facts, the evidence, a condition's `actual`, the rule's
 * text and the verdict's `reason`. For the public, a withheld value was blanked wherever an equal
 * string stood (a withheld record's source department equal to the agency's name blanked the name
 * in every text), and a withheld number passed untouched (a record's loss in a condition and a text).
 * Now every role reads the stored facts as it may read them, by the path each value came from.
 */
let server: TestServer;
let agencyId: string;
let verdictId: string;
let untemplatedId: string;
const AGENCY_NAME = '鄂州市路径测试局';
const SECRET = '申请人因患肝癌住院，无力按期整改';
const LOSS = 7654321;
const OLDER = 'sec10-older-version';

const CLERK: Caller = { role: 'CLERK', sub: 'sec10.clerk' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'sec10.officer' };
const DISPLAY: Caller = { role: 'DISPLAY', sub: 'sec10.screen' };
const PUBLIC: Caller = { role: 'PUBLIC' };

const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "PERFORMANCE_REVIEW") { id } }`);
const READ = graphql(`query ($id: ID!) { verdict(id: $id) {
  reason { zh en }
  explanation { factsWithheld facts summary(locale: "zh") rules { ruleId fired conditions { path expected actual } evidence text { zh en } } }
} }`);

const RULE_ID = 'sec10-repair-quote';
const RULE_FILE = 'agency/sec10-repair-quote.json';
const TEXTS = { file: RULE_FILE, title: { zh: '整改情况提示', en: 'Repair caution' }, basis: [], measure: { zh: '提示关注', en: 'Caution' } };
const TEMPLATE = { zh: '{{subject.name}}：{{subject.creditRecords[0].repairs[0].description}}（损失{{subject.creditRecords[0].loss}}元）', en: '{{subject.name}}: {{subject.creditRecords[0].repairs[0].description}} (loss {{subject.creditRecords[0].loss}})' };
const render = (name: string, description: string, loss: string) => ({ zh: `「${name}」：${description}（损失${loss}元）`, en: `「${name}」: ${description} (loss ${loss})` });

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server, { name: AGENCY_NAME });
  const given = (await server.ok(EVALUATE, { id: agencyId }, CLERK)).evaluate.id;
  // As an older server stored it: a rule-set version whose agency facts file selected each record's
  // repairs, with a rule quoting the repair and the loss, and a verdict given under it (verdict rows
  // are immutable: the copy is a new row).
  const [{ version, files }] = await server.sql<{ version: string; files: Record<string, string> }>(
    'select s.version, s.files from rule_set_snapshot s join verdict v on v.rule_set_version = s.version where v.id = ?', [given]);
  const older = {
    ...files,
    'facts/agency.graphql': files['facts/agency.graphql'].replace('    kind\n', '    kind\n    creditRecords { id summary loss sourceDepartment repairs { description status } }\n'),
    [RULE_FILE]: JSON.stringify({ id: RULE_ID, ...TEXTS, explanation: TEMPLATE, evidence: [{ path: '$.creditRecords' }] }),
  };
  expect(older['facts/agency.graphql']).toContain('repairs { description status }');
  await server.sql('insert into rule_set_snapshot (version, files) values (?, ?::jsonb)', [OLDER, JSON.stringify(older)]);
  const record = { id: 'r-sec10', summary: '未按期整改', loss: LOSS, sourceDepartment: AGENCY_NAME, repairs: [{ description: SECRET, status: 'APPROVED' }] };
  const crafted = {
    ruleId: RULE_ID, ...TEXTS, effect: 'CAUTION', mitigates: null, mitigatedBy: null, inEffect: true, fired: true, points: null, parameters: [],
    conditions: [
      { place: 'all[0]', fact: 'subject', path: '$.creditRecords[0].repairs[0].description', operator: 'notEqual', expected: '', actual: SECRET, passed: true },
      { place: 'all[1]', fact: 'subject', path: '$.creditRecords[0].loss', operator: 'greaterThan', expected: 0, actual: LOSS, passed: true },
      { place: 'all[2]', fact: 'subject', path: '$.name', operator: 'notEqual', expected: AGENCY_NAME.slice(1), actual: AGENCY_NAME, passed: true },
    ],
    evidence: [record],
    text: render(AGENCY_NAME, SECRET, String(LOSS)),
  };
  [{ id: verdictId }] = await server.sql<{ id: string }>(`insert into verdict
    select (jsonb_populate_record(null::verdict, to_jsonb(v) || jsonb_build_object('id', gen_random_uuid(), 'rule_set_version', ?::text, 'outcome', 'CAUTION',
      'facts', jsonb_set(v.facts, '{subject,creditRecords}', ?::jsonb), 'rules', v.rules || ?::jsonb))).*
    from verdict v where v.id = ? returning id`, [OLDER, JSON.stringify([record]), JSON.stringify([crafted]), given]);
  // The same verdict with a rule whose template the version's files do not hold: its text cannot be filled again.
  [{ id: untemplatedId }] = await server.sql<{ id: string }>(`insert into verdict
    select (jsonb_populate_record(null::verdict, to_jsonb(v) || jsonb_build_object('id', gen_random_uuid(), 'rule_set_version', ?::text, 'outcome', 'CAUTION',
      'facts', jsonb_set(v.facts, '{subject,creditRecords}', ?::jsonb), 'rules', v.rules || ?::jsonb))).*
    from verdict v where v.id = ? returning id`, [OLDER, JSON.stringify([record]), JSON.stringify([{ ...crafted, ruleId: 'sec10-no-template' }]), given]);
  expect(version).not.toBe(OLDER);
});
afterAll(() => server?.stop());

const verdicts = async () => (await server.sql('select count(*)::int as n from verdict'))[0].n as number;
const read = async (as: Caller) => {
  const before = await verdicts();
  const { verdict } = await server.ok(READ, { id: verdictId }, as);
  expect(await verdicts()).toBe(before);
  const rule = verdict!.explanation.rules.find((r) => r.ruleId === RULE_ID)!;
  return { verdict: verdict!, rule, text: JSON.stringify(verdict) };
};

it.each([['OFFICER', OFFICER], ['DISPLAY', DISPLAY]])('%s, who may not read a record\'s repairs, reads none of them in the stored facts, evidence, conditions, texts or reason', async (_, as) => {
  const { verdict, rule, text } = await read(as);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain('APPROVED');
  const record = { id: 'r-sec10', summary: '未按期整改', loss: LOSS, sourceDepartment: AGENCY_NAME };
  expect(verdict.explanation.facts.subject.creditRecords).toEqual([record]);
  expect(rule.evidence).toEqual([record]);
  expect(rule.conditions.map((c) => c.actual)).toEqual(['***', LOSS, AGENCY_NAME]);
  expect(rule.text).toEqual(render(AGENCY_NAME, '***', String(LOSS)));
  expect(verdict.reason.zh).toContain(render(AGENCY_NAME, '***', String(LOSS)).zh.slice(0, -1));
});

it('the public reads no record list: a withheld number goes in every form, and an equal string elsewhere stays', async () => {
  const { verdict, rule, text } = await read(PUBLIC);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(String(LOSS));
  expect(verdict.explanation.facts.subject).not.toHaveProperty('creditRecords');
  expect(rule.evidence).toEqual([]);
  // The withheld record's source department equals the agency's name: the name, read by its own path, stays.
  expect(rule.conditions.map((c) => c.actual)).toEqual(['***', '***', AGENCY_NAME]);
  expect(rule.conditions[2].expected).toBe(AGENCY_NAME.slice(1));
  expect(rule.text).toEqual(render(AGENCY_NAME, '***', '***'));
  expect(verdict.reason.zh).toContain(`「${AGENCY_NAME}」：***（损失***元）`);
  expect(verdict.explanation.summary).toContain(AGENCY_NAME);
});

it('CLERK, who reads repairs, reads the verdict as it was given', async () => {
  const { verdict, rule } = await read(CLERK);
  expect(rule.text).toEqual(render(AGENCY_NAME, SECRET, String(LOSS)));
  expect(rule.conditions.map((c) => c.actual)).toEqual([SECRET, LOSS, AGENCY_NAME]);
  expect(verdict.explanation.facts.subject.creditRecords[0].repairs).toEqual([{ description: SECRET, status: 'APPROVED' }]);
  expect(verdict.reason.zh).toContain(SECRET);
});

it('a fired rule whose template is unknown gives OFFICER a withheld text and reason, never "no measure applies"', async () => {
  const { verdict } = await server.ok(READ, { id: untemplatedId }, OFFICER);
  expect(JSON.stringify(verdict)).not.toContain(SECRET);
  const rule = verdict!.explanation.rules.find((r) => r.ruleId === 'sec10-no-template')!;
  expect(rule.text).toEqual({ zh: '（该说明依据的事实不能向您的角色显示）', en: '(this explanation rests on facts your role may not be shown)' });
  expect(rule.evidence).toEqual([]);
  expect(verdict!.reason.zh).toMatch(/^（该说明依据的事实不能向您的角色显示）/);
  expect((await server.ok(READ, { id: untemplatedId }, CLERK)).verdict!.reason.zh).toContain(SECRET);
});
