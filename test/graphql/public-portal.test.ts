import { createRecord, uscc } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Issue 16, items 7 and 9: the public credit portal's enterprise page. Public lists show records
 * only while they are publicly disclosed; an enterprise's procurement status is readable by the
 * public and stores nothing.
 */
let server: TestServer;
let revokedOwner: string;
let revokedId: string;
let expiredOwner: string;
let expiredId: string;
let defaulter: string;
let defaulterRecord: string;
let clean: string;

async function enterprise(name: string, fields: Record<string, unknown> = {}): Promise<string> {
  const result = await server.query(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), { input: { uscc: uscc('91'), name, ...fields } });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createEnterprise.id;
}

/** 四(一) bars while the enterprise is on the list: the listing, resting on its record. */
async function listAsDefaulter(subjectId: string, recordId: string, listedOn: string) {
  const listed = await server.query(graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`), {
    input: { subjectType: 'ENTERPRISE', subjectId, list: 'JUDGMENT_DEFAULTER', listedOn, listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2025)鄂07执1号', recordId },
  });
  if (listed.errors) throw new Error(JSON.stringify(listed.errors));
}

beforeAll(async () => {
  server = await startTestServer();
  revokedOwner = await enterprise('鄂州市撤销测试有限公司');
  revokedId = await createRecord(server, 'ENTERPRISE', revokedOwner, { category: 'SERIOUS_ILLEGAL_DISHONEST', severity: 'SEVERE', occurredOn: '2025-01-10', recordedOn: '2025-01-20' });
  const filed = await server.ok(graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`), { input: { recordId: revokedId, filedBy: '企业', reason: '认定错误', filedOn: '2025-02-01' } });
  const resolved = await server.query(graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { id } }`), {
    input: { objectionId: filed.fileObjection.id, decision: 'UPHELD', remedy: 'REVOKE', resolution: '撤销', resolvedOn: '2025-02-15' },
  });
  if (resolved.errors) throw new Error(JSON.stringify(resolved.errors));
  expiredOwner = await enterprise('鄂州市期满测试有限公司');
  expiredId = await createRecord(server, 'ENTERPRISE', expiredOwner, { occurredOn: '2019-03-01', recordedOn: '2019-03-20', disclosureEndsOn: '2022-03-20' });
  defaulter = await enterprise('鄂州市失信被执行测试有限公司');
  defaulterRecord = await createRecord(server, 'ENTERPRISE', defaulter, { category: 'JUDGMENT_DEFAULTER', severity: 'MAJOR', occurredOn: '2025-05-01', recordedOn: '2025-05-10' });
  await listAsDefaulter(defaulter, defaulterRecord, '2025-05-10');
  clean = await enterprise('鄂州市守信测试有限公司', { creditGrade: 'A', gradedOn: '2024-01-01' });
});
afterAll(() => server.stop());

const count = async (table: string) => (await server.sql(`select count(*)::int as n from ${table}`))[0].n as number;

describe('public lists show only records in force and within their disclosure period (16.9)', () => {
  const LIST = graphql(`{ creditRecords(first: 100, filter: { subjectType: ENTERPRISE }) { totalCount edges { node { id publiclyDisclosed } } } }`);

  it('a revoked SERIOUS_ILLEGAL_DISHONEST record and an expired enterprise record are absent from PUBLIC lists', async () => {
    const list = (await server.ok(LIST, undefined, { role: 'PUBLIC' })).creditRecords;
    const ids = list.edges.map((e) => e.node.id);
    expect(ids).toEqual([defaulterRecord]);
    expect(list.totalCount).toBe(1);
    expect(list.edges[0].node.publiclyDisclosed).toBe(true);
    const revokedOnly = await server.ok(graphql(`{ creditRecords(filter: { status: REVOKED }) { totalCount } }`), undefined, { role: 'PUBLIC' });
    expect(revokedOnly.creditRecords.totalCount).toBe(0);
  });

  it('a CLERK sees them, with publiclyDisclosed=false', async () => {
    const list = (await server.ok(LIST, undefined, { role: 'CLERK' })).creditRecords;
    const disclosed = Object.fromEntries(list.edges.map((e) => [e.node.id, e.node.publiclyDisclosed]));
    expect(disclosed).toEqual({ [revokedId]: false, [expiredId]: false, [defaulterRecord]: true });
  });

  it("an enterprise's nested records leave them out for PUBLIC only", async () => {
    const QUERY = graphql(`query ($a: ID!, $b: ID!) { a: enterprise(id: $a) { creditRecords { id } } b: enterprise(id: $b) { creditRecords { id status } } }`);
    const asPublic = (await server.query(QUERY, { a: revokedOwner, b: expiredOwner }, { role: 'PUBLIC' })).data;
    expect(asPublic).toEqual({ a: { creditRecords: [] }, b: { creditRecords: [] } });
    const asClerk = (await server.query(QUERY, { a: revokedOwner, b: expiredOwner }, { role: 'CLERK' })).data;
    expect(asClerk!.a!.creditRecords).toEqual([{ id: revokedId }]);
    expect(asClerk!.b!.creditRecords).toEqual([{ id: expiredId, status: 'ACTIVE' }]);
  });

  it("a past asOf in an enterprise's credit facts does not bring an expired record back for PUBLIC", async () => {
    const QUERY = graphql(`query ($id: ID!) { enterprise(id: $id) { credit(asOf: "2020-06-01T00:00:00+08:00") { dishonest records { id } } } }`);
    expect((await server.ok(QUERY, { id: expiredOwner }, { role: 'PUBLIC' })).enterprise!.credit).toEqual({ dishonest: 0, records: [] });
    expect((await server.ok(QUERY, { id: expiredOwner }, { role: 'CLERK' })).enterprise!.credit).toEqual({ dishonest: 1, records: [{ id: expiredId }] });
  });

  it("an old verdict's explanation does not show PUBLIC the details of records revoked or expired since", async () => {
    const later = await enterprise('鄂州市后撤销测试有限公司');
    const record = await createRecord(server, 'ENTERPRISE', later, { category: 'JUDGMENT_DEFAULTER', occurredOn: '2025-01-10', recordedOn: '2025-01-20' });
    await listAsDefaulter(later, record, '2025-01-20');
    const EVALUATE = graphql(`mutation ($id: ID!, $asOf: DateTime) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT", asOf: $asOf) { id outcome } }`);
    const barred = (await server.ok(EVALUATE, { id: later }, { role: 'CLERK' })).evaluate;
    expect(barred.outcome).toBe('RESTRICTED');
    const old = (await server.ok(EVALUATE, { id: expiredOwner, asOf: '2020-06-01T00:00:00+08:00' }, { role: 'CLERK' })).evaluate;
    const filed = await server.ok(graphql(`mutation ($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`), { input: { recordId: record, filedBy: '企业', reason: '认定错误', filedOn: '2025-02-01' } });
    await server.query(graphql(`mutation ($input: ResolveObjectionInput!) { resolveObjection(input: $input) { id } }`), {
      input: { objectionId: filed.fileObjection.id, decision: 'UPHELD', remedy: 'REVOKE', resolution: '撤销', resolvedOn: '2025-02-15' },
    });
    // Facts and evidence in two requests: a verdict's facts and every rule's evidence together can
    // hold more than an anonymous request may ask for (each priced by what it can hold, hostile18 F1).
    const READ_FACTS = graphql(`query ($v: ID!) { verdict(id: $v) { outcome explanation { facts factsWithheld } } }`);
    const READ_EVIDENCE = graphql(`query ($v: ID!) { verdict(id: $v) { explanation { rules { evidence } } } }`);
    const read = async (v: string, role: 'PUBLIC' | 'INSPECTOR') => {
      const facts = (await server.ok(READ_FACTS, { v }, { role })).verdict!;
      const evidence = (await server.ok(READ_EVIDENCE, { v }, { role })).verdict!;
      return { ...facts, explanation: { ...facts.explanation, rules: evidence.explanation.rules } };
    };
    const shown = (verdict: any) => JSON.stringify(verdict.explanation);
    for (const [verdictId, recordId] of [[barred.id, record], [old.id, expiredId]]) {
      const asPublic = await read(verdictId, 'PUBLIC');
      expect(shown(asPublic)).not.toContain(recordId);
      expect(asPublic.explanation).toMatchObject({ facts: {}, factsWithheld: true });
      expect(shown(await read(verdictId, 'INSPECTOR'))).toContain(recordId);
    }
  });

  it('PUBLIC reading a non-disclosed record by id gets NOT_FOUND, as for an id that does not exist', async () => {
    const QUERY = graphql(`query ($id: ID!) { creditRecord(id: $id) { id } }`);
    for (const id of [revokedId, expiredId]) {
      const result = await server.query(QUERY, { id }, { role: 'PUBLIC' });
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(result.data?.creditRecord ?? null).toBeNull();
      expect((await server.ok(QUERY, { id }, { role: 'INSPECTOR' })).creditRecord!.id).toBe(id);
    }
    const missing = await server.query(QUERY, { id: '00000000-0000-4000-8000-000000000000' }, { role: 'PUBLIC' });
    expect(missing.errors?.[0].message.replace(/"[^"]+"/, '"…"')).toBe((await server.query(QUERY, { id: expiredId }, { role: 'PUBLIC' })).errors?.[0].message.replace(/"[^"]+"/, '"…"'));
  });
});

