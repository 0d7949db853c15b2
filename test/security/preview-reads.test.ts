import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RULE_LIMITS } from '../../src/engine/rule-limits';
import { servantWithRecord } from '../support/servants';
import { runNode } from '../support/run-command';
import { startTestServer, type GraphQLResponse, type Caller, type TestServer } from '../support/test-server';
import { graphql, type ResultOf } from '../support/graphql';
import { healthz } from '../support/healthz';
import { positionOf } from '../support/text-position';

/**
 * A rule preview as an oracle and as a load: an OFFICER's draft may read only what an OFFICER may
 * read (no ID-card numbers, objections, history, repairs), stored facts are masked for the reader,
 * list values are bounded, one preview runs at a time, and a fact reference as a value is handled.
 * Each attack goes through the real server over HTTP and must fail with a code and change nothing.
 */

const SHIPPED = path.resolve(__dirname, '../../rules');
const rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-preview-rules-'));
cpSync(SHIPPED, rulesDir, { recursive: true });
const CS_FACTS = 'facts/civil-servant.graphql';
const shippedFacts = readFileSync(path.join(SHIPPED, CS_FACTS), 'utf8');
/** The civil servant's facts query with `idCardNumber` selected after `name`. */
const withIdCard = shippedFacts.replace('    name\n    post', '    name\n    idCardNumber\n    post');
/** Where the refused field stands, found by content (the shipped file grows). */
const idCardAt = positionOf(withIdCard, '    name\n    idCardNumber\n', 'idCardNumber').at;

const PREVIEW = graphql(`mutation ($files: [DraftFileInput!]!, $matter: String) { previewRules(files: $files, matter: $matter) {
  draftVersion changedTotal changes { subjectId matter rules }
} }`);
const OFFICER: Caller = { role: 'OFFICER', sub: 'li.officer' };
const ADMIN: Caller = { role: 'ADMIN', sub: 'zhao.admin' };
const INSPECTOR: Caller = { role: 'INSPECTOR', sub: 'sun.inspector' };

let server: TestServer;
let servantId: string;
let servantIdCard: string;

beforeAll(async () => {
  server = await startTestServer({ rulesDir });
  ({ servantId, idCard: servantIdCard } = await servantWithRecord(server));
});
afterAll(async () => {
  await server?.stop();
  rmSync(rulesDir, { recursive: true, force: true });
});

async function counts() {
  const [row] = await server.sql(`select (select count(*)::int from verdict) as verdicts, (select count(*)::int from audit_event) as audit,
    (select count(*)::int from civil_servant) as servants`);
  return row;
}

function expectRefused(result: GraphQLResponse<ResultOf<typeof PREVIEW>>, message: RegExp) {
  expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'files' }, message: expect.stringMatching(message) });
  expect(result.data?.previewRules ?? null).toBeNull();
}

/** A civil-servant AWARD rule (the shipped trustworthy incentive) with other conditions. */
function draftRule(id: string, conditions: unknown): string {
  const rule = JSON.parse(readFileSync(path.join(SHIPPED, 'civil-servant/trustworthy-incentive.json'), 'utf8'));
  delete rule.cases;
  return JSON.stringify({ ...rule, id, conditions }, null, 2);
}

const guesses = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `4207041978070${String(from + i).padStart(5, '0')}`);

