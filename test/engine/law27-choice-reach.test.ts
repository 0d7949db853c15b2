import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runNode } from '../support/run-command';

/**
 * law27 (issue 11, lawyer24 R8): a rule rests on a local choice also when a fact its condition reads was
 * counted with the choice's parameter in the facts query (`findingsCountWhileDisputed` passed to `review:`
 * and `commitmentFacts:`), found as provisional.ts finds it (factsReach). Such a rule, left off the
 * choice's list, is warned of at the rule; the shipped lists name every one.
 */
const SHIPPED = path.resolve(__dirname, '../../rules');
const CHOICES = 'catalogue/ezhou-zhengfa-2018-17.local-choices.json';
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyWithout(clause: string, index: number, rule: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-law27-'));
  dirs.push(dir);
  cpSync(SHIPPED, dir, { recursive: true });
  const file = path.join(dir, CHOICES);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const choice = json.clauses.find((c: { clause: string }) => c.clause === clause).localChoices[index];
  expect(choice.rules).toContain(rule);
  choice.rules = choice.rules.filter((id: string) => id !== rule);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return dir;
}
const check = (dir: string) => runNode(['bin/chengxin.js', 'rules', 'check', dir], process.env);

describe('law27 R8: a local choice reaches the rules through the facts query', () => {
  it('passes the shipped rules with no warning', async () => {
    const { status, stdout } = await check(SHIPPED);
    expect(status).toBe(0);
    expect(stdout).toContain('0 个警告 / warning(s)');
  });

  it('warns of a rule reading review counts (findingsCountWhileDisputed passed to the query) left off 三(七)#1', async () => {
    // ag-integrity-title-caution never names the parameter: only the query's commitmentFacts(disputedFindingsCount:) does.
    const rule = JSON.parse(readFileSync(path.join(SHIPPED, 'agency/integrity-title-caution.json'), 'utf8'));
    expect(JSON.stringify(rule)).not.toContain('findingsCountWhileDisputed');
    const { status, stdout } = await check(copyWithout('三(七)', 0, 'ag-integrity-title-caution'));
    expect(status).toBe(0);
    expect(stdout).toContain('agency/integrity-title-caution.json');
    expect(stdout).toContain('规则 ag-integrity-title-caution 读取参数 findingsCountWhileDisputed，而列出该参数的 三(七) 本地选择');
    expect(stdout).toContain('1 个警告 / warning(s)');
  });

  it('warns of a caution counting records under countsFor left off 三(七)#5 (the end of disclosure does not end counting)', async () => {
    const { stdout } = await check(copyWithout('三(七)', 4, 'cs-promotion-caution'));
    expect(stdout).toContain('规则 cs-promotion-caution 读取参数 countsFor，而列出该参数的 三(七) 本地选择');
    expect(stdout).toContain('1 个警告 / warning(s)');
  });
});
