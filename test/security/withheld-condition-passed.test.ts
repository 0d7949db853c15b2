import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, type Caller, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * sec10a item 1: a condition on a path the reader may not read kept its `passed`. The reader's view
 * of stored facts re-derives `actual` by path (`***` where withheld), but `passed` stayed: a public
 * reader of `$.creditRecords[0].loss greaterThan 0` passed learnt there was a loss as surely as from
 * the value, and the summary's "rules that did not apply" named the first failed condition — a
 * withheld one with `***` — telling that it failed. An OFFICER reading `$.idCardNumber equal
 * "4207…"` passed (the number masked for it) learnt the hidden digits. Now such a condition reads
 * `passed: null, withheld: true`, the summary names only conditions the reader sees as they were,
 * and roles that read the value whole see the condition as it was given.
 */
let server: TestServer;
let agencyVerdictId: string;
let servantVerdictId: string;
const AGENCY_NAME = '鄂州市条件保密测试局';
const SECRET = '申请人因病无力按期整改';
const LOSS = 4321;
const ID_CARD = '42070419800101231X';
const OLDER = 'sec10a-withheld-passed';

const CLERK: Caller = { role: 'CLERK', sub: 'sec10a.clerk' };
const OFFICER: Caller = { role: 'OFFICER', sub: 'sec10a.officer' };
const DISPLAY: Caller = { role: 'DISPLAY', sub: 'sec10a.screen' };
const PUBLIC: Caller = { role: 'PUBLIC' };

const EVALUATE_AGENCY = graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "PERFORMANCE_REVIEW") { id } }`);
const EVALUATE_SERVANT = graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION") { id } }`);
const READ = graphql(`query ($id: ID!) { verdict(id: $id) {
  outcome
  explanation { factsWithheld summaryZh: summary(locale: "zh") summaryEn: summary(locale: "en") rules { ruleId fired conditions { place path actual passed withheld } } }
} }`);

const FIRED = 'sec10a-fired';
const QUIET = 'sec10a-quiet';
const texts = (id: string, subject: string) => ({ file: `${subject}/${id}.json`, title: { zh: `条件测试 ${id}`, en: `Condition test ${id}` }, basis: [], measure: { zh: '提示关注', en: 'Caution' } });
const ruleFile = (id: string, subject: string) => JSON.stringify({ id, ...texts(id, subject), explanation: { zh: '条件测试', en: 'Condition test' } });

/** A rule result as an older server stored it: the rule's texts, and its conditions. */
const crafted = (ruleId: string, subject: string, fired: boolean, conditions: { path: string; operator: string; expected: unknown; actual: unknown; passed: boolean }[]) => ({
  ruleId, ...texts(ruleId, subject), effect: fired ? 'CAUTION' : null, mitigates: null, mitigatedBy: null, inEffect: true, fired, points: null, parameters: [],
  conditions: conditions.map((c, i) => ({ place: `all[${i}]`, fact: 'subject', ...c })),
  evidence: [],
  text: fired ? { zh: '条件测试', en: 'Condition test' } : null,
});

/**
 * A copy of a verdict just given, as an older server stored it: under a rule-set version whose facts
 * file selected more (verdict rows are immutable: the copy is a new row).
 */
async function olderVerdict(given: string, factsFile: string, extraFacts: string, facts: Record<string, unknown>, rules: unknown[], files: Record<string, string>): Promise<string> {
  const [{ files: shipped }] = await server.sql<{ files: Record<string, string> }>(
    'select s.files from rule_set_snapshot s join verdict v on v.rule_set_version = s.version where v.id = ?', [given]);
  const older = { ...shipped, [factsFile]: shipped[factsFile].replace('    id\n', `    id\n${extraFacts}\n`), ...files };
  expect(older[factsFile]).toContain(extraFacts);
  const version = `${OLDER}-${factsFile}`;
  await server.sql('insert into rule_set_snapshot (version, files) values (?, ?::jsonb)', [version, JSON.stringify(older)]);
  let subject = 'v.facts';
  const params: unknown[] = [version];
  for (const [key, value] of Object.entries(facts)) {
    subject = `jsonb_set(${subject}, '{subject,${key}}', ?::jsonb)`;
    params.push(JSON.stringify(value));
  }
  params.push(JSON.stringify(rules), given);
  const [{ id }] = await server.sql<{ id: string }>(`insert into verdict
    select (jsonb_populate_record(null::verdict, to_jsonb(v) || jsonb_build_object('id', gen_random_uuid(), 'rule_set_version', ?::text, 'outcome', 'CAUTION',
      'facts', ${subject}, 'rules', v.rules || ?::jsonb))).*
    from verdict v where v.id = ? returning id`, params);
  return id;
}

