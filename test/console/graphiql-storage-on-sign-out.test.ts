import type { Browser } from 'playwright-core';
import { startTestServer, token, type TestServer } from '../support/test-server';
import { launchBrowser, openSession } from './support/browser';

// Run in the browser (the project's type-check has Node's library, not the DOM's).
declare const localStorage: any, sessionStorage: any;

/**
 * An earlier hostile pass: GraphiQL kept its editors and last responses in localStorage, so what a
 * signed-in user read there (a civil servant's ID-card number, say) outlived signing out and
 * greeted the next user of a shared computer. Now GraphiQL keeps them in the tab's sessionStorage
 * and the console forgets them when its user signs out.
 */
let server: TestServer;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  origin = new URL(server.url).origin;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** GraphiQL's keys in one of the page's storages (passed to page.evaluate, so self-contained). */
const graphiqlKeys = (name: string): string[] =>
  Object.keys(name === 'localStorage' ? localStorage : sessionStorage).filter((key) => key.startsWith('graphiql:'));

test("what a user ran in GraphiQL stays out of localStorage and is forgotten when they sign out of the console", async () => {
  const { page, context } = await openSession(browser, origin, { token: await token('CLERK', 'wang.hr') });
  // What an earlier version left in localStorage is wiped when GraphiQL opens.
  await page.goto(`${origin}/console/`);
  await page.evaluate(() => localStorage.setItem('graphiql:tabState', '{"tabs":[{"response":"{\\"idCardNumber\\":\\"420704196511192323\\"}"}]}'));

  await page.goto(`${origin}/graphiql/`);
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.result-window').getByText('"version"').waitFor();
  await page.waitForFunction(() => Object.keys(sessionStorage).some((key) => key.startsWith('graphiql:') && sessionStorage.getItem(key).includes('version')));
  expect(await page.evaluate(graphiqlKeys, 'localStorage')).toEqual([]);

  await page.goto(`${origin}/console/`);
  await page.getByRole('button', { name: '退出 Sign out' }).click();
  // Signed out when the token is gone (a loaded run once read the storage a moment before); then nothing of GraphiQL's is left.
  await page.waitForFunction(() => sessionStorage.getItem('chengxin.token') === null);
  expect(await page.evaluate(graphiqlKeys, 'sessionStorage')).toEqual([]);
  expect(await page.evaluate(() => sessionStorage.getItem('chengxin.token'))).toBeNull();

  // The next user of this tab opens GraphiQL to its default query and no earlier response.
  await page.goto(`${origin}/graphiql/`);
  await page.locator('.graphiql-execute-button').waitFor();
  expect(await page.locator('.result-window').textContent()).not.toContain('version');
  await context.close();
});

/** The keys of a user's state the console forgets on sign-out (passed to page.evaluate, so self-contained). */
const userStateKeys = (): string[] => Object.keys(sessionStorage).filter((key) => key.startsWith('graphiql:') || key.startsWith('chengxin.search:'));

test('hostile21 F8: signing out after GraphiQL leaves no graphiql: or chengxin.search: key, whatever order Chromium lists them in', async () => {
  const { page, context } = await openSession(browser, origin, { token: await token('INSPECTOR', 'f8.inspector') });
  // The old loop removed while walking sessionStorage.key(i), whose order Chromium reshuffles on a
  // removal: graphiql:tabState (the last query and its variables) survived most sign-outs. A few
  // rounds, each with GraphiQL's own keys and the console's searches beside them.
  for (let round = 0; round < 3; round += 1) {
    await page.goto(`${origin}/graphiql/`);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"version"').waitFor();
    await page.waitForFunction(() => (sessionStorage.getItem('graphiql:tabState') ?? '').includes('version'));
    await page.evaluate((n) => {
      for (let i = 0; i < 8; i += 1) sessionStorage.setItem(`chengxin.search:civil-servant-${n}-${i}`, `{"q":"何佳浩${i}"}`);
      for (let i = 0; i < 4; i += 1) sessionStorage.setItem(`graphiql:extra-${n}-${i}`, '{"variables":"{\\"id\\":\\"420704196511192323\\"}"}');
    }, round);
    expect((await page.evaluate(userStateKeys)).length).toBeGreaterThanOrEqual(13);

    await page.goto(`${origin}/console/`);
    await page.getByRole('button', { name: '退出 Sign out' }).click();
    await page.waitForFunction(() => sessionStorage.getItem('chengxin.token') === null);
    expect(await page.evaluate(userStateKeys)).toEqual([]);
  }
  await context.close();
});
