import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Functions passed to page.evaluate run in the browser; these are its globals as they use them
// (the project's type-check has Node's library, not the DOM's).
declare const document: any, window: any, sessionStorage: any, localStorage: any, performance: { getEntriesByName(name: string): { startTime: number }[] };

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SCREENSHOTS = path.join(__dirname, '..', 'screenshots');

/** Chromium as a test browser: headless, no sandbox (containers), and nothing of its own on the network. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium fonts-wqy-microhei (.ci/run does), or set CHROMIUM_PATH.`);
  if (!existsSync(path.join(__dirname, '../../../dist/console/index.html'))) throw new Error('The console is not built: run "npm run build" first.');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request the pages made, by URL. */
  requests: string[];
  /** Requests to any host but the server's: refused, and listed here for the assertion. */
  foreign: string[];
}

/**
 * A fresh browser context (its own storage) whose every request is checked: the server's origin goes
 * through, anything else is aborted and recorded, as on an intranet without internet.
 */
export async function openSession(browser: Browser, origin: string, options: { token?: string; lang?: 'zh' | 'en' } = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const requests: string[] = [];
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(
    ({ token, lang }) => {
      if (token && !sessionStorage.getItem('chengxin.token')) sessionStorage.setItem('chengxin.token', token);
      if (lang) localStorage.setItem('chengxin.lang', lang);
    },
    { token: options.token ?? null, lang: options.lang ?? null },
  );
  const page = await context.newPage();
  return { context, page, requests, foreign };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core in the page (evaluated through the debugging protocol, so the page's CSP does not apply): serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as { axe: { run(context: unknown, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The text of a PDF, through pdfjs-dist in a child process. */
export function pdfText(file: string): string {
  return execFileSync(process.execPath, [path.join(__dirname, 'pdf-text.mjs'), file], { encoding: 'utf8' });
}

/** Gzipped bytes of the JavaScript a page loaded (what goes over the wire with compression). */
export async function gzippedScriptBytes(page: Page, load: () => Promise<unknown>): Promise<number> {
  const bodies: Promise<Buffer>[] = [];
  const listener = (response: import('playwright-core').Response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  };
  page.on('response', listener);
  await load();
  page.off('response', listener);
  return (await Promise.all(bodies)).reduce((sum, body) => sum + gzipSync(body).length, 0);
}
