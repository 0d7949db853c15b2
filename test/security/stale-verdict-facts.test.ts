import { createAgency, createRecord, uscc } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Attack: an old verdict shows the public what it may no longer see. A SEVERE
 * SERIOUS_ILLEGAL_DISHONEST record makes an agency DISQUALIFIED for HONOUR; an upheld objection
 * revokes it; the public then reads the stored verdict's facts, conditions and summary. Likewise an
 * enterprise record whose disclosure ended. Through the real server over HTTP.
 */
let server: TestServer;
let agencyId: string;
let recordId: string;
let verdictId: string;
let enterpriseId: string;
let expiredId: string;
let oldVerdictId: string;
let cleanVerdictId: string;

const READ = graphql(`query ($v: ID!) { verdict(id: $v) { id outcome matter asOf reason { zh en } measures { ruleId effect }
  explanation { day factsWithheld facts summary(locale: "zh") en: summary(locale: "en") rules { ruleId fired text { zh } evidence conditions { path actual passed } } } } }`);
// Five: a page of verdicts with their facts is priced per verdict in the anonymous field budget (hostile18 F1).
const LIST = graphql(`query ($s: SubjectInput!) { verdicts(subject: $s, first: 5) { edges { node { id outcome explanation { factsWithheld facts summary rules { conditions { actual } } } } } } }`);
const count = async (table: string) => (await server.sql(`select count(*)::int as n from ${table}`))[0].n as number;

/** Everything a reader could mine from a response, as text. */
const shown = (value: unknown) => JSON.stringify(value);

beforeAll(async () => {
  server = await startTestServer();
  agencyId = await createAgency(server, { name: '鄂州市撤销后测试局' });
  recordId = await createRecord(server, 'AGENCY', agencyId, { category: 'SERIOUS_ILLEGAL_DISHONEST', severity: 'SEVERE', occurredOn: '2025-01-10', recordedOn: '2025-01-20', documentNumber: '鄂州严失〔2025〕1号' });
  const evaluated = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: AGENCY, id: $id }, matter: "HONOUR") { id outcome } }`), { id: agencyId }, { role: 'CLERK' });
  expect(evaluated.evaluate.outcome).toBe('DISQUALIFIED');
  verdictId = evaluated.evaluate.id;
  const filed = await server.ok(graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`), { input: { recordId, filedBy: '机关', reason: '认定错误', filedOn: '2025-02-01' } }, { role: 'ADMIN', sub: 'filing.admin' }); // dated on a past day (hostile18 F2)
  const resolved = await server.query(graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { id } }`), {
    input: { objectionId: filed.fileObjection.id, decision: 'UPHELD', remedy: 'REVOKE', resolution: '撤销', resolvedOn: '2025-02-15' },
  }, { role: 'CLERK', sub: 'second-clerk' }); // not the clerk who entered it (hostile13 F5)
  if (resolved.errors) throw new Error(JSON.stringify(resolved.errors));

  const created = await server.ok(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), { input: { uscc: uscc('91'), name: '鄂州市期满后测试有限公司' } });
  enterpriseId = created.createEnterprise.id;
  expiredId = await createRecord(server, 'ENTERPRISE', enterpriseId, { category: 'SERIOUS_ILLEGAL_DISHONEST', severity: 'SEVERE', occurredOn: '2019-03-01', recordedOn: '2019-03-20', disclosureEndsOn: '2022-03-20' });
  const old = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT", asOf: "2020-06-01T00:00:00+08:00") { id } }`), { id: enterpriseId }, { role: 'CLERK' });
  oldVerdictId = old.evaluate.id;
  // Today the expired record did not count: nothing of it is in that verdict, which stays open.
  const today = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT") { id } }`), { id: enterpriseId }, { role: 'CLERK' });
  cleanVerdictId = today.evaluate.id;
});
afterAll(() => server.stop());

