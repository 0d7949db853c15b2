import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RULE_LIMITS } from '../../src/engine/rule-limits';
import { uscc } from '../support/factories';
import { servantWithRecord } from '../support/servants';
import { runNode } from '../support/run-command';
import { startTestServer, type GraphQLResponse, type Caller, type TestServer } from '../support/test-server';
import { graphql, type ResultOf } from '../support/graphql';

/**
 * Issue 10, items 1, 2, 3, 13 (preview paths) and 14: what a draft or a facts query could do
 * before facts ran through one runner, as the system, read-only. Each attack goes through the
 * real server over HTTP and must fail with a coded error and change nothing.
 */

const SHIPPED = path.resolve(__dirname, '../../rules');
// The server's rules: the shipped ones, with the civil servant's ID-card number added to the facts,
// so that a masked read would show in the stored facts.
const rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-facts-rules-'));
cpSync(SHIPPED, rulesDir, { recursive: true });
const CS_FACTS = path.join(rulesDir, 'facts/civil-servant.graphql');
writeFileSync(CS_FACTS, readFileSync(CS_FACTS, 'utf8').replace('    name\n    post', '    name\n    idCardNumber\n    post'));
// Drafts are written under the temporary folder: this file's own, so that a folder left behind shows.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'chengxin-facts-tmp-'));
process.env.TMPDIR = tmp;

const PREVIEW = graphql(`mutation ($files: [DraftFileInput!]!, $matter: String) { previewRules(files: $files, matter: $matter) {
  currentVersion draftVersion changedTotal matters { matter evaluated changed } changes { subjectId matter before { outcome } after { outcome } }
} }`);
const EVALUATE = graphql(`mutation ($id: ID!, $m: String!, $asOf: DateTime) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: $m, asOf: $asOf) { id outcome } }`);
const OFFICER: Caller = { role: 'OFFICER', sub: 'li.officer' };
const ENTERPRISE_RULES = ['enterprise/bar-defaulters.json', 'enterprise/bid-score-credit-grade.json', 'enterprise/procurement-incentive.json'];

let server: TestServer;
let servantId: string;
let servantIdCard: string;
let gradedD: string;

beforeAll(async () => {
  server = await startTestServer({ rulesDir });
  ({ servantId, idCard: servantIdCard } = await servantWithRecord(server));
  const enterprise = await server.ok(graphql(`mutation ($u: String!) { createEnterprise(input: { uscc: $u, name: "鄂州测试建设有限公司", creditGrade: D, gradedOn: "2025-01-10" }) { id } }`), { u: uscc('91') });
  gradedD = enterprise.createEnterprise.id;
});
afterAll(async () => {
  await server?.stop();
  rmSync(rulesDir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

/** What an attack could have changed: grades, agencies, verdicts and the audit trail. */
async function counts() {
  const [row] = await server.sql(`select
    (select string_agg(coalesce(credit_grade::text, '-'), ',' order by id) from enterprise) as grades,
    (select count(*)::int from agency) as agencies,
    (select count(*)::int from verdict) as verdicts,
    (select count(*)::int from audit_event) as audit`);
  return row;
}

const draftFolders = () => readdirSync(tmp).filter((name) => name.startsWith('chengxin-draft-'));

function expectRefused(result: GraphQLResponse<ResultOf<typeof PREVIEW>>, field: string, message: RegExp) {
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field }, message: expect.stringMatching(message) });
  expect(result.data?.previewRules ?? null).toBeNull();
}

