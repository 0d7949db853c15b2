import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, token, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Attack: reading /readyz (and ruleSet.errors) from outside to learn what the rules folder holds:
 * while a rule file is being edited, its errors name the file, the line and what is wrong. The
 * public gets only ready / not ready (the status code and {"status"}); the details go to a caller
 * on this machine (loopback, not relayed by a proxy) or with an ADMIN token, and ruleSet.errors to
 * OFFICER, INSPECTOR and ADMIN. Through the real server over HTTP.
 */
const SHIPPED = path.resolve(__dirname, '../../rules');
const RULE = 'agency/honour-disqualify.json';
const rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-readyz-'));
cpSync(SHIPPED, rulesDir, { recursive: true });
const original = readFileSync(path.join(rulesDir, RULE), 'utf8');

let server: TestServer;
let readyz: string;
beforeAll(async () => {
  server = await startTestServer({ rulesDir });
  readyz = server.url.replace(/\/graphql$/, '/readyz');
  // A slip in a rule file, taken in by a reload: the last good set keeps serving, degraded.
  writeFileSync(path.join(rulesDir, RULE), original.replace('"priority"', '"priority":: '));
  const reload = await server.ok(graphql(`mutation { reloadRules { errors { file } } }`));
  expect(reload.reloadRules.errors).toEqual([expect.objectContaining({ file: RULE })]);
});
afterAll(async () => {
  await server.stop();
  rmSync(rulesDir, { recursive: true, force: true });
});

/** A caller behind a proxy: not this machine, whatever the socket says. */
const relayed = { 'x-forwarded-for': '203.0.113.7' };

describe('/readyz', () => {
  it('answers the public ready or not, and nothing else: no version, no rule errors, no file names', async () => {
    for (const headers of [relayed, { ...relayed, authorization: `Bearer ${await token('OFFICER', 'wang.fang')}` }, { ...relayed, authorization: 'Bearer forged' }]) {
      const response = await fetch(readyz, { headers });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ status: 'ready' });
      expect(text).not.toMatch(/honour|priority|sha256|degraded/);
    }
  });

  it('gives the operator the details: on this machine, or with an ADMIN token from anywhere', async () => {
    for (const headers of [{}, { ...relayed, authorization: `Bearer ${await token('ADMIN', 'ops')}` }]) {
      const response = await fetch(readyz, { headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'degraded',
        database: 'reachable',
        ruleSet: expect.stringMatching(/^sha256:/),
        rules: { state: 'degraded', errors: 1, problems: [expect.objectContaining({ file: RULE, line: expect.any(Number) })] },
      });
    }
  });
});

describe('ruleSet.errors', () => {
  it('is empty for the public, a display and a clerk, and lists the located errors for an officer, an inspector and an admin', async () => {
    const QUERY = graphql(`{ ruleSet { version errors { file line } } }`);
    for (const role of ['PUBLIC', 'DISPLAY', 'CLERK'] as const) {
      const result = await server.query(QUERY, undefined, { role });
      expect(result.errors).toBeUndefined();
      expect(result.data!.ruleSet.errors).toEqual([]);
    }
    for (const role of ['OFFICER', 'INSPECTOR', 'ADMIN'] as const) {
      expect((await server.ok(QUERY, undefined, { role })).ruleSet.errors).toEqual([{ file: RULE, line: expect.any(Number) }]);
    }
  });
});
