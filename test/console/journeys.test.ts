import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { runNode } from '../support/run-command';
import { startTestServer, token, type TestServer } from '../support/test-server';
import { createCivilServant, createRecord, uscc } from '../support/factories';
import { gzippedScriptBytes, launchBrowser, openSession, pdfText, screenshot, seriousViolations } from './support/browser';
import { graphql } from '../support/graphql';

// Functions passed to page.evaluate run in the browser; these are its globals as they use them
// (the project's type-check has Node's library, not the DOM's).
declare const document: any, window: any, sessionStorage: any, localStorage: any, performance: { getEntriesByName(name: string): { startTime: number }[] };

/**
 * The console in a real browser (Debian's chromium through playwright-core) against the real server on
 * a real database with the Ezhou demo data. Every page's requests are intercepted: only the server's
 * origin is let through, as on an intranet without internet.
 */
let server: TestServer;
let browser: Browser;
let origin: string;
let servantId: string;
let verdictId: string;
const NAME = '欧阳明远';
const ID_CARD = '420704198506120017';
const DOCUMENT = '鄂州督〔2026〕7号';
let tmp: string;

beforeAll(async () => {
  server = await startTestServer({ seedDemoData: true });
  origin = new URL(server.url).origin;
  browser = await launchBrowser();
  tmp = mkdtempSync(path.join(tmpdir(), 'chengxin-console-'));
  const agencies = await server.ok(graphql(`{ agencies(first: 1, filter: { level: CITY }) { edges { node { id } } } }`));
  const agencyId = agencies.agencies.edges[0].node.id;
  servantId = await createCivilServant(server, agencyId, { name: NAME, idCardNumber: ID_CARD, post: '副科长', rank: '二级主任科员' });
  await createRecord(server, 'CIVIL_SERVANT', servantId, {
    category: 'ADMINISTRATIVE_VIOLATION',
    severity: 'MAJOR',
    summary: '违规审批项目，造成不良影响',
    occurredOn: '2026-05-01',
    recordedOn: '2026-05-20',
    sourceDepartment: '鄂州市司法局',
    documentNumber: DOCUMENT,
  });
  const evaluated = await server.ok(
    graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD", asOf: "2026-11-01T00:00:00+08:00") { id outcome } }`),
    { id: servantId },
  );
  expect(evaluated.evaluate.outcome).toBe('RESTRICTED');
  verdictId = evaluated.evaluate.id;
  // One sweep, as `npx chengxin evaluate --all` runs it, for the Sweeps page.
  const sweep = await runNode(['bin/chengxin.js', 'evaluate', '--all', '--matter', 'AWARD', '--as-of', '2026-11-01', '--workers', '1', '--json'], {
    ...process.env,
    DATABASE_URL: server.databaseUrl,
    SEED_DEMO_DATA: 'false',
    RULES_WATCH: 'false',
  });
  expect(sweep.status).toBe(0);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('an inspector signs in, finds a RESTRICTED civil servant, reads why, switches to English, rechecks and prints the review opinion', async () => {
  const { page, foreign, context } = await openSession(browser, origin);
  await page.goto(`${origin}/console/`);
  await expect(page.getByTestId('role').textContent()).resolves.toBe('PUBLIC');
  await page.getByLabel('令牌 Token').fill(await token('INSPECTOR', 'li.jiancha'));
  await page.getByRole('button', { name: '登录 Sign in' }).click();
  await page.waitForURL(`${origin}/console/subjects`);
  expect(await page.getByTestId('role').textContent()).toBe('INSPECTOR');
  expect(await page.getByTestId('subject').textContent()).toBe('li.jiancha');
  expect(await page.evaluate(() => ({ session: sessionStorage.getItem('chengxin.token') !== null, local: Object.keys(localStorage) }))).toEqual({ session: true, local: ['chengxin.lang'] });

  await page.getByLabel('名称包含').fill(NAME);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: NAME }).click();
  await page.waitForURL(`${origin}/console/subjects/civil-servant/${servantId}`);
  await page.getByText(DOCUMENT).waitFor();
  expect(await page.getByText(ID_CARD).count()).toBe(1); // INSPECTOR sees the whole number
  await screenshot(page, 'subject-inspector-zh');

  await page.getByLabel('事项').selectOption('AWARD');
  await page.getByLabel('评估日期（北京时间）').fill('2026-11-01');
  await page.getByRole('button', { name: '评估 Evaluate' }).click();
  await page.waitForURL(/\/console\/verdicts\/[^/]+$/);
  const newId = decodeURIComponent(page.url().split('/').pop()!);

  // Fully shown within a second of navigation: measured in the browser, reported, not a threshold.
  await page.goto(`${origin}/console/verdicts/${newId}`);
  await page.locator('section.verdict[data-ready="true"]').waitFor();
  const shownAfter = await page.evaluate(() => performance.getEntriesByName('verdict-shown')[0]?.startTime ?? NaN);
  console.log(`verdict page fully shown ${Math.round(shownAfter)} ms after navigation`);

  expect(await page.locator('.outcome-large').getAttribute('data-outcome')).toBe('RESTRICTED');
  expect(await page.locator('.outcome-large').textContent()).toContain('予以限制');
  expect(await page.getByTestId('verdict-id').textContent()).toBe(newId);
  const fired = page.locator('[data-rule="cs-award-restrict"]');
  expect(await fired.getAttribute('data-fired')).toBe('true');
  expect(await fired.textContent()).toContain('三(六)');
  const unrepaired = fired.locator('tr', { hasText: /\$\.governmentDishonesty\.unrepaired(?!Undisputed)/ });
  expect(await unrepaired.getAttribute('class')).toBe('passed');
  expect(await unrepaired.getByTestId('actual').textContent()).toBe('1');
  expect(await unrepaired.textContent()).toContain('✓');
  const failing = page.locator('[data-fired="false"] table.conditions tr.failed').first();
  expect(await failing.textContent()).toContain('✗');
  expect((await failing.getByTestId('actual').textContent())?.trim()).not.toBe('');
  expect(await page.locator('.measures').textContent()).toContain('三(六)');
  await screenshot(page, 'verdict-inspector-zh');

  // Evidence links to the record on the subject page.
  const evidence = fired.locator('.evidence a').first();
  expect(await evidence.textContent()).toContain(DOCUMENT);
  expect(await evidence.getAttribute('href')).toMatch(new RegExp(`/console/subjects/civil-servant/${servantId}#record-`));

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: /Verdict/ }).waitFor();
  expect(await page.locator('.outcome-large').textContent()).toContain('Restricted');
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  expect(await page.locator('.summary').textContent()).toMatch(/[A-Za-z]{4,}/);
  await screenshot(page, 'verdict-inspector-en');

  await page.getByRole('button', { name: '复核 Recheck' }).click();
  const recheck = page.getByTestId('recheck-result');
  await recheck.waitFor();
  expect(await recheck.textContent()).toMatch(/same decision|different decision/);
  expect(await recheck.locator('a').getAttribute('href')).toMatch(/\/console\/verdicts\//);

  const pdf = path.join(tmp, 'opinion.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const text = pdfText(pdf);
  expect(text).toContain('审查意见');
  expect(text).toContain('三(六)');
  expect(text).toContain(newId);
  expect(text).not.toContain('复核 Recheck'); // buttons are not printed

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const file = await (await download).path();
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ id: newId, outcome: 'RESTRICTED', explanation: { parametersFile: expect.any(String) } });

  // The inspector's own steps are in the audit trail, filtered by actor and action, linked to the verdict.
  await page.goto(`${origin}/console/audit`);
  await page.getByLabel('Actor').fill('li.jiancha');
  await page.getByLabel('Action').selectOption('EVALUATE');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/actor=li\.jiancha/);
  await page.getByTestId('audit-row').first().waitFor();
  const rows = await page.getByTestId('audit-row').allTextContents();
  expect(rows.length).toBe(1);
  expect(rows[0]).toMatch(/li\.jiancha.*INSPECTOR.*EVALUATE/);
  expect(await page.getByTestId('audit-row').locator(`a[href="/console/verdicts/${newId}"]`).count()).toBe(1);

  await page.getByRole('button', { name: '退出 Sign out' }).click();
  expect(await page.getByTestId('role').textContent()).toBe('PUBLIC');
  expect(await page.evaluate(() => sessionStorage.getItem('chengxin.token'))).toBeNull();
  expect(foreign).toEqual([]);
  await context.close();
});