describe('a draft facts file (issue 10, item 1)', () => {
  it('a draft facts file holding a mutation is refused and writes nothing', async () => {
    const before = await counts();
    const regrade = await server.query(PREVIEW, {
      files: [
        { path: 'facts/enterprise.graphql', content: 'mutation EnterpriseFacts($id: ID!) { subject: updateEnterprise(id: $id, input: {creditGrade: A, gradedOn: "2026-11-01"}) { id } }' },
        ...ENTERPRISE_RULES.map((file) => ({ path: file, content: null })),
      ],
    }, OFFICER);
    expectRefused(regrade, 'files', /facts\/enterprise\.graphql:1:1 .*must be a query, not a mutation/);
    const create = await server.query(PREVIEW, {
      files: [{ path: 'facts/agency.graphql', content: 'mutation ($id: ID!) { subject: createAgency(input: { uscc: "11420700MB0000001X", name: "x", level: CITY }) { id } }' }],
    }, OFFICER);
    expectRefused(create, 'files', /facts\/agency\.graphql:1:1 .*must be a query/);
    expect(await counts()).toEqual(before);
    expect(draftFolders()).toEqual([]);
  });

  it('a draft facts query reading the audit trail, a second root field or another subject is refused, located', async () => {
    const before = await counts();
    const attempts: [string, RegExp][] = [
      ['query ($id: ID!) {\n  subject: enterprise(id: $id) { id name }\n  audit: auditEvents(first: 100) { edges { node { actor outcome } } }\n}', /facts\/enterprise\.graphql:3:3 .*only root field must be "subject: enterprise\(id: \$id\)"/],
      ['query ($id: ID!) { subject: enterprise(id: "00000000-0000-0000-0000-000000000000") { id } }', /enterprise\.graphql:1:40 .*must be the variable \$id/],
      ['query ($id: ID!) { subject: agency(id: $id) { id } }', /only root field must be "subject: enterprise/],
      ['query ($id: ID!) { subject: enterprise(id: $id) { ...Leak } } fragment Leak on Enterprise { id }', /instead of named fragments/],
      [`query ($id: ID!) { subject: enterprise(id: $id) { ${Array.from({ length: RULE_LIMITS.factsFields + 1 }, (_, i) => `a${i}: name`).join(' ')} } }`, /selects 302 fields, more than the limit of 300/],
      [`query ($id: ID!) { subject: enterprise(id: $id) { ${'creditRecords { subject { ... on Enterprise { '.repeat(3)}id${' } } }'.repeat(3)} } }`, /nests 8 levels deep, more than the limit of 6/],
    ];
    for (const [content, message] of attempts) {
      expectRefused(await server.query(PREVIEW, { files: [{ path: 'facts/enterprise.graphql', content }] }, OFFICER), 'files', message);
    }
    expect(await counts()).toEqual(before);
  });

  it('a facts file holding a mutation put in the rules folder is refused at reload, and the last good set keeps serving', async () => {
    const version = (await server.ok(graphql(`{ ruleSet { version } }`))).ruleSet.version;
    const file = path.join(rulesDir, 'facts/enterprise.graphql');
    const shipped = readFileSync(file, 'utf8');
    writeFileSync(file, 'mutation ($id: ID!) { subject: deleteEverything(id: $id) { id } }');
    try {
      const before = await counts();
      const reload = await server.ok(graphql(`mutation { reloadRules { version errors { file line column en } } }`), {}, OFFICER);
      expect(reload.reloadRules.version).toBe(version);
      expect(reload.reloadRules.errors).toEqual([{ file: 'facts/enterprise.graphql', line: 1, column: 1, en: expect.stringContaining('must be a query, not a mutation') }]);
      expect((await counts()).grades).toBe(before.grades);
    } finally {
      writeFileSync(file, shipped);
      await server.query(graphql(`mutation { reloadRules { version } }`), {}, OFFICER);
    }
  });

  it('`rules check` refuses a facts file reading the audit trail, with its file and line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-facts-check-'));
    try {
      cpSync(SHIPPED, dir, { recursive: true });
      writeFileSync(path.join(dir, 'facts/agency.graphql'), '# facts\nquery ($id: ID!) {\n  subject: agency(id: $id) { id }\n  leak: auditEvents(first: 100) { totalCount }\n}\n');
      const check = await runNode(['bin/chengxin.js', 'rules', 'check', dir], { ...process.env, DATABASE_URL: server.databaseUrl });
      expect(check.status).toBe(1);
      expect(check.stdout).toMatch(/facts\/agency\.graphql:4:3 .*only root field must be "subject: agency\(id: \$id\)"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a preview writes nothing but its audit events: PREVIEW_RULES and a READ_PERSONAL_DATA per civil servant it read', async () => {
    const before = await counts();
    const [{ servants }] = await server.sql<{ servants: number }>('select count(*)::int as servants from civil_servant');
    const preview = await server.query(PREVIEW, { files: [{ path: 'enterprise/procurement-incentive.json', content: null }] }, OFFICER);
    expect(preview.errors).toBeUndefined();
    const after = await counts();
    expect(after).toEqual({ ...before, audit: before.audit + 1 + servants });
    const events = await server.sql<{ actor: string; action: string }>(`select actor, action from audit_event order by created_at desc, id desc limit ${1 + servants}`);
    expect(new Set(events.map((e) => `${e.actor} ${e.action}`))).toEqual(new Set(['li.officer PREVIEW_RULES', ...(servants ? ['li.officer READ_PERSONAL_DATA'] : [])]));
    expect(draftFolders()).toEqual([]);
  });
});

