import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import type { Browser, Route } from 'playwright-core';
import { startTestServer, token, type TestServer } from '../support/test-server';
import { createAgency, createRecord, recordInput, uscc } from '../support/factories';
import { SIGNING_KEY } from '../support/forged-tokens';
import { graphql } from '../support/graphql';
import { launchBrowser, openSession, pdfText, screenshot } from './support/browser';

// Functions passed to page.evaluate run in the browser; these are its globals as they use them.
declare const sessionStorage: any;

/**
 * What the console may be trusted with (hostile10 F3, F4, N6), in a real browser against the real
 * server: a verdict whose records changed says so on screen and on paper; a subject's long lists are
 * read a page at a time instead of being refused whole; the header shows a role only once the server
 * has accepted the token, and a refused token is named as such (expired, or not valid).
 */
let server: TestServer;
let browser: Browser;
let origin: string;
let tmp: string;

const CREATE_ENTERPRISE = graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`);
const CREATE_RECORD = graphql(`mutation ($input: CreateCreditRecordInput!) { createCreditRecord(input: $input) { id } }`);
const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: ENTERPRISE, id: $id }, matter: "PROCUREMENT") { id outcome stale } }`);
const CREATE_COMMITMENT = graphql(`mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { id dueOn } }`);
const CREATE_COURT_CASE = graphql(`mutation ($input: CreateCourtCaseInput!) { createCourtCase(input: $input) { id filedOn } }`);

const STALE_ZH = '此结论所依据的记录或规则已变更，结论可能已不适用，请复核';
const STALE_EN = 'The records or rules this verdict rests on have changed since: recheck before relying on it.';

async function createEnterprise(name: string): Promise<string> {
  return (await server.ok(CREATE_ENTERPRISE, { input: { uscc: uscc('91'), name } })).createEnterprise.id;
}

