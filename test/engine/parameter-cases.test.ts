import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, runNode } from '../support/run-command';

/**
 * A policy officer shortens how long a general record counts, in a new dated parameters file,
 * and writes the case that says so: `rules test` runs it with the file in force on its day.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const SHIPPED = path.join(root, 'rules');
const CASE = {
  name: '自2026-12-01起一般失信记录计入六个月 / from 2026-12-01 a general record counts for six months',
  on: '2027-01-10',
  record: { severity: 'GENERAL', decidedOn: '2026-07-01' },
  counts: false,
};

/** A copy of the shipped rules with a parameters file from 2026-12-01 whose general period is `general`, holding CASE. */
function withNewParameters(general: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-period-cases-'));
  dirs.push(dir);
  cpSync(SHIPPED, dir, { recursive: true });
  const file = JSON.parse(readFileSync(path.join(SHIPPED, 'parameters/2018-12-26.json'), 'utf8'));
  file.effectiveFrom = '2026-12-01';
  file.values.countsFor.value.general = general;
  file.cases = [CASE];
  writeFileSync(path.join(dir, 'parameters/2026-12-01.json'), JSON.stringify(file, null, 2));
  return dir;
}

const rulesTest = (dir: string) => runNode(['bin/chengxin.js', 'rules', 'test', dir], process.env);

describe('period cases of a parameters file', () => {
  it('pass with the change: the new file in force on the case day says six months', async () => {
    const result = await rulesTest(withNewParameters('P6M'));
    expect(result.stdout).toContain(`✓ rules/parameters/2026-12-01.json: ${CASE.name}  (2027-01-10, rules/parameters/2026-12-01.json)`);
    expect(result.stdout).toMatch(/\n\d+ passed, 0 failed/);
    expect(result.status).toBe(0);
  });

  it('fail without it, saying what was expected and what the periods in force give', async () => {
    const result = await rulesTest(withNewParameters('P1Y'));
    expect(result.stdout).toContain(`✗ rules/parameters/2026-12-01.json: ${CASE.name}`);
    expect(result.stdout).toContain('- 期望 expected: 不计入 does not count');
    expect(result.stdout).toContain('+ 实际 actual:   计入 counts');
    expect(result.stdout).toMatch(/\n\d+ passed, 1 failed/);
    expect(result.status).toBe(1);
  });

  it('of the shipped file pin the tiers: a severe record counts three years, not five', async () => {
    const result = await rulesTest(SHIPPED);
    expect(result.stdout).toContain('✓ rules/parameters/2018-12-26.json: 严重失信记录满三年（周年日起）不再计入，不是五年');
    expect(result.status).toBe(0);
  });
});
