import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAgency, createCivilServant, createRecord } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';
import { withCondition, withSyntaxError } from '../support/rule-files';

const RULE = 'civil-servant/award-restrict.json';
const RULE_SET = graphql(`{ ruleSet { version loadedAt errors { file line column zh en } } }`);
const EVALUATE = graphql(`mutation ($id: ID!) { evaluate(subject: { type: CIVIL_SERVANT, id: $id }, matter: "AWARD") { outcome ruleSetVersion } }`);

let server: TestServer;
let rulesDir: string;
let original: string;
let servantId: string;

async function ruleSet() {
  return (await server.ok(RULE_SET)).ruleSet;
}

/** The rule set once the watched folder's change has been taken in: asks the server until `test` holds (10 s at most). */
async function reloaded(test: (rs: any) => boolean) {
  for (let i = 0; i < 100; i++) {
    const rs = await ruleSet();
    if (test(rs)) return rs;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the rules were not reloaded within 10 seconds');
}

const write = (text: string) => writeFileSync(path.join(rulesDir, RULE), text);
const evaluate = async () => (await server.ok(EVALUATE, { id: servantId })).evaluate;

beforeAll(async () => {
  rulesDir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-reload-'));
  cpSync(path.resolve(__dirname, '../../rules'), rulesDir, { recursive: true });
  original = readFileSync(path.join(rulesDir, RULE), 'utf8');
  server = await startTestServer({ rulesDir, watchRules: true });
  servantId = await createCivilServant(server, await createAgency(server));
  await createRecord(server, 'CIVIL_SERVANT', servantId, { occurredOn: '2025-03-01', recordedOn: '2025-03-20' });
});
afterAll(async () => {
  await server.stop();
  rmSync(rulesDir, { recursive: true, force: true });
});

describe('editing the rules under a running server', () => {
  it('a valid change is swapped in and decides the next verdict; a broken one changes nothing but ruleSet.errors', async () => {
    const before = await ruleSet();
    expect(await evaluate()).toEqual({ outcome: 'RESTRICTED', ruleSetVersion: before.version });

    // Tighten the threshold: two unrepaired records are now needed (the one record is still weighed: cs-award-caution).
    write(withCondition(original, '$.governmentDishonesty.unrepaired', { value: 2 }));
    const tightened = await reloaded((rs) => rs.version !== before.version);
    expect(tightened.errors).toEqual([]);
    expect(await evaluate()).toEqual({ outcome: 'CAUTION', ruleSetVersion: tightened.version });

    // A trailing comma: the last good set keeps serving, the error is located.
    write(withSyntaxError(original));
    const broken = await reloaded((rs) => rs.errors.length > 0);
    expect(broken.version).toBe(tightened.version);
    expect(broken.errors[0]).toMatchObject({ file: RULE, line: expect.any(Number), en: expect.stringContaining('JSON syntax error') });
    expect(await evaluate()).toEqual({ outcome: 'CAUTION', ruleSetVersion: tightened.version });

    // Mended: back to the original rules, and their version.
    write(original);
    const mended = await reloaded((rs) => rs.errors.length === 0 && rs.version !== tightened.version);
    expect(mended.version).toBe(before.version);
  });

  it('reloadRules does the same on demand', async () => {
    await server.app.reloader.close(); // no watcher: only the mutation reloads now
    write(withSyntaxError(original));
    const result = await server.ok(graphql(`mutation { reloadRules { version errors { file en } } }`));
    expect(result.reloadRules.errors).toEqual([expect.objectContaining({ file: RULE })]);
    write(original);
    const mended = await server.ok(graphql(`mutation { reloadRules { version errors { file } } }`));
    expect(mended.reloadRules.errors).toEqual([]);
  });

  it('evaluations under way during a swap finish on the set they started with', async () => {
    const before = (await ruleSet()).version;
    const tightened = withCondition(original, '$.governmentDishonesty.unrepaired', { value: 2 });
    const evaluateNow = () => server.query(EVALUATE, { id: servantId }).then((r) => r.data!.evaluate);
    const first = evaluateNow();
    const underWay = Array.from({ length: 20 }, evaluateNow);
    await first; // the swap comes while the others are still being evaluated
    write(tightened);
    await server.app.reloader.reload('request');
    const after = (await ruleSet()).version;
    const later = await Promise.all(Array.from({ length: 5 }, evaluateNow));
    expect(after).not.toBe(before);
    expect(await first).toEqual({ outcome: 'RESTRICTED', ruleSetVersion: before });
    // Each verdict is wholly of one set: the old set restricts, the new one does not.
    for (const verdict of await Promise.all(underWay)) {
      expect(verdict).toEqual(verdict.ruleSetVersion === before ? { outcome: 'RESTRICTED', ruleSetVersion: before } : { outcome: 'CAUTION', ruleSetVersion: after });
    }
    expect(later).toEqual(Array(5).fill({ outcome: 'CAUTION', ruleSetVersion: after }));
    write(original);
    await server.app.reloader.reload('request');
  });
});