describe('facts that depend on who asks (issue 10, item 2)', () => {
  it("an OFFICER's and a CLERK's evaluation of a civil servant store identical, unmasked facts, read in a read-only transaction", async () => {
    const asOf = '2026-11-01T00:00:00+08:00';
    server.resetStatements();
    const byOfficer = await server.query(EVALUATE, { id: servantId, m: 'PROMOTION', asOf }, OFFICER);
    const byClerk = await server.query(EVALUATE, { id: servantId, m: 'PROMOTION', asOf }, { role: 'CLERK', sub: 'wang.clerk' });
    expect(byOfficer.errors).toBeUndefined();
    expect(byClerk.errors).toBeUndefined();
    expect(server.statements.filter((s) => /start transaction isolation level repeatable read read only/i.test(s))).toHaveLength(2);
    const [officer] = await server.sql('select facts from verdict where id = ?', [byOfficer.data!.evaluate.id]);
    const [clerk] = await server.sql('select facts from verdict where id = ?', [byClerk.data!.evaluate.id]);
    expect(officer.facts.subject.idCardNumber).toBe(servantIdCard);
    expect(officer.facts).toEqual(clerk.facts);
    // What the OFFICER reads back is still masked: that is decided when the verdict is read.
    const read = await server.ok(graphql(`query ($id: ID!) { civilServant(id: $id) { idCardNumber } }`), { id: servantId }, OFFICER);
    expect(read.civilServant!.idCardNumber).not.toBe(servantIdCard);
  });

  it('a sweep, a single evaluation and a recheck by an OFFICER store identical facts, outcome and rules', async () => {
    const sweep = await runNode(['bin/chengxin.js', 'evaluate', '--all', '--matter', 'AWARD', '--as-of', '2026-11-01', '--workers', '1'], {
      ...process.env, DATABASE_URL: server.databaseUrl, RULES_DIR: rulesDir, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false',
    });
    expect(sweep.status).toBe(0);
    const single = await server.ok(EVALUATE, { id: servantId, m: 'AWARD', asOf: '2026-11-01T00:00:00+08:00' }, OFFICER);
    const recheck = await server.ok(graphql(`mutation ($v: ID!, $asOf: DateTime) { recheck(verdictId: $v, asOf: $asOf) { current { id } sameDecision } }`), { v: single.evaluate.id, asOf: '2026-11-01T00:00:00+08:00' }, OFFICER);
    expect(recheck.recheck.sameDecision).toBe(true);
    const stored = 'select facts, outcome, score, rules from verdict';
    const [swept] = await server.sql(`${stored} where subject_id = ? and matter = 'AWARD' and sweep_run_id is not null`, [servantId]);
    const [alone] = await server.sql(`${stored} where id = ?`, [single.evaluate.id]);
    const [again] = await server.sql(`${stored} where id = ?`, [recheck.recheck.current.id]);
    expect(swept.facts.subject.idCardNumber).toBe(servantIdCard);
    expect(alone).toEqual(swept);
    expect(again).toEqual(swept);
  });
});