describe("an enterprise's public status (16.7)", () => {
  const STATUS = graphql(`query ($id: ID!) { enterprise(id: $id) { name
    publicStatus(matter: "PROCUREMENT") { matter matterTitle { zh } outcome measures { ruleId effect measure { zh } } reason { zh en } records { id category publiclyDisclosed } asOf day ruleSetVersion }
    publicStatuses { matter outcome }
  } }`);

  it("a judgment defaulter's procurement status shows the bar to PUBLIC, and stores no verdict or audit row", async () => {
    const verdicts = await count('verdict');
    const audits = await count('audit_event');
    const before = Date.now();
    const result = await server.query(STATUS, { id: defaulter }, { role: 'PUBLIC' });
    expect(result.errors).toBeUndefined();
    const status = result.data!.enterprise!.publicStatus;
    expect(status).toMatchObject({ matter: 'PROCUREMENT', matterTitle: { zh: '政府采购' }, outcome: 'RESTRICTED' });
    expect(status.measures[0]).toMatchObject({ ruleId: 'en-bar-defaulters', effect: 'RESTRICT', measure: { zh: '由采购人、招标人依法限制参与我市政府采购、建设工程招标投标（列入失信被执行人名单期间）' } });
    // The reason names the listing it rests on: the court, the day, the number (lawyer5 W2, R7).
    expect(status.reason.zh).toMatch(/^「鄂州市失信被执行测试有限公司」由湖北省鄂州市中级人民法院于2025-05-10列入失信被执行人名单（文号\(2025\)鄂07执1号），截至\d{4}-\d{2}-\d{2}本系统未登记法院移出/);
    expect(status.reason.zh).not.toMatch(/subject\.|\$\./);
    expect(status.records).toEqual([{ id: defaulterRecord, category: 'JUDGMENT_DEFAULTER', publiclyDisclosed: true }]);
    expect(new Date(status.asOf).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(status.ruleSetVersion).toMatch(/^sha256:/);
    expect(result.data!.enterprise!.publicStatuses.map((s) => s.matter).sort()).toEqual(['BIDDING', 'PROCUREMENT']);
    expect(result.data!.enterprise!.publicStatuses.every((s) => s.outcome === 'RESTRICTED')).toBe(true);
    expect(await count('verdict')).toBe(verdicts);
    expect(await count('audit_event')).toBe(audits);
  });

  it('says the same as a recorded evaluation', async () => {
    const evaluated = await server.ok(graphql(`mutation ($id: ID!) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT") { outcome measures { ruleId } explanation { rules { ruleId fired text { zh } } } } }`), { id: defaulter }, { role: 'OFFICER' });
    const status = (await server.ok(STATUS, { id: defaulter }, { role: 'PUBLIC' })).enterprise!.publicStatus;
    expect(status.outcome).toBe(evaluated.evaluate.outcome);
    expect(status.measures.map((m) => m.ruleId)).toEqual(evaluated.evaluate.measures.map((m) => m.ruleId));
    // The rule's own text, said as a recommendation to the competent body (lawyer5 R1).
    expect(status.reason.zh).toBe(evaluated.evaluate.explanation.rules.find((r) => r.ruleId === 'en-bar-defaulters')!.text!.zh.replace(/。$/, '（本结论为向有权机关提出的建议，由有权机关依照相关规定决定）。'));
  });

  it("a grade-A enterprise without records is eligible with its grade's score; a revoked record bars nothing", async () => {
    const good = (await server.ok(STATUS, { id: clean }, { role: 'PUBLIC' })).enterprise!.publicStatus;
    expect(good).toMatchObject({ outcome: 'ELIGIBLE', records: [] });
    expect(good.measures.map((m) => m.effect)).toEqual(['SCORE']);
    const revoked = (await server.ok(STATUS, { id: revokedOwner }, { role: 'PUBLIC' })).enterprise!.publicStatus;
    // Ungraded: its bid score is decided too (四(一): no credit score, 0 points), and nothing restricts it.
    expect(revoked).toMatchObject({ outcome: 'ELIGIBLE', records: [], measures: [{ ruleId: 'en-bid-score-ungraded', effect: 'SCORE' }] });
    expect(revoked.reason.zh).toContain('未评定信用评价等级'); // the score rule's text, as a graded enterprise's reason is its grade's
  });

  it('a matter that is not for enterprises is BAD_USER_INPUT on matter', async () => {
    const result = await server.query(graphql(`query ($id: ID!) { enterprise(id: $id) { publicStatus(matter: "PROMOTION") { outcome } } }`), { id: defaulter }, { role: 'PUBLIC' });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'matter' });
  });

  it('a page of enterprises with every status is limited per request, with a coded answer', async () => {
    const before = await count('verdict');
    const aliases = Array.from({ length: 60 }, (_, i) => `e${i}: enterprise(id: $id) { publicStatuses { outcome } }`).join(' ');
    const result = await server.rawQuery(`query ($id: ID!) { ${aliases} }`, { id: defaulter }, { role: 'PUBLIC' });
    expect(result.errors?.some((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX')).toBe(true);
    expect(await count('verdict')).toBe(before);
  });
});
