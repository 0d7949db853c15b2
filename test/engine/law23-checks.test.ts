import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runNode } from '../support/run-command';

/**
 * law23 (issue 11): `chengxin rules check` as a policy officer runs it, on copies of the shipped folder.
 * R1: a rule reading the repair-ended judgmentDefaulter (not the court's listing) is warned of, at its line.
 * N6: a rule resting on a local choice — reading a parameter the choice lists, or pointing to the clause's
 * local choice — must be named by it: a warning at the rule (a copy of a rule still loads, and is told to
 * join the choice it rests on).
 */
const SHIPPED = path.resolve(__dirname, '../../rules');
const CHOICES = 'catalogue/ezhou-zhengfa-2018-17.local-choices.json';
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copy(change: (read: (f: string) => string, write: (f: string, text: string) => void) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-law23-'));
  dirs.push(dir);
  cpSync(SHIPPED, dir, { recursive: true });
  change((f) => readFileSync(path.join(dir, f), 'utf8'), (f, text) => writeFileSync(path.join(dir, f), text));
  return dir;
}
const check = (dir: string) => runNode(['bin/chengxin.js', 'rules', 'check', dir], process.env);
const lineOf = (text: string, words: string) => {
  expect(text).toContain(words);
  return text.slice(0, text.indexOf(words)).split('\n').length;
};

describe('law23: what rules check says', () => {
  it('passes the shipped rules with no warning', async () => {
    const { status, stdout } = await check(SHIPPED);
    expect(status).toBe(0);
    expect(stdout).toContain('0 个警告 / warning(s)');
  });

  it('R1: warns of a bar reading listings.judgmentDefaulter (ends on a repair here) and says to read listedByCourt', async () => {
    let text = '';
    const dir = copy((read, write) => {
      text = read('enterprise/bar-defaulters.json').replace('"path": "$.listings.listedByCourt"', '"path": "$.listings.judgmentDefaulter"');
      write('enterprise/bar-defaulters.json', text);
    });
    const { status, stdout } = await check(dir);
    expect(status).toBe(0); // a warning: the draft still loads
    const line = lineOf(text, '"path": "$.listings.judgmentDefaulter"');
    expect(stdout).toContain(`警告 warning enterprise/bar-defaulters.json:${line}:`);
    expect(stdout).toContain('规则 en-bar-defaulters 读取 listings.judgmentDefaulter：该字段在名单所依记录于本系统获信用修复时即为 false');
    expect(stdout).toContain('请改读 listings.listedByCourt');
    expect(stdout).toContain('read listings.listedByCourt (the listing the court has not removed) instead');
  });

  it('R1: warns of special governance reading courtFacts.judgmentDefaulter', async () => {
    let text = '';
    const dir = copy((read, write) => {
      text = read('agency/special-governance.json').replace('"path": "$.courtFacts.listedByCourt"', '"path": "$.courtFacts.judgmentDefaulter"');
      write('agency/special-governance.json', text);
    });
    const { stdout } = await check(dir);
    expect(stdout).toContain(`警告 warning agency/special-governance.json:${lineOf(text, '"path": "$.courtFacts.judgmentDefaulter"')}:`);
    expect(stdout).toContain('请改读 courtFacts.listedByCourt');
  });

  it('N6: warns of a 三(六) choice that leaves out cs-court-listing-caution, which points to it, at the rule', async () => {
    const dir = copy((read, write) => {
      write(CHOICES, read(CHOICES).replace('"cs-promotion-caution",\n            "cs-court-listing-caution"\n', '"cs-promotion-caution"\n'));
    });
    const { status, stdout } = await check(dir);
    expect(status).toBe(0); // a warning: the folder still loads
    const rule = readFileSync(path.join(SHIPPED, 'civil-servant/court-listing-caution.json'), 'utf8');
    expect(stdout).toContain(`警告 warning civil-servant/court-listing-caution.json:${lineOf(rule, '"explanation"')}:`);
    expect(stdout).toContain('规则 cs-court-listing-caution 的说明指向 三(六) 的本地选择，而该条款的本地选择');
    expect(stdout).toContain('add cs-court-listing-caution to the rules of the choice it rests on');
  });

  it('N6: warns of a choice listing a parameter that leaves out a rule reading it', async () => {
    const dir = copy((read, write) => {
      write(CHOICES, read(CHOICES).replace('"ag-performance-government-commitments",\n            "ag-performance-kind-estimated"\n', '"ag-performance-government-commitments"\n'));
    });
    const { status, stdout } = await check(dir);
    expect(status).toBe(0); // a warning: the folder still loads
    expect(stdout).toMatch(/警告 warning agency\/performance-kind-estimated\.json:3:\d+ 规则 ag-performance-kind-estimated 读取参数 performanceBreachPoints，而列出该参数的 三\(五\) 本地选择/);
  });
});
