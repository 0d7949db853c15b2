import { createAgency, createCivilServant, createRecord, uscc } from '../support/factories';
import { runNode } from '../support/run-command';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * One evaluation path (src/evaluation/decide.ts): for the same subject, matter and as-of, a single
 * evaluation, a recheck and a sweep's chunk store the same verdict — outcome, score, every rule
 * with its conditions, evidence and texts, and the facts — and the CLI's dry run and `assess`
 * show it, through the real server and the real command line.
 */
let server: TestServer;
const AS_OF = '2025-06-01T00:00:00+08:00';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

interface Row {
  outcome: string;
  score: number | null;
  rules: { ruleId: string }[];
  facts: unknown;
  day: string;
  rule_set_version: string;
  parameters_file: string;
}

const row = async (where: string, params: unknown[]) =>
  (await server.sql<Row>(`select outcome, score, rules, facts, day::text as day, rule_set_version, parameters_file from verdict where ${where}`, params))[0];
const env = () => ({ ...process.env, DATABASE_URL: server.databaseUrl, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false' });
/** A rule result without the rule's own texts, which a stored verdict keeps in its version's snapshot. */
const lean = ({ file: _f, title: _t, basis: _b, measure: _m, ...rest }: Record<string, unknown>) => rest;

const EXPLANATION = `outcome score explanation { day parametersFile facts
  rules { ruleId file title { zh en } fired inEffect effect measure { zh en } basis { document clause } mitigatedBy { byRule relief from to }
    parameters { name value } conditions { place fact path operator expected expectedParameter actual passed } evidence text { zh en } points } }`;

async function samePath(subject: { type: string; id: string }, matter: string, cliSubject: string) {
  const evaluated = await server.rawQuery(`mutation ($subject: SubjectInput!, $matter: String!, $asOf: DateTime) { evaluate(subject: $subject, matter: $matter, asOf: $asOf) { id ${EXPLANATION} } }`, { subject, matter, asOf: AS_OF });
  expect(evaluated.errors).toBeUndefined();
  const single = await row('id = ?', [evaluated.data.evaluate.id]);

  const rechecked = await server.query(graphql(`mutation ($id: ID!, $asOf: DateTime) { recheck(verdictId: $id, asOf: $asOf) { sameDecision differences { field } current { id } } }`), { id: evaluated.data.evaluate.id, asOf: AS_OF });
  expect(rechecked.errors).toBeUndefined();
  expect(rechecked.data!.recheck).toMatchObject({ sameDecision: true, differences: [] });

  const started = await server.query(graphql(`mutation ($matter: String!, $asOf: DateTime) { startSweep(matter: $matter, asOf: $asOf, chunkSize: 2) { id } }`), { matter, asOf: AS_OF }, { role: 'OFFICER', sub: 'wang.fang' });
  expect(started.errors).toBeUndefined();
  const worker = await runNode(['bin/chengxin.js', 'worker', '--run', started.data!.startSweep.id, '--quiet'], env());
  expect(worker.status).toBe(0);

  const dryRun = await runNode(['bin/chengxin.js', 'evaluate', '--subject', cliSubject, '--matter', matter, '--as-of', '2025-06-01', '--dry-run', '--json'], env());
  expect(dryRun.status).toBe(0);
  const preview = JSON.parse(dryRun.stdout);

  const assessed = await server.rawQuery(`query ($subjects: [SubjectInput!]!, $matter: String!, $asOf: DateTime) { assess(subjects: $subjects, matter: $matter, asOf: $asOf) { error { code } assessment { ${EXPLANATION} } } }`, { subjects: [subject], matter, asOf: AS_OF });
  expect(assessed.errors).toBeUndefined();

  // Stored: evaluate, recheck and the sweep's chunk, column for column.
  for (const stored of [await row('id = ?', [rechecked.data!.recheck.current.id]), await row('sweep_run_id = ? and subject_id = ?', [started.data!.startSweep.id, subject.id])]) {
    expect(stored).toEqual(single);
  }
  // Shown: the dry run's verdict is the stored one with the rules' texts joined, and assess reads as the verdict does.
  expect({ outcome: preview.outcome, score: preview.score, facts: preview.facts, day: preview.day, ruleSetVersion: preview.ruleSetVersion, parametersFile: preview.parametersFile, rules: preview.rules.map(lean) }).toEqual({
    outcome: single.outcome,
    score: single.score,
    facts: single.facts,
    day: single.day,
    ruleSetVersion: single.rule_set_version,
    parametersFile: single.parameters_file,
    rules: single.rules,
  });
  const { id: _id, ...verdict } = evaluated.data.evaluate;
  expect(assessed.data.assess).toEqual([{ error: null, assessment: verdict }]);
  return single;
}

it('a civil servant with an unrepaired record: the same restriction, rule for rule, on every path', async () => {
  const servantId = await createCivilServant(server, await createAgency(server));
  await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const verdict = await samePath({ type: 'CIVIL_SERVANT', id: servantId }, 'AWARD', `civil-servant:${servantId}`);
  expect(verdict.outcome).toBe('RESTRICTED');
  expect(verdict.rules.length).toBeGreaterThan(1);
}, 120_000);

it('an enterprise with a credit grade: the same score on every path', async () => {
  const created = await server.query(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), { input: { uscc: uscc('91'), name: '鄂州市同路测试有限公司', creditGrade: 'A', gradedOn: '2024-01-01' } });
  expect(created.errors).toBeUndefined();
  const id = created.data!.createEnterprise.id;
  const verdict = await samePath({ type: 'ENTERPRISE', id }, 'BIDDING', `enterprise:${id}`);
  expect(verdict.score).toEqual(expect.any(Number));
}, 120_000);