/** The day `days` after `day` (YYYY-MM-DD). */
function dayAfter(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Runs `count` calls of `step`, `width` at a time (the server's pool is small; the machine is shared). */
async function inBatches(count: number, width: number, step: (n: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += width) {
    await Promise.all(Array.from({ length: Math.min(width, count - start) }, (_, i) => step(start + i)));
  }
}

beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
  browser = await launchBrowser();
  tmp = mkdtempSync(path.join(tmpdir(), 'chengxin-console-stale-'));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('a verdict whose records changed after it was given says so on the page, in the subject list and on the printed opinion; a fresh one does not', async () => {
  const enterpriseId = await createEnterprise('鄂州市复核测试有限公司');
  const given = (await server.ok(EVALUATE, { id: enterpriseId })).evaluate;
  expect(given.stale).toBe(false);
  // A clerk records a breach after the verdict: the verdict no longer rests on the records as they are.
  await server.ok(CREATE_RECORD, { input: recordInput('ENTERPRISE', enterpriseId, { summary: '拖欠工程款，经责令仍未改正' }) }, { role: 'CLERK', sub: 'zhao.lu' });
  const { page, foreign, context } = await openSession(browser, origin, { token: await token('INSPECTOR', 'li.jiancha') });

  await page.goto(`${origin}/console/verdicts/${given.id}`);
  const banner = page.getByTestId('stale-banner');
  await banner.waitFor();
  expect(await banner.textContent()).toContain(STALE_ZH);
  expect(await banner.textContent()).toContain(STALE_EN);
  expect(await banner.getByRole('button', { name: '复核 Recheck' }).count()).toBe(1); // an inspector may recheck, right there
  await screenshot(page, 'verdict-stale-inspector-zh');

  const pdf = path.join(tmp, 'stale-opinion.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true }); // the print stylesheet, as window.print() uses it
  const text = pdfText(pdf).replace(/\s+/g, '');
  expect(text).toContain('审查意见');
  expect(text).toContain(STALE_ZH);
  expect(text).toContain(STALE_EN.replace(/\s+/g, ''));
  expect(text).not.toContain('复核Recheck'); // the button is not printed

  // The subject's list marks it too.
  await page.goto(`${origin}/console/subjects/enterprise/${enterpriseId}`);
  const row = page.locator(`tr:has(a[href="/console/verdicts/${given.id}"])`);
  await row.waitFor();
  expect(await row.getAttribute('data-stale')).toBe('true');
  expect(await row.textContent()).toContain('需复核');

  // Rechecking gives a verdict on today's records: no banner on it, none in the list.
  await page.goto(`${origin}/console/verdicts/${given.id}`);
  await banner.getByRole('button', { name: '复核 Recheck' }).click();
  const result = page.getByTestId('recheck-result');
  await result.waitFor();
  const fresh = decodeURIComponent((await result.locator('a').getAttribute('href'))!.split('/').pop()!);
  expect(fresh).not.toBe(given.id);
  await page.goto(`${origin}/console/verdicts/${fresh}`);
  await page.locator('section.verdict[data-ready="true"]').waitFor();
  expect(await page.getByTestId('verdict-id').textContent()).toBe(fresh);
  expect(await page.getByTestId('stale-banner').count()).toBe(0);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  expect(pdfText(pdf)).not.toContain('记录或规则已变更');
  await page.goto(`${origin}/console/subjects/enterprise/${enterpriseId}`);
  const freshRow = page.locator(`tr:has(a[href="/console/verdicts/${fresh}"])`);
  await freshRow.waitFor();
  expect(await freshRow.getAttribute('data-stale')).toBe('false');
  expect(foreign).toEqual([]);
  await context.close();
}, 180_000);

test('a subject with 130 records and 51 verdicts shows the first page of each and the rest after "more", not a LIST_TOO_LONG refusal', async () => {
  const enterpriseId = await createEnterprise('鄂州市长卷测试有限公司');
  await inBatches(130, 10, (n) => createRecord(server, 'ENTERPRISE', enterpriseId, { summary: `长卷记录第${n + 1}条`, occurredOn: '2023-03-01', recordedOn: '2023-03-20' }));
  await inBatches(51, 3, () => server.ok(EVALUATE, { id: enterpriseId }));
  const { page, foreign, context } = await openSession(browser, origin, { token: await token('CLERK', 'zhao.lu') });
  await page.goto(`${origin}/console/subjects/enterprise/${enterpriseId}`);

  const records = page.locator('ol.records > li.record');
  const moreRecords = page.getByTestId('more-records');
  await moreRecords.waitFor();
  expect(await page.locator('[data-code="LIST_TOO_LONG"]').count()).toBe(0);
  expect(await records.count()).toBe(50);
  expect(await moreRecords.textContent()).toContain('已显示 50 / 130 项');
  await moreRecords.getByRole('button', { name: '显示更多' }).click();
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('ol.records > li.record').length === 100);
  await moreRecords.getByRole('button', { name: '显示更多' }).click();
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('ol.records > li.record').length === 130);
  expect(await moreRecords.textContent()).toContain('已显示 130 / 130 项');
  expect(await moreRecords.getByRole('button').count()).toBe(0);
  // Every record once: the pages follow each other, none repeated or skipped.
  const all = await page.locator('ol.records > li.record > p').allTextContents();
  expect(new Set(all).size).toBe(130);

  const verdicts = page.locator('table[data-testid="verdicts"] tbody tr');
  const moreVerdicts = page.getByTestId('more-verdicts');
  expect(await verdicts.count()).toBe(50);
  expect(await moreVerdicts.textContent()).toContain('已显示 50 / 51 项');
  await moreVerdicts.getByRole('button', { name: '显示更多' }).click();
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('table[data-testid="verdicts"] tbody tr').length === 51);
  expect(await moreVerdicts.getByRole('button').count()).toBe(0);
  await screenshot(page, 'subject-long-lists-clerk-zh');
  expect(foreign).toEqual([]);
  await context.close();
}, 300_000);