describe('an OFFICER reads masked facts through a draft (preview as an oracle)', () => {
  it('a draft facts query selecting idCardNumber to test guesses against is refused for an OFFICER, located and in both languages; ADMIN may', async () => {
    const before = await counts();
    const files = [
      { path: CS_FACTS, content: withIdCard },
      { path: 'civil-servant/guess-0.json', content: draftRule('cs-guess-0', { all: [{ fact: 'subject', path: '$.idCardNumber', operator: 'in', value: guesses(100) }] }) },
    ];
    const officer = await server.query(PREVIEW, { files }, OFFICER);
    expectRefused(officer, new RegExp(`facts/civil-servant\\.graphql:${idCardAt} 草案的事实查询不能读取 CivilServant\\.idCardNumber：角色 OFFICER 无权读取该字段的完整值.*a draft facts query cannot read CivilServant\\.idCardNumber: the role OFFICER may not read it whole`, 's'));
    expect(JSON.stringify(officer)).not.toContain(servantIdCard);
    expect(await counts()).toEqual(before);

    const admin = await server.query(PREVIEW, { files }, ADMIN);
    expect(admin.errors).toBeUndefined();
    expect(admin.data!.previewRules.draftVersion).toMatch(/^sha256:/);
  });

  it('a draft facts query selecting objections, history or repairs is refused for an OFFICER', async () => {
    const before = await counts();
    const reads = 'creditRecords { objections { reason filedBy } history { snapshot } repairs { description } }';
    const content = shippedFacts.replace('    name\n    post', `    name\n    ${reads}\n    post`);
    const result = await server.query(PREVIEW, { files: [{ path: CS_FACTS, content }] }, OFFICER);
    expectRefused(result, /CreditRecord\.objections/);
    for (const field of ['CreditRecord.objections', 'CreditRecord.history', 'CreditRecord.repairs']) expect(result.errors![0].message).toContain(`cannot read ${field}`);
    expect(await counts()).toEqual(before);
  });

  it('with idCardNumber in the served facts query, an OFFICER\'s draft rule testing it against a list of guesses is refused; ADMIN\'s is not', async () => {
    writeFileSync(path.join(rulesDir, CS_FACTS), withIdCard);
    try {
      const reload = await server.ok(graphql(`mutation { reloadRules { version errors { file en } } }`), {}, ADMIN);
      expect(reload.reloadRules.errors).toEqual([]);
      const before = await counts();
      const files = [{ path: 'civil-servant/guess-0.json', content: draftRule('cs-guess-0', { all: [{ fact: 'subject', path: '$.idCardNumber', operator: 'in', value: [...guesses(150), servantIdCard] }] }) }];
      const officer = await server.query(PREVIEW, { files, matter: 'AWARD' }, OFFICER);
      expectRefused(officer, /civil-servant\/guess-0\.json:\d+:\d+ 草案规则读取了角色 OFFICER 无权完整读取的事实.*a draft rule reads a fact the role OFFICER may not read whole/s);
      expect(await counts()).toEqual(before);
      const admin = await server.query(PREVIEW, { files, matter: 'AWARD' }, ADMIN);
      expect(admin.errors).toBeUndefined();
    } finally {
      writeFileSync(path.join(rulesDir, CS_FACTS), shippedFacts);
      await server.query(graphql(`mutation { reloadRules { version } }`), {}, ADMIN);
    }
  });
});

describe('`rules diff` drafts', () => {
  it('a draft folder whose facts query selects idCardNumber is refused for its author\'s role (OFFICER by default), run with --role ADMIN', async () => {
    const draft = mkdtempSync(path.join(os.tmpdir(), 'chengxin-diff-draft-'));
    try {
      cpSync(rulesDir, draft, { recursive: true });
      writeFileSync(path.join(draft, CS_FACTS), withIdCard);
      const env = { ...process.env, DATABASE_URL: server.databaseUrl, RULES_DIR: rulesDir, SEED_DEMO_DATA: 'false', RULES_WATCH: 'false' };
      const before = await counts();
      const officer = await runNode(['bin/chengxin.js', 'rules', 'diff', '--draft', draft], env);
      expect(officer.status).toBe(1);
      expect(officer.stdout).toMatch(new RegExp(`facts/civil-servant\\.graphql:${idCardAt} .*cannot read CivilServant\\.idCardNumber: the role OFFICER may not read it whole`));
      expect(officer.stdout).not.toContain(servantIdCard);
      expect(await counts()).toEqual(before);
      const admin = await runNode(['bin/chengxin.js', 'rules', 'diff', '--draft', draft, '--role', 'ADMIN'], env);
      expect(admin.status).toBe(0);
    } finally {
      rmSync(draft, { recursive: true, force: true });
    }
  });
});