test('a policy officer previews a draft rule and sees the subjects whose outcome would change, by matter', async () => {
  const { page, foreign, context } = await openSession(browser, origin, { token: await token('OFFICER', 'wang.fang') });
  await page.goto(`${origin}/console/rules`);
  await page.getByText('cs-award-restrict').waitFor();
  expect(await page.locator('code.version').textContent()).toMatch(/^sha256:[0-9a-f]{16,}$/);
  const inWords = page.locator('li.rule', { hasText: 'cs-award-restrict' }).locator('.condition-words');
  expect(await inWords.textContent()).toMatch(/以下全部成立.*\$\.governmentDishonesty\.unrepaired.*大于或等于/);

  // The draft: restrict only from two unrepaired records on; our servant has one.
  const rule = JSON.parse(readFileSync('rules/civil-servant/award-restrict.json', 'utf8'));
  rule.conditions.all[1].value = 2;
  await page.getByLabel('草案文件', { exact: true }).setInputFiles({ name: 'award-restrict.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rule, null, 2)) });
  await expect(page.getByLabel('文件 1').inputValue()).resolves.toBe('civil-servant/award-restrict.json');
  await page.getByLabel('事项').selectOption('AWARD');
  await page.getByRole('button', { name: '预览' }).click();
  const report = page.getByTestId('preview-report');
  await report.waitFor({ timeout: 60_000 });
  const row = report.locator('table[data-matter="AWARD"] tr', { hasText: NAME });
  expect(await row.count()).toBe(1);
  expect(await row.locator('.outcome').evaluateAll((badges) => badges.map((b) => b.getAttribute('data-outcome')))).toEqual(['RESTRICTED', 'CAUTION']); // the record is still weighed under 三(四) (cs-award-caution)
  expect(await row.textContent()).toContain('cs-award-restrict');
  expect(await report.textContent()).toMatch(/\d+ 个主体的结论会改变/);
  await screenshot(page, 'rules-preview-officer-zh');
  expect(foreign).toEqual([]);
  await context.close();
}, 120_000);

test('a clerk reads the sweeps with their counts by outcome; an officer is told the audit trail is not for that role', async () => {
  const clerk = await openSession(browser, origin, { token: await token('CLERK', 'zhao.lu') });
  await clerk.page.goto(`${origin}/console/sweeps`);
  const run = clerk.page.locator('ol.sweeps > li').first();
  await run.waitFor();
  expect(await run.textContent()).toMatch(/AWARD · 2026-11-01 · 已完成/);
  expect(await run.locator('.outcome[data-outcome="RESTRICTED"]').count()).toBe(1);
  expect(clerk.foreign).toEqual([]);
  await clerk.context.close();

  const officer = await openSession(browser, origin, { token: await token('OFFICER', 'wang.fang') });
  await officer.page.goto(`${origin}/console/audit`);
  const refusal = officer.page.getByRole('alert');
  await refusal.waitFor();
  expect(await refusal.getAttribute('data-code')).toMatch(/^(FORBIDDEN|UNAUTHENTICATED)$/);
  expect(await refusal.textContent()).toContain('您的角色无权查看');
  expect(await officer.page.getByTestId('audit-row').count()).toBe(0);
  await officer.context.close();
});

test('the public sees masked names and no civil servant facts anywhere in the console', async () => {
  const { page, foreign, context } = await openSession(browser, origin);
  const pages = [
    `${origin}/console/subjects?type=civil-servant`,
    `${origin}/console/subjects/civil-servant/${servantId}`,
    `${origin}/console/verdicts/${verdictId}`,
  ];
  for (const url of pages) {
    await page.goto(url);
    await page.waitForFunction(() => !document.querySelector('.loading'));
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(ID_CARD);
    expect(text).not.toContain(DOCUMENT);
    expect(text).not.toContain('违规审批项目');
  }
  await page.goto(pages[0]);
  await page.getByTestId('subject-link').first().waitFor();
  const names = await page.getByTestId('subject-link').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toContain('*');
  await screenshot(page, 'subjects-public-zh');
  await page.goto(pages[2]);
  await page.waitForFunction(() => !document.querySelector('.loading'));
  expect(await page.locator('.evidence').count()).toBe(0);
  expect(await page.locator('.rule-text').count()).toBe(0);
  await screenshot(page, 'verdict-public-zh');
  expect(foreign).toEqual([]);
  await context.close();
});

test("the public opens an enterprise and sees its disclosed records, not a refusal for their objections", async () => {
  const created = await server.ok(graphql(`mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`), { input: { uscc: uscc('91'), name: '鄂州市公示测试有限公司' } });
  const enterpriseId = created.createEnterprise.id;
  await createRecord(server, 'ENTERPRISE', enterpriseId, { summary: '拖欠农民工工资，经责令仍未改正', documentNumber: '鄂州人社〔2026〕3号', occurredOn: '2026-03-01', recordedOn: '2026-03-10' });
  const { page, foreign, context } = await openSession(browser, origin);
  await page.goto(`${origin}/console/subjects/enterprise/${enterpriseId}`);
  await page.locator('.record').first().waitFor();
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).toContain('拖欠农民工工资');
  expect(text).toContain('鄂州人社〔2026〕3号');
  expect(text).not.toContain('您的角色无权查看或执行此操作');
  expect(await page.getByRole('heading', { name: /异议/ }).count()).toBe(0);
  expect(foreign).toEqual([]);
  await context.close();
});

test('every page, in Chinese and English: accessible (axe), screenshotted, no request to any host but the server', async () => {
  const { page, foreign, requests, context } = await openSession(browser, origin, { token: await token('ADMIN', 'admin') });
  const pages: [string, string][] = [
    ['sign-in', '/console/'],
    ['subjects', '/console/subjects?type=agency'],
    ['subject', `/console/subjects/civil-servant/${servantId}`],
    ['verdict', `/console/verdicts/${verdictId}`],
    ['rules', '/console/rules'],
    ['sweeps', '/console/sweeps'],
    ['audit', '/console/audit'],
  ];
  const problems: string[] = [];
  for (const lang of ['zh', 'en'] as const) {
    await page.goto(`${origin}/console/`);
    await page.evaluate((l) => localStorage.setItem('chengxin.lang', l), lang);
    for (const [name, url] of pages) {
      await page.goto(origin + url);
      await page.waitForFunction(() => !document.querySelector('.loading'));
      expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);
      for (const v of await seriousViolations(page)) problems.push(`${name} (${lang}): ${v.impact} ${v.id} ${v.help} at ${v.nodes.join(', ')}`);
      await screenshot(page, `${name}-${lang}`);
    }
  }
  expect(problems).toEqual([]);

  // Keyboard: the skip link is the first stop and leads to the content; the navigation follows.
  await page.goto(`${origin}/console/rules`);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('nav') !== null)).toBe(true);

  expect(foreign).toEqual([]);
  expect(requests.every((url) => url.startsWith(`${origin}/`))).toBe(true);
  await context.close();
}, 180_000);

test('the first page stays within 250 KB of gzipped JavaScript; an unknown console path still opens the console', async () => {
  const { page, context } = await openSession(browser, origin);
  const bytes = await gzippedScriptBytes(page, () => page.goto(`${origin}/console/`, { waitUntil: 'networkidle' }));
  console.log(`first page JavaScript: ${(bytes / 1024).toFixed(1)} KB gzipped`);
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThanOrEqual(250 * 1024);

  await page.goto(`${origin}/console/no/such/page`);
  await page.getByRole('heading', { name: '页面不存在' }).waitFor();
  const missing = await fetch(`${origin}/console/assets/missing.js`);
  expect(missing.status).toBe(404);
  await context.close();
});

test('GraphiQL runs a query with nothing from outside the server; a browser opening /graphql is sent to it', async () => {
  const { page, foreign, context } = await openSession(browser, origin);
  await page.goto(`${origin}/graphql`);
  await page.waitForURL(`${origin}/graphiql/`);
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.result-window').getByText('"version"').waitFor();
  expect(await page.locator('.result-window').textContent()).toContain('PROMOTION');
  await screenshot(page, 'graphiql');
  expect(foreign).toEqual([]);
  await context.close();
});
