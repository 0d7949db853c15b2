import { seedIfEmpty } from '../../src/demo/seed';
import { idCardProblem, usccProblem } from '../../src/domain/identifiers';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seedDemoData: true });
});
afterAll(() => server.stop());

describe('the Ezhou demo data set', () => {
  it('answers the first query of the README with the agencies the policy names', async () => {
    const result = await server.ok(graphql(`{ agencies(first: 5) { totalCount edges { node { name } } } }`));
    expect(result.agencies.edges).toHaveLength(5);
    const all = await server.sql<{ name: string }>('select name from agency');
    const names = all.map((a) => a.name);
    for (const expected of ['鄂州市人民政府办公室', '鄂州市发展和改革委员会', '鄂州市财政局', '鄂州市公共资源交易监督管理局', '鄂州市政府采购中心', '鄂州市鄂城区人民政府', '鄂州市华容区人民政府', '鄂州市梁子湖区人民政府', '葛店经济技术开发区管理委员会']) {
      expect(names).toContain(expected);
    }
    expect(result.agencies.totalCount).toBe(names.length);
  });

  it('holds a few hundred civil servants and about a hundred enterprises, every code with a valid check character', async () => {
    const servants = await server.sql<{ id_card_number: string }>('select id_card_number from civil_servant');
    const enterprises = await server.sql<{ uscc: string }>('select uscc from enterprise');
    const agencies = await server.sql<{ uscc: string }>('select uscc from agency');
    expect(servants.length).toBeGreaterThanOrEqual(200);
    expect(enterprises.length).toBeGreaterThanOrEqual(80);
    expect(servants.map((s) => idCardProblem(s.id_card_number)).filter(Boolean)).toEqual([]);
    expect([...enterprises, ...agencies].map((e) => usccProblem(e.uscc)).filter(Boolean)).toEqual([]);
  });

  it('has records of every category and severity, some repaired, some disputed, some revoked, some corrected', async () => {
    const categories = await server.sql<{ category: string }>('select distinct category from credit_record');
    // Every category but PRINCIPAL_RESPONSIBILITY, a finding the demo does not make.
    expect(categories).toHaveLength(9);
    const severities = await server.sql<{ severity: string }>('select distinct severity from credit_record where severity is not null');
    expect(severities).toHaveLength(4);
    const statuses = await server.sql<{ status: string }>('select distinct status from credit_record order by status');
    expect(statuses.map((s) => s.status)).toEqual(['ACTIVE', 'DISPUTED', 'REVOKED']);
    const actions = await server.sql<{ action: string }>('select distinct action from credit_record_revision');
    expect(actions.map((a) => a.action).sort()).toEqual(['CORRECTED', 'CREATED', 'DISPUTED', 'REPAIRED', 'REVOKED']);
    const years = await server.sql<{ year: number }>('select distinct extract(year from occurred_on)::int as year from credit_record order by 1');
    expect(years[0].year).toBe(2019);
  });

  it('has commitments fulfilled and breached, and court cases with judgment defaulters and absent heads', async () => {
    const commitments = await server.sql<{ status: string }>('select distinct status from commitment');
    expect(commitments.map((c) => c.status)).toEqual(expect.arrayContaining(['FULFILLED', 'BREACHED']));
    const [cases] = await server.sql<{ defaulters: number; absent: number }>(
      'select count(*) filter (where judgment_defaulter)::int as defaulters, count(*) filter (where head_appeared = false)::int as absent from court_case',
    );
    expect(cases.defaulters).toBeGreaterThan(0);
    expect(cases.absent).toBeGreaterThan(0);
  });

  it('files its objections and repairs through the registry, audited as system, all in the one transaction that loads it', async () => {
    const [filed] = await server.sql<{ n: number }>('select count(*)::int as n from objection');
    const events = await server.sql<{ action: string; actor: string; n: number }>(
      "select action, actor, count(*)::int as n from audit_event where action in ('FILE_OBJECTION', 'DECIDE_OBJECTION', 'REQUEST_REPAIR', 'DECIDE_REPAIR') group by action, actor order by action::text",
    );
    expect(events.map((e) => e.action)).toEqual(['DECIDE_OBJECTION', 'DECIDE_REPAIR', 'FILE_OBJECTION', 'REQUEST_REPAIR']);
    expect(events.every((e) => e.actor === 'system')).toBe(true);
    expect(events.find((e) => e.action === 'FILE_OBJECTION')!.n).toBe(filed.n);
    // xmin names the transaction that wrote a row: the events were written with the agencies.
    const written = await server.sql<{ tx: string }>("select distinct xmin::text as tx from audit_event where actor = 'system' union select distinct xmin::text from agency");
    expect(written).toHaveLength(1);
  });

  it('holds a 履职不力 finding naming answerable persons (四(四)): their entries, and the cadre alone cautioned for promotion under cs-cadre-breached-commitment', async () => {
    const entries = await server.sql<{ subjectId: string; leadingCadre: boolean; doc: string; severity: string }>(
      "select r.subject_id as \"subjectId\", s.leading_cadre as \"leadingCadre\", r.document_number as doc, r.severity from credit_record r join civil_servant s on s.id = r.subject_id where r.category = 'COMMITMENT_DERELICTION' order by s.leading_cadre desc",
    );
    expect(entries.map((e) => [e.leadingCadre, e.doc, e.severity])).toEqual([[true, '鄂州督〔2026〕31号', 'GENERAL'], [false, '鄂州督〔2026〕31号', 'GENERAL']]);
    const PROMOTION = graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "PROMOTION", asOf: "2026-11-20T12:00:00+08:00") { measures { ruleId effect } } }`);
    for (const [entry, expected] of [[entries[0], true], [entries[1], false]] as const) {
      const verdict = await server.ok(PROMOTION, { id: entry.subjectId });
      expect(verdict.evaluate.measures.some((m) => m.ruleId === 'cs-cadre-breached-commitment' && m.effect === 'CAUTION')).toBe(expected);
    }
  });

  it('is loaded only into an empty database: a restart adds nothing', async () => {
    expect(await seedIfEmpty(server.app.orm.em.fork())).toBeNull();
  });
});

describe('every seeded civil servant evaluated for AWARD', () => {
  const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD") {
    outcome measures { ruleId }
    explanation { rules { ruleId fired inEffect basis { clause } evidence conditions { path actual passed } } }
  } }`);
  let verdicts: any[];
  beforeAll(async () => {
    const servants = await server.sql<{ id: string }>('select id from civil_servant order by id');
    verdicts = [];
    for (const { id } of servants) {
      const result = await server.query(EVALUATE, { id });
      expect(result.errors).toBeUndefined();
      verdicts.push(result.data!.evaluate);
    }
  }, 300_000); // 300 evaluations one by one: minutes on a loaded machine

  it('gives both ELIGIBLE and RESTRICTED outcomes', () => {
    const outcomes = new Set(verdicts.map((v) => v.outcome));
    expect(outcomes).toContain('ELIGIBLE');
    expect(outcomes).toContain('RESTRICTED');
  });

  it('explains each RESTRICTED verdict by its fired rule, clause, conditions with actual values, and records', () => {
    for (const verdict of verdicts.filter((v) => v.outcome === 'RESTRICTED')) {
      const fired = verdict.explanation.rules.filter((r: any) => r.fired && verdict.measures.some((m: any) => m.ruleId === r.ruleId));
      expect(fired.length).toBeGreaterThan(0);
      for (const rule of fired) {
        expect(rule.basis.length).toBeGreaterThan(0);
        expect(rule.conditions.every((c: any) => c.passed && c.actual !== null)).toBe(true);
        expect(rule.evidence.length).toBeGreaterThan(0);
      }
    }
  });

  it('shows, for each ELIGIBLE verdict, a failed condition and its value for every rule that did not fire', () => {
    for (const verdict of verdicts.filter((v) => v.outcome === 'ELIGIBLE')) {
      for (const rule of verdict.explanation.rules.filter((r: any) => r.inEffect && !r.fired)) {
        expect(rule.conditions.find((c: any) => !c.passed)).toEqual(expect.objectContaining({ passed: false, actual: expect.anything() }));
      }
    }
  });
});