describe('stored facts are masked for the reader', () => {
  it("an OFFICER reads a verdict's facts, its recheck and an assessment with the ID-card number masked; an INSPECTOR reads it whole", async () => {
    writeFileSync(path.join(rulesDir, CS_FACTS), withIdCard);
    try {
      expect((await server.ok(graphql(`mutation { reloadRules { version errors { file } } }`), {}, ADMIN)).reloadRules.errors).toEqual([]);
      const asOf = '2026-11-01T00:00:00+08:00';
      const evaluated = await server.ok(graphql(`mutation ($id: ID!, $asOf: DateTime) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD", asOf: $asOf) { id } }`), { id: servantId, asOf }, OFFICER);
      const verdictId = evaluated.evaluate.id;
      const [stored] = await server.sql('select facts from verdict where id = ?', [verdictId]);
      expect(stored.facts.subject.idCardNumber).toBe(servantIdCard);
      const masked = `${servantIdCard.slice(0, 4)}**********${servantIdCard.slice(-4)}`;

      const EXPLAIN = graphql(`query ($id: ID!) { verdict(id: $id) { explanation { facts summary(locale: "en") rules { text { zh en } evidence conditions { actual } } } } }`);
      const officer = await server.query(EXPLAIN, { id: verdictId }, OFFICER);
      expect(officer.data!.verdict!.explanation.facts.subject.idCardNumber).toBe(masked);
      expect(JSON.stringify(officer)).not.toContain(servantIdCard);
      const inspector = await server.ok(EXPLAIN, { id: verdictId }, INSPECTOR);
      expect(inspector.verdict!.explanation.facts.subject.idCardNumber).toBe(servantIdCard);

      const recheck = await server.query(graphql(`mutation ($v: ID!) { recheck(verdictId: $v) { differences { field before after } current { explanation { facts } } } }`), { v: verdictId }, OFFICER);
      expect(recheck.errors).toBeUndefined();
      expect(recheck.data!.recheck.current.explanation.facts.subject.idCardNumber).toBe(masked);
      expect(JSON.stringify(recheck)).not.toContain(servantIdCard);

      const assess = await server.query(graphql(`query ($id: ID!) { assess(subjects: [{ type: CIVIL_SERVANT, id: $id }], matter: "AWARD") { assessment { explanation { facts rules { conditions { actual } } } } } }`), { id: servantId }, OFFICER);
      expect(assess.errors).toBeUndefined();
      expect(assess.data!.assess[0].assessment!.explanation.facts.subject.idCardNumber).toBe(masked);
      expect(JSON.stringify(assess)).not.toContain(servantIdCard);
    } finally {
      writeFileSync(path.join(rulesDir, CS_FACTS), shippedFacts);
      await server.query(graphql(`mutation { reloadRules { version } }`), {}, ADMIN);
    }
  });
});

