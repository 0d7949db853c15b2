import type { Browser } from 'playwright-core';
import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, token, type TestServer } from '../support/test-server';
import { launchBrowser, openSession } from './support/browser';

// Run in the browser (the project's type-check has Node's library, not the DOM's).
declare const sessionStorage: any, history: any;

/**
 * The console's subject search put the name searched for in the URL (/console/subjects?q=欧阳明远),
 * so the browser's history kept whom a user looked up, and offered it to the next user of a shared
 * computer long after signing out. The search now stays in the page and the tab's sessionStorage:
 * no URL the console visits holds it; coming back from a subject shows it again; signing out forgets
 * it; a link of the old form is taken into the page and its URL replaced.
 */
let server: TestServer;
let origin: string;
let browser: Browser;
let servantId: string;
const NAME = '司马昭然';

beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
  const agencyId = await createAgency(server);
  servantId = await createCivilServant(server, agencyId, { name: NAME });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const searchKeys = (): string[] => Object.keys(sessionStorage).filter((key) => key.startsWith('chengxin.search:'));

test('a name searched for is in no URL of the tab, is there again on coming back, and is forgotten on signing out', async () => {
  const { page, context } = await openSession(browser, origin, { token: await token('CLERK', 'wang.hr') });
  // Every URL the tab shows, pushed or replaced by the console's router as much as loaded.
  const urls: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(decodeURIComponent(frame.url()));
  });
  await page.goto(`${origin}/console/subjects`);
  await page.getByLabel('名称包含').fill(NAME);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: NAME }).click();
  await page.waitForURL(`${origin}/console/subjects/civil-servant/${servantId}`);

  await page.goBack();
  await page.getByRole('link', { name: NAME }).waitFor();
  expect(await page.getByLabel('名称包含').inputValue()).toBe(NAME);
  urls.push(decodeURIComponent(page.url()));
  expect(urls.length).toBeGreaterThanOrEqual(3);
  expect(urls.filter((url) => url.includes(NAME) || url.includes('q='))).toEqual([]);

  await page.getByRole('button', { name: '退出 Sign out' }).click();
  expect(await page.evaluate(searchKeys)).toEqual([]);
  await context.close();
});

test('a link of the old form (?q=…) shows its search, and its URL is replaced by one without the name', async () => {
  const { page, context } = await openSession(browser, origin, { token: await token('CLERK', 'wang.hr') });
  await page.goto(`${origin}/console/`);
  const entries = await page.evaluate(() => history.length);
  await page.goto(`${origin}/console/subjects?type=civil-servant&q=${encodeURIComponent(NAME)}`);
  await page.getByRole('link', { name: NAME }).waitFor();
  await page.waitForURL(`${origin}/console/subjects?type=civil-servant`);
  // Replaced, not pushed: no entry of the history holds the name.
  expect(await page.evaluate(() => history.length)).toBe(entries + 1);
  await page.goBack();
  await page.waitForURL(`${origin}/console/`);
  expect(decodeURIComponent(page.url())).not.toContain(NAME);
  await context.close();
});