describe('a stored verdict shows the public nothing derived from records no longer disclosed', () => {
  it('revoked since: PUBLIC gets outcome and measures, but no facts, conditions, rule texts, evidence or summary of the record', async () => {
    const before = [await count('verdict'), await count('audit_event')];
    const result = await server.query(READ, { v: verdictId }, { role: 'PUBLIC' });
    expect(result.errors).toBeUndefined();
    const verdict = result.data!.verdict;
    expect(verdict!.outcome).toBe('DISQUALIFIED');
    expect(verdict!.measures.length).toBeGreaterThan(0);
    expect(verdict!.explanation.factsWithheld).toBe(true);
    expect(verdict!.explanation.facts).toEqual({});
    for (const rule of verdict!.explanation.rules) {
      expect(rule.conditions).toEqual([]);
      expect(rule.text).toBeNull();
      expect(rule.evidence).toEqual([]);
    }
    expect(verdict!.explanation.summary).toContain('不再公示');
    // Agencies have no publicStatus: the notice points to what an agency does have.
    for (const text of [verdict!.explanation.en, verdict!.explanation.summary, verdict!.reason.zh, verdict!.reason.en]) expect(text).not.toContain('publicStatus');
    expect(verdict!.explanation.en).toContain("An agency's current standing is its latestVerdict");
    expect(verdict!.reason.zh).toContain('机关当前情况见该事项的最新结论（latestVerdict）');
    // The one-line reason is filled from the same facts: withheld alike (found by the second hostile pass).
    expect(verdict!.reason.zh).toContain('不再公示');
    const text = shown(verdict);
    for (const leak of [recordId, 'seriousIllegalDishonest', 'SERIOUS_ILLEGAL_DISHONEST', 'lastDishonestOn', '2025-01-10', '鄂州严失', '严重违法失信']) expect(text).not.toContain(leak);
    expect([await count('verdict'), await count('audit_event')]).toEqual(before);
  });

  it('the same through verdicts(subject:) — and a CLERK still reads every stored fact', async () => {
    const list = await server.ok(LIST, { s: { type: 'AGENCY', id: agencyId } }, { role: 'PUBLIC' });
    const node = list.verdicts.edges.find((e) => e.node.id === verdictId)!.node;
    expect(node.explanation.factsWithheld).toBe(true);
    expect(shown(node)).not.toMatch(/seriousIllegalDishonest|"severe"|lastDishonestOn/);
    const clerk = (await server.ok(READ, { v: verdictId }, { role: 'CLERK' })).verdict;
    expect(clerk!.explanation.factsWithheld).toBe(false);
    expect(clerk!.reason.zh).toContain('鄂州市撤销后测试局');
    expect(clerk!.explanation.facts.subject.credit).toMatchObject({ severe: 1, seriousIllegalDishonest: true });
    expect(shown(clerk)).toContain(recordId);
  });

  it('disclosure ended: an enterprise verdict given while the record counted withholds its facts from PUBLIC', async () => {
    const verdict = (await server.ok(READ, { v: oldVerdictId }, { role: 'PUBLIC' })).verdict;
    expect(verdict!.explanation.factsWithheld).toBe(true);
    expect(verdict!.explanation.en).toContain("An enterprise's current status is publicStatus.");
    expect(verdict!.reason.zh).toContain('企业当前状态见 publicStatus');
    expect(verdict!.explanation.en).not.toContain('agency');
    expect(verdict!.explanation.facts).toEqual({});
    const text = shown(verdict);
    for (const leak of [expiredId, 'seriousIllegalDishonest', 'lastDishonestOn', '2019-03-01']) expect(text).not.toContain(leak);
  });

  it('a verdict given after the disclosure ended (the record could not count) keeps its facts for PUBLIC', async () => {
    const verdict = (await server.ok(READ, { v: cleanVerdictId }, { role: 'PUBLIC' })).verdict;
    expect(verdict!.explanation.factsWithheld).toBe(false);
    expect(verdict!.explanation.facts.subject.credit.dishonest).toBe(0);
    expect(shown(verdict)).not.toContain(expiredId);
  });
});