test('an agency with 120 commitments and 51 court cases: each panel pages on its own, every row once, in the API\'s order (latest first, ties by id), with the totals', async () => {
  const agencyId = await createAgency(server, { name: '鄂州市长卷测试局' });
  const other = await createAgency(server, { name: '鄂州市邻局' });
  // Three items a day, so that a day's items stand across each page boundary (rows 49–51, 99–101):
  // the order within a day (by id) has to hold from one page to the next.
  const commitments: { id: string; dueOn: string }[] = [];
  await inBatches(120, 10, async (n) => {
    const input = { agencyId, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: `长卷承诺第${n + 1}项`, publishedOn: '2025-01-01', dueOn: dayAfter('2025-02-01', Math.floor(n / 3)) } as const;
    commitments.push((await server.ok(CREATE_COMMITMENT, { input })).createCommitment);
  });
  const cases: { id: string; filedOn: string }[] = [];
  await inBatches(51, 10, async (n) => {
    const input = { agencyId, kind: 'CIVIL', caseNumber: `(2025)鄂07民初${n + 1}号`, court: '鄂州市中级人民法院', filedOn: dayAfter('2025-01-01', Math.floor(n / 3)) } as const;
    cases.push((await server.ok(CREATE_COURT_CASE, { input })).createCourtCase);
  });
  // Another agency's items are not this agency's rows.
  await server.ok(CREATE_COMMITMENT, { input: { agencyId: other, kind: 'DEADLINE', domain: 'LIVELIHOOD', publiclyDisclosed: true, content: '邻局承诺', publishedOn: '2025-01-01', dueOn: '2026-01-01' } });
  await server.ok(CREATE_COURT_CASE, { input: { agencyId: other, kind: 'CIVIL', caseNumber: '(2025)鄂07民初9999号', court: '鄂州市中级人民法院', filedOn: '2025-06-01' } });
  const byDayThenId = <T extends { id: string }>(day: (item: T) => string) => (a: T, b: T) => day(b).localeCompare(day(a)) || a.id.localeCompare(b.id);
  const commitmentOrder = [...commitments].sort(byDayThenId((c) => c.dueOn)).map((c) => `commitment-${c.id}`);
  const caseOrder = [...cases].sort(byDayThenId((c) => c.filedOn)).map((c) => `case-${c.id}`);

  const { page, foreign, context } = await openSession(browser, origin, { token: await token('CLERK', 'zhao.lu') });
  await page.goto(`${origin}/console/subjects/agency/${agencyId}`);
  const commitmentRows = page.locator('tr[id^="commitment-"]');
  const caseRows = page.locator('tr[id^="case-"]');
  const moreCommitments = page.getByTestId('more-commitments');
  const moreCases = page.getByTestId('more-court-cases');
  const shownIds = (rows: typeof commitmentRows) => rows.evaluateAll((trs) => trs.map((tr) => tr.id));
  const rowCount = (prefix: string, count: number) => page.waitForFunction(([p, n]) => (globalThis as any).document.querySelectorAll(`tr[id^="${p}"]`).length === n, [prefix, count] as const);
  await moreCommitments.waitFor();
  await moreCases.waitFor();
  expect(await page.locator('[data-code="LIST_TOO_LONG"]').count()).toBe(0);

  // First pages: the 50 latest of each, with the totals.
  expect(await shownIds(commitmentRows)).toEqual(commitmentOrder.slice(0, 50));
  expect(await moreCommitments.textContent()).toContain('已显示 50 / 120 项');
  expect(await shownIds(caseRows)).toEqual(caseOrder.slice(0, 50));
  expect(await moreCases.textContent()).toContain('已显示 50 / 51 项');
  const firstRow = await commitmentRows.first().locator('td').allTextContents();
  const latest = commitments.find((c) => `commitment-${c.id}` === commitmentOrder[0])!;
  expect(firstRow.slice(1, 3)).toEqual(['2025-01-01', latest.dueOn]);
  expect(firstRow[0]).toMatch(/^长卷承诺第(118|119|120)项$/);

  // The commitments' next pages come after the ones shown, which stay; the court cases do not move.
  await moreCommitments.getByRole('button', { name: '显示更多' }).click();
  await rowCount('commitment-', 100);
  expect(await shownIds(commitmentRows)).toEqual(commitmentOrder.slice(0, 100));
  expect(await moreCommitments.textContent()).toContain('已显示 100 / 120 项');
  expect(await caseRows.count()).toBe(50);
  await moreCommitments.getByRole('button', { name: '显示更多' }).click();
  await rowCount('commitment-', 120);
  expect(await shownIds(commitmentRows)).toEqual(commitmentOrder);
  expect(await moreCommitments.textContent()).toContain('已显示 120 / 120 项');
  expect(await moreCommitments.getByRole('button').count()).toBe(0);
  expect(await page.locator('main').textContent()).not.toContain('邻局承诺');

  // The court cases' last page: one row, then no button.
  await moreCases.getByRole('button', { name: '显示更多' }).click();
  await rowCount('case-', 51);
  expect(await shownIds(caseRows)).toEqual(caseOrder);
  expect(await moreCases.textContent()).toContain('已显示 51 / 51 项');
  expect(await moreCases.getByRole('button').count()).toBe(0);
  const lastCase = await caseRows.last().locator('td').allTextContents();
  expect(lastCase.slice(1, 3)).toEqual(['鄂州市中级人民法院', '2025-01-01']);
  expect(await page.locator('main').textContent()).not.toContain('9999号');
  expect(await commitmentRows.count()).toBe(120);

  // The totals in English.
  await page.getByRole('button', { name: 'English' }).click();
  expect(await moreCommitments.textContent()).toContain('Showing 120 of 120');
  expect(await moreCases.textContent()).toContain('Showing 51 of 51');
  await screenshot(page, 'agency-long-lists-clerk-en');
  expect(foreign).toEqual([]);
  await context.close();
}, 300_000);