beforeAll(async () => {
  server = await startTestServer();
  const agencyId = await createAgency(server, { name: AGENCY_NAME });
  const givenForAgency = (await server.ok(EVALUATE_AGENCY, { id: agencyId }, CLERK)).evaluate.id;
  const record = { id: 'r-sec10a', loss: LOSS, repairs: [{ description: SECRET }] };
  agencyVerdictId = await olderVerdict(givenForAgency, 'facts/agency.graphql', '    creditRecords { id loss repairs { description } }', { creditRecords: [record] }, [
    // Fired: each condition held. The repair's words are OFFICER's and DISPLAY's to miss, the loss the public's.
    crafted(FIRED, 'agency', true, [
      { path: '$.creditRecords[0].repairs[0].description', operator: 'notEqual', expected: '', actual: SECRET, passed: true },
      { path: '$.creditRecords[0].loss', operator: 'greaterThan', expected: 0, actual: LOSS, passed: true },
      { path: '$.name', operator: 'notEqual', expected: '', actual: AGENCY_NAME, passed: true },
    ]),
    // Not fired: its first failed condition (the loss) is withheld from the public, its second (the name) is not.
    crafted(QUIET, 'agency', false, [
      { path: '$.creditRecords[0].loss', operator: 'lessThan', expected: 100, actual: LOSS, passed: false },
      { path: '$.name', operator: 'equal', expected: '鄂州市别的局', actual: AGENCY_NAME, passed: false },
    ]),
  ], { [`agency/${FIRED}.json`]: ruleFile(FIRED, 'agency'), [`agency/${QUIET}.json`]: ruleFile(QUIET, 'agency') });

  const servantId = await createCivilServant(server, agencyId, { idCardNumber: ID_CARD });
  const givenForServant = (await server.ok(EVALUATE_SERVANT, { id: servantId }, CLERK)).evaluate.id;
  // The number is masked for OFFICER and DISPLAY (4207**********231X): whether it equals a guess must not show.
  servantVerdictId = await olderVerdict(givenForServant, 'facts/civil-servant.graphql', '    idCardNumber', { idCardNumber: ID_CARD }, [
    crafted(FIRED, 'civil-servant', true, [{ path: '$.idCardNumber', operator: 'equal', expected: ID_CARD, actual: ID_CARD, passed: true }]),
  ], { [`civil-servant/${FIRED}.json`]: ruleFile(FIRED, 'civil-servant') });
});
afterAll(() => server?.stop());

const counts = async () => (await server.sql(`select (select count(*)::int from verdict) as verdicts, (select count(*)::int from credit_record) as records`))[0];

async function read(id: string, as: Caller) {
  const before = await counts();
  const { verdict } = await server.ok(READ, { id }, as);
  expect(await counts()).toEqual(before);
  expect(verdict!.explanation.factsWithheld).toBe(false);
  const rule = (ruleId: string) => verdict!.explanation.rules.find((r) => r.ruleId === ruleId)!;
  return { verdict: verdict!, fired: rule(FIRED), quiet: rule(QUIET), text: JSON.stringify(verdict) };
}

const shown = (passed: boolean) => ({ passed, withheld: false });
const WITHHELD = { actual: '***', passed: null, withheld: true };

it('the public reads a withheld condition as neither met nor not met, and the summary names only a condition it sees', async () => {
  const { fired, quiet, verdict, text } = await read(agencyVerdictId, PUBLIC);
  expect(text).not.toContain(String(LOSS));
  expect(text).not.toContain(SECRET);
  expect(fired.fired).toBe(true); // the outcome stays public
  expect(fired.conditions).toEqual([
    { place: 'all[0]', path: '$.creditRecords[0].repairs[0].description', ...WITHHELD },
    { place: 'all[1]', path: '$.creditRecords[0].loss', ...WITHHELD },
    { place: 'all[2]', path: '$.name', actual: AGENCY_NAME, ...shown(true) },
  ]);
  expect(quiet.conditions).toEqual([
    { place: 'all[0]', path: '$.creditRecords[0].loss', ...WITHHELD },
    { place: 'all[1]', path: '$.name', actual: AGENCY_NAME, ...shown(false) },
  ]);
  // "Rules that did not apply" names the name condition, never the withheld loss (that it failed would say the loss is at least 100).
  const line = verdict.explanation.summaryEn.split('\n').find((l) => l.includes(`Condition test ${QUIET}`))!;
  expect(line).toContain('subject.name');
  expect(line).not.toMatch(/loss|\*\*\*/);
  expect(verdict.explanation.summaryZh.split('\n').find((l) => l.includes(`条件测试 ${QUIET}`))).toContain('subject.name');
});

it.each([['OFFICER', OFFICER], ['DISPLAY', DISPLAY]])('%s reads the condition on a repair (not its to read) withheld, and the loss it reads as it was', async (_, as) => {
  const { fired, quiet, text } = await read(agencyVerdictId, as);
  expect(text).not.toContain(SECRET);
  expect(fired.conditions.map(({ actual, passed, withheld }) => ({ actual, passed, withheld }))).toEqual([
    WITHHELD,
    { actual: LOSS, ...shown(true) },
    { actual: AGENCY_NAME, ...shown(true) },
  ]);
  expect(quiet.conditions.map((c) => c.passed)).toEqual([false, false]);
});

it.each([['OFFICER', OFFICER], ['DISPLAY', DISPLAY]])('%s reads a condition on a masked ID-card number as withheld: the masked value, no passed', async (_, as) => {
  const { fired, text } = await read(servantVerdictId, as);
  expect(text).not.toContain(ID_CARD);
  expect(fired.conditions).toEqual([{ place: 'all[0]', path: '$.idCardNumber', actual: '4207**********231X', passed: null, withheld: true }]);
});

it('CLERK, who reads repairs, losses and whole numbers, reads every condition as it was given', async () => {
  const agency = await read(agencyVerdictId, CLERK);
  expect(agency.fired.conditions.map(({ actual, passed, withheld }) => ({ actual, passed, withheld }))).toEqual([
    { actual: SECRET, ...shown(true) },
    { actual: LOSS, ...shown(true) },
    { actual: AGENCY_NAME, ...shown(true) },
  ]);
  expect(agency.verdict.explanation.summaryEn.split('\n').find((l) => l.includes(`Condition test ${QUIET}`))).toContain('loss');
  const servant = await read(servantVerdictId, CLERK);
  expect(servant.fired.conditions).toEqual([{ place: 'all[0]', path: '$.idCardNumber', actual: ID_CARD, ...shown(true) }]);
});
