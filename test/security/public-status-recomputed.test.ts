import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRecord, uscc } from '../support/factories';
import { graphql } from '../support/graphql';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Sixth hostile pass F1: an anonymous `enterprises(first: 50) { … publicStatuses { outcome } }`
 * decided every status afresh on every request — hundreds of milliseconds of server CPU each, so a
 * few such requests a second filled a core. Statuses are now cached per process under the
 * enterprise, matter, day, rule-set version and a digest of the row versions their facts are read
 * from (src/graphql/public-status-cache.ts): a repeated request runs no facts read, and a change of
 * one enterprise's records, or a rule reload, is decided afresh in the very next request.
 * Counted in statements (no facts read = no read-only transaction, no facts query), not time.
 */
let server: TestServer;
let rulesDir: string;
// A page within the anonymous row limit: each status is priced as the assessment it is (hostile19 F2).
const ENTERPRISES = 15;

const PAGE = graphql(`{ enterprises(first: 16) { edges { node { id publicStatuses { matter outcome ruleSetVersion asOf } } } } }`);

const factsReads = () => server.statements.filter((s) => /start transaction isolation level repeatable read read only/i.test(s)).length;
const metric = async (result: 'hit' | 'miss') => {
  const text = await (await fetch(server.app.http.metricsUrl)).text();
  return Number(new RegExp(`chengxin_public_status_cache_total\\{result="${result}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
};

async function page() {
  server.resetStatements();
  const result = await server.query(PAGE, {}, { role: 'PUBLIC' });
  expect(result.errors).toBeUndefined();
  const statuses = new Map(result.data!.enterprises.edges.map((e) => [e.node.id, e.node.publicStatuses]));
  return { statuses, statements: server.statements.length, factsReads: factsReads() };
}

beforeAll(async () => {
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-status-cache-'));
  cpSync(path.resolve(__dirname, '../../rules'), rulesDir, { recursive: true });
  server = await startTestServer({ rulesDir, watchRules: true });
  const values = Array.from({ length: ENTERPRISES }, (_, i) => `(gen_random_uuid(), '${uscc('91')}', '鄂州市第${i + 1}缓存测试有限公司')`).join(', ');
  await server.sql(`insert into enterprise (id, uscc, name) values ${values}`);
});
afterAll(async () => {
  await server.stop();
  rmSync(rulesDir, { recursive: true, force: true });
});

it('a repeated anonymous page of publicStatuses runs no facts read; a changed enterprise is decided afresh in the next request', async () => {
  const first = await page();
  expect(first.statuses.size).toBe(ENTERPRISES);
  expect(first.factsReads).toBe(1);
  const [hitsBefore, missesBefore] = [await metric('hit'), await metric('miss')];

  const second = await page();
  expect(second.factsReads).toBe(0);
  // Only the page and one digest statement: no facts query, no decision.
  expect(second.statements).toBeLessThan(first.statements);
  expect(server.statements.filter((s) => /credit_record/.test(s) && !/xmin/.test(s))).toEqual([]);
  const matters = first.statuses.values().next().value!.length;
  expect(await metric('hit')).toBe(hitsBefore + ENTERPRISES * matters);
  expect(await metric('miss')).toBe(missesBefore);
  const strip = (statuses: Map<string, { matter: string; outcome: string; ruleSetVersion: string }[]>) =>
    [...statuses].map(([id, list]) => [id, list.map(({ matter, outcome, ruleSetVersion }) => ({ matter, outcome, ruleSetVersion }))]);
  expect(strip(second.statuses)).toEqual(strip(first.statuses));
  // Served as of this request's moment, not the moment it was first decided.
  const asOf = (p: typeof first) => p.statuses.values().next().value![0].asOf;
  expect(Date.parse(asOf(second))).toBeGreaterThan(Date.parse(asOf(first)));

  // One enterprise is listed as a judgment defaulter: the next request decides it, and only it, afresh.
  const [target] = [...first.statuses.keys()];
  expect(first.statuses.get(target)!.every((s) => s.outcome === 'ELIGIBLE')).toBe(true);
  const recordId = await createRecord(server, 'ENTERPRISE', target, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
  const listed = await server.query(graphql(`mutation ($input: ListSubjectInput!) { listSubject(input: $input) { id } }`), {
    input: { subjectType: 'ENTERPRISE', subjectId: target, list: 'JUDGMENT_DEFAULTER', listedOn: '2025-05-10', listedBy: '湖北省鄂州市中级人民法院', documentNumber: '(2025)鄂07执9号', recordId },
  });
  expect(listed.errors).toBeUndefined();
  const missesBeforeChange = await metric('miss');
  const third = await page();
  expect(third.factsReads).toBe(1);
  expect(await metric('miss')).toBe(missesBeforeChange + matters);
  expect(third.statuses.get(target)!.every((s) => s.outcome === 'RESTRICTED')).toBe(true);
  for (const [id, list] of third.statuses) if (id !== target) expect(list.map((s) => s.outcome)).toEqual(first.statuses.get(id)!.map((s) => s.outcome));

  // A change made behind the API (plain SQL, no change notice) is seen too: the digest is of the rows themselves.
  await server.sql(`update list_membership set removed_on = '2025-06-01' where subject_id = ?`, [target]);
  const missesBeforeSql = await metric('miss');
  const fourth = await page();
  expect(fourth.factsReads).toBe(1);
  expect(await metric('miss')).toBe(missesBeforeSql + matters);
  expect(fourth.statuses.get(target)!.map((s) => s.outcome)).not.toEqual(third.statuses.get(target)!.map((s) => s.outcome));
});

it('a rule reload is decided afresh in the next request: no status of the old rule set is served', async () => {
  const before = await page();
  expect(before.factsReads).toBe(0);
  const version = before.statuses.values().next().value![0].ruleSetVersion;
  // A change of text only: another version, the same outcomes.
  const file = path.join(rulesDir, 'enterprise', 'bar-defaulters.json');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
  for (let i = 0; i < 100; i++) {
    const { ruleSet } = await server.ok(graphql(`{ ruleSet { version } }`), {}, { role: 'PUBLIC' });
    if (ruleSet.version !== version) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const after = await page();
  expect(after.factsReads).toBe(1);
  for (const list of after.statuses.values()) for (const status of list) expect(status.ruleSetVersion).not.toBe(version);
});