test('a forged token shows no role while it is checked, and is named invalid; the role appears once the server accepts a token', async () => {
  const genuine = await token('INSPECTOR', 'li.jiancha');
  const admin = await token('ADMIN', 'forged.admin');
  // Same claims, another signature: anyone can write these claims.
  // The signature's first character changed to another (when it was already the replacement, the "forged"
  // token was the genuine one and no notice came).
  const at = admin.lastIndexOf('.') + 1;
  const forged = admin.slice(0, at) + (admin[at] === 'A' ? 'B' : 'A') + admin.slice(at + 1);
  const { page, foreign, context } = await openSession(browser, origin, { token: forged });
  // Hold the first API request, to look at the page while the token is being checked.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/graphql', async (route: Route) => {
    await held;
    await route.fallback();
  });
  await page.goto(`${origin}/console/subjects`);
  await page.getByText('正在验证令牌…').waitFor();
  expect(await page.getByTestId('role').textContent()).toBe('验证中…');
  expect(await page.getByTestId('who').textContent()).not.toContain('ADMIN');
  expect(await page.getByTestId('who').textContent()).not.toContain('forged.admin');
  release();
  const notice = page.getByTestId('token-notice');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('令牌无效，请重新登录');
  expect(await notice.textContent()).not.toContain('您的角色无权');
  expect(await page.getByTestId('role').textContent()).toBe('PUBLIC');
  expect(await page.evaluate(() => sessionStorage.getItem('chengxin.token'))).toBeNull();
  await page.unroute('**/graphql');

  // Signing in with a genuine token shows its role, and clears the notice.
  await page.goto(`${origin}/console/`);
  await page.getByLabel('令牌 Token').fill(genuine);
  await page.getByRole('button', { name: '登录 Sign in' }).click();
  await page.waitForURL(`${origin}/console/subjects`);
  expect(await page.getByTestId('role').textContent()).toBe('INSPECTOR');
  expect(await page.getByTestId('token-notice').count()).toBe(0);
  expect(foreign).toEqual([]);
  await context.close();
});

test('an expired token is called expired (zh and en), on opening the console and when it expires while a page is open', async () => {
  const now = Math.floor(Date.now() / 1000);
  const expired = await new SignJWT({ role: 'INSPECTOR' }).setProtectedHeader({ alg: 'HS256' }).setSubject('li.jiancha').setIssuedAt(now - 7200).setExpirationTime(now - 60).sign(SIGNING_KEY);
  const opened = await openSession(browser, origin, { token: expired });
  await opened.page.goto(`${origin}/console/subjects`);
  const notice = opened.page.getByTestId('token-notice');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('令牌已过期，请重新登录');
  expect(await notice.textContent()).not.toContain('您的角色无权');
  expect(await opened.page.getByTestId('role').textContent()).toBe('PUBLIC');
  await opened.page.getByRole('button', { name: 'English' }).click();
  expect(await notice.textContent()).toContain('The token has expired: sign in again.');
  await screenshot(opened.page, 'token-expired-en');
  await opened.context.close();

  // A token that expires while the console is open: the next request says so and ends the session.
  const shortLived = await token('INSPECTOR', 'li.jiancha', '4s');
  const expiresAt = Date.now() + 4000;
  const { page, foreign, context } = await openSession(browser, origin, { token: shortLived });
  await page.goto(`${origin}/console/subjects`);
  await page.getByTestId('role').filter({ hasText: 'INSPECTOR' }).waitFor();
  await page.waitForTimeout(Math.max(0, expiresAt - Date.now()) + 1500);
  await page.getByRole('link', { name: '规则' }).click();
  const later = page.getByTestId('token-notice');
  await later.waitFor();
  expect(await later.textContent()).toContain('令牌已过期，请重新登录');
  expect(await page.getByTestId('role').textContent()).toBe('PUBLIC');
  expect(foreign).toEqual([]);
  await context.close();
});