describe('a preview as a load on the server', () => {
  it(`a rule with more than ${RULE_LIMITS.listValues} list values, or a draft with more than ${RULE_LIMITS.folderListValues}, is refused before it runs`, async () => {
    const before = await counts();
    const big = await server.query(PREVIEW, { files: [{ path: 'civil-servant/list-0.json', content: draftRule('cs-list-0', { all: [{ fact: 'subject', path: '$.post', operator: 'in', value: guesses(RULE_LIMITS.listValues + 1) }] }) }] }, OFFICER);
    expectRefused(big, new RegExp(`list-0\\.json:\\d+:\\d+ .*超过每条规则 ${RULE_LIMITS.listValues} 个的上限.*more than the limit of ${RULE_LIMITS.listValues} per rule`, 's'));
    const perRule = RULE_LIMITS.listValues;
    const many = Array.from({ length: Math.floor(RULE_LIMITS.folderListValues / perRule) + 1 }, (_, i) => ({
      path: `civil-servant/list-${i}.json`,
      content: draftRule(`cs-list-${i}`, { all: [{ fact: 'subject', path: '$.post', operator: 'in', value: guesses(perRule, i * perRule) }] }),
    }));
    expectRefused(await server.query(PREVIEW, { files: many }, OFFICER), new RegExp(`more than the limit of ${RULE_LIMITS.folderListValues}`));
    expect(await counts()).toEqual(before);
  });

  it('two previews at once: the second is refused with PREVIEW_BUSY, and /healthz asked meanwhile answers before the running preview does', async () => {
    // The largest draft the limits allow: the folder's list values spent on the fewest rules.
    const shippedValues = 10;
    const files = Array.from({ length: Math.floor((RULE_LIMITS.folderListValues - shippedValues) / RULE_LIMITS.listValues) }, (_, i) => ({
      path: `civil-servant/list-${i}.json`,
      content: draftRule(`cs-list-${i}`, { all: [{ fact: 'subject', path: '$.post', operator: 'in', value: guesses(RULE_LIMITS.listValues, i * RULE_LIMITS.listValues) }] }),
    }));
    const before = await counts();
    // The order in which answers arrive; no clock (test/security/preview-stalls-event-loop.test.ts for a draft that is slow to decide).
    const arrived: string[] = [];
    let busySeen!: () => void;
    const busy = new Promise<void>((resolve) => (busySeen = resolve));
    const pending = [1, 2, 3].map(() =>
      server.query(PREVIEW, { files }, OFFICER).then((p) => {
        arrived.push(p.errors ? 'busy' : 'ran');
        if (p.errors) busySeen();
        return p;
      }),
    );
    // A PREVIEW_BUSY answer means a preview is running: /healthz asked now must not wait for it.
    await Promise.race([busy, Promise.all(pending)]);
    const health = await healthz(server);
    arrived.push('healthz');
    expect(health).toBe(200);
    const previews = await Promise.all(pending);
    expect(arrived.indexOf('busy')).toBeGreaterThanOrEqual(0);
    expect(arrived.indexOf('healthz')).toBeLessThan(arrived.indexOf('ran'));
    const ran = previews.filter((p) => !p.errors);
    const refusals = previews.filter((p) => p.errors);
    expect(ran.length).toBeGreaterThanOrEqual(1);
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    for (const refused of refusals) {
      expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'PREVIEW_BUSY' }, message: expect.stringMatching(/另一个规则预览正在运行.*Another rule preview is running/s) });
      expect(refused.data?.previewRules ?? null).toBeNull();
    }
    // Only the previews that ran were audited: each its PREVIEW_RULES row and a READ_PERSONAL_DATA of
    // every civil servant it read (all matters: the servants once, test/security/preview-complement-oracle.test.ts).
    const servants = (await server.sql<{ n: number }>('select count(*)::int as n from civil_servant'))[0].n;
    expect(await counts()).toEqual({ ...before, audit: before.audit + ran.length * (1 + servants) });
    // Once it is done, the next preview runs.
    expect((await server.query(PREVIEW, { files: [files[0]] }, OFFICER)).errors).toBeUndefined();
  });
});

describe('a fact reference as a condition value', () => {
  it('greaterThan or in against a parameter or another fact gives a coded answer, never INTERNAL_SERVER_ERROR', async () => {
    const before = await counts();
    const values = [
      { operator: 'greaterThan', value: { fact: 'parameters', path: '$.courtWithin' } },
      { operator: 'in', value: { fact: 'parameters', path: '$.courtWithin' } },
      { operator: 'greaterThan', value: { fact: 'subject', path: '$.credit.unrepaired' } },
      { operator: 'in', value: { fact: 'subject', path: '$.credit.categories' } },
    ];
    for (const { operator, value } of values) {
      const result = await server.query(PREVIEW, { files: [{ path: 'civil-servant/ref.json', content: draftRule('cs-ref', { all: [{ fact: 'subject', path: '$.credit.dishonest', operator, value }] }) }] }, OFFICER);
      expect(result.status).toBeLessThan(500);
      for (const error of result.errors ?? []) expect(['BAD_USER_INPUT', 'RULE_ERROR']).toContain(error.extensions?.code);
      expect(JSON.stringify(result)).not.toMatch(/Cannot convert object to primitive value|INTERNAL_SERVER_ERROR/);
    }
    const audit = (await counts()).audit;
    expect(await counts()).toEqual({ ...before, audit });
  });
});

describe('a draft rule file that is not a JSON object', () => {
  it('`null`, a list or a number as a rule file is BAD_USER_INPUT, located, never INTERNAL_SERVER_ERROR', async () => {
    const before = await counts();
    for (const content of ['null', '[]', '42']) {
      const result = await server.query(PREVIEW, { files: [{ path: 'civil-servant/not-an-object.json', content }] }, OFFICER);
      expectRefused(result, /civil-servant\/not-an-object\.json:1:1 /);
    }
    expect(await counts()).toEqual(before);
  });
});