describe('fact values in error messages (issue 10, item 3)', () => {
  const scoreLeak = (parameter: string) => {
    const rule = JSON.parse(readFileSync(path.join(SHIPPED, 'civil-servant/trustworthy-incentive.json'), 'utf8'));
    delete rule.cases;
    return JSON.stringify({ ...rule, id: 'cs-score-leak', conditions: { all: [{ fact: 'subject', path: '$.credit.dishonest', operator: 'greaterThanInclusive', value: 0 }] }, event: { type: 'SCORE', params: { measure: rule.event.params.measure, points: { parameter } } } }, null, 2);
  };

  it('a draft SCORE rule whose points parameter names the ID number and name is refused at check time, echoing no value', async () => {
    const before = await counts();
    const result = await server.query(PREVIEW, { files: [{ path: 'civil-servant/score-leak.json', content: scoreLeak('{{subject.idCardNumber}} {{subject.name}}') }] }, OFFICER);
    expectRefused(result, 'files', /civil-servant\/score-leak\.json:\d+:\d+ .*\{\{subject\.idCardNumber\}\} in points\.parameter is a string: only a fact with a fixed set of values/);
    expect(result.errors![0].message).toMatch(/\{\{subject\.name\}\} in points\.parameter is a string/);
    expect(result.errors![0].message).not.toContain(servantIdCard);
    expect(result.errors![0].message).not.toContain('周勇');
    expect(await counts()).toEqual(before);
  });

  it('a parameter a rule needs for some subjects only is refused before any subject is read, in the parameters file', async () => {
    // Once a run-time RULE_ERROR met by the grade-D enterprise; the parameters check now lists every
    // grade the schema allows, so the draft is refused without reading any subject's facts.
    const parameters = JSON.parse(readFileSync(path.join(SHIPPED, 'parameters/2018-12-26.json'), 'utf8'));
    delete parameters.values.gradePoints.value.D;
    const before = await counts();
    const result = await server.query(PREVIEW, { files: [{ path: 'parameters/2018-12-26.json', content: JSON.stringify(parameters) }], matter: 'BIDDING' }, OFFICER);
    expectRefused(result, 'files', /parameters\/2018-12-26\.json:\d+:\d+ .*lacks "gradePoints\.D" \(read by rule en-bid-score-credit-grade/);
    expect(result.errors![0].message).not.toContain(gradedD);
    expect(await counts()).toEqual(before);
    expect(draftFolders()).toEqual([]);
    expect(gradedD).toBeTruthy();
  });
});

describe('rule and draft sizes (issue 10, item 14)', () => {
  const manyConditions = (n: number) => {
    const rule = JSON.parse(readFileSync(path.join(SHIPPED, 'civil-servant/trustworthy-incentive.json'), 'utf8'));
    rule.conditions = { any: Array.from({ length: n }, (_, i) => ({ fact: 'subject', path: '$.credit.dishonest', operator: 'equal', value: i })) };
    return JSON.stringify(rule);
  };

  it('a 200 KB draft rule with 2,000 conditions is refused at once, naming the field', async () => {
    const content = manyConditions(2000).padEnd(200 * 1024, ' ');
    const before = await counts();
    expectRefused(await server.query(PREVIEW, { files: [{ path: 'civil-servant/huge.json', content }] }, OFFICER), 'files[0].content', /"civil-servant\/huge\.json" has \d+ bytes; a rule file has at most 131072/);
    expect(await counts()).toEqual(before);
    expect(draftFolders()).toEqual([]);
  });

  it('a rule with more conditions than allowed, or nested too deep, is refused with its file and line', async () => {
    const wide = manyConditions(RULE_LIMITS.conditions + 1);
    expectRefused(await server.query(PREVIEW, { files: [{ path: 'civil-servant/wide.json', content: wide }] }, OFFICER), 'files', /civil-servant\/wide\.json:1:\d+ .*too many conditions or nested too deep/);
    let deep: unknown = { fact: 'subject', path: '$.credit.dishonest', operator: 'equal', value: 0 };
    for (let i = 0; i < RULE_LIMITS.conditionDepth + 1; i++) deep = { not: deep };
    const rule = { ...JSON.parse(wide), conditions: deep };
    expectRefused(await server.query(PREVIEW, { files: [{ path: 'civil-servant/deep.json', content: JSON.stringify(rule) }] }, OFFICER), 'files', /civil-servant\/deep\.json:1:\d+ .*nested too deep/);
    const brackets = '['.repeat(20000);
    expectRefused(await server.query(PREVIEW, { files: [{ path: 'civil-servant/brackets.json', content: brackets }] }, OFFICER), 'files', /civil-servant\/brackets\.json:1:33 .*JSON nested deeper than 32 levels/);
    expect(draftFolders()).toEqual([]);
  });

  it('a draft of too many files is refused', async () => {
    const files = Array.from({ length: RULE_LIMITS.draftFiles + 1 }, (_, i) => ({ path: `civil-servant/x${i}.json`, content: '{}' }));
    expectRefused(await server.query(PREVIEW, { files }, OFFICER), 'files', /a draft changes at most 50 files; this one has 51/);
  });
});

describe('preview paths (issue 10, item 13)', () => {
  it('a preview path with a NUL byte, "..", an absolute path or a folder outside the rules is refused naming the field, and leaves no folder behind', async () => {
    const before = await counts();
    for (const bad of ['x.json\u0000.json', 'civil-servant/x.json\u0000.json', '../x.json', 'civil-servant/../../x.json', '/etc/x.json', 'civil-servant\\..\\x.json', 'schemas/rule.schema.json', 'README.md', `civil-servant/${'a'.repeat(250)}.json`]) {
      const result = await server.query(PREVIEW, { files: [{ path: 'civil-servant/ok.json', content: null }, { path: bad, content: '{}' }] }, OFFICER);
      expectRefused(result, 'files[1].path', /files\[1\]\.path: /);
    }
    expectRefused(await server.query(PREVIEW, { files: [{ path: 'matters.json', content: null }, { path: 'matters.json', content: '{}' }] }, OFFICER), 'files[1].path', /appears twice/);
    // A path that is well formed but cannot be written (under a file) fails while the draft is built.
    expectRefused(await server.query(PREVIEW, { files: [{ path: 'parameters/2018-12-26.json/x.json', content: '{}' }] }, OFFICER), 'files[0].path', /cannot be written there/);
    expect(await counts()).toEqual(before);
    expect(draftFolders()).toEqual([]);
  });
});
