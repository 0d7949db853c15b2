import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runNode } from '../support/run-command';

/**
 * `chengxin rules check` and `rules coverage` as a policy officer runs them, on a copy of the
 * shipped folder whose rule files are replaced by a few of the officer's own.
 */
const SHIPPED = path.resolve(__dirname, '../../rules');
let dir: string;

function rule(id: string, folder: string, fields: Record<string, unknown>): void {
  const base = {
    $schema: '../schemas/rule.schema.json',
    id,
    title: { zh: id, en: id },
    effective: { from: '2018-12-17', to: null },
    conditions: { all: [{ fact: 'subject', path: '$.credit.unrepaired', operator: 'greaterThanInclusive', value: 1 }] },
    explanation: { zh: '说明', en: 'explanation' },
  };
  writeFileSync(path.join(dir, folder, `${id}.json`), `${JSON.stringify({ ...base, ...fields }, null, 2)}\n`);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-law-cli-'));
  cpSync(SHIPPED, dir, { recursive: true });
  for (const folder of ['agency', 'civil-servant', 'enterprise']) for (const file of readdirSync(path.join(dir, folder))) rmSync(path.join(dir, folder, file));
  const measure = { zh: '措施', en: 'measure' };
  rule('cs-award', 'civil-servant', {
    subjectType: 'CIVIL_SERVANT',
    matters: ['AWARD'],
    basis: [{ document: '鄂州政发〔2018〕17号', clause: '三(六)', quote: '对存在政务失信记录的公务员，按照相关规定采取限制评优评先等措施。' }],
    event: { type: 'RESTRICT', params: { measure } },
  });
  rule('ag-repair', 'agency', {
    subjectType: 'AGENCY',
    matters: ['HONOUR'],
    basis: [{ document: '鄂州政发〔2018〕17号', clause: '三(七)', quote: '公务员在政务失信行为发生后主动挽回损失、消除不良影响或者有效阻止危害结果发生的，可从轻或免于实施失信惩戒措施。' }],
    event: { type: 'CAUTION', params: { measure, mitigation: true } },
  });
  rule('ag-misquote', 'agency', {
    subjectType: 'AGENCY',
    matters: ['HONOUR'],
    basis: [{ document: '鄂州政发〔2018〕17号', clause: '三(六)', quote: '依规取消相关政府部门参加荣誉评选资格' }],
    event: { type: 'DISQUALIFY', params: { measure } },
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chengxin = (...args: string[]) => runNode(['bin/chengxin.js', 'rules', ...args], process.env);

describe('npx chengxin rules check', () => {
  it('refuses an unauthorised measure and a misquote, with file, line, the clause\'s own words and the closest passage', async () => {
    const { status, stdout } = await chengxin('check', dir);
    expect(status).toBe(1);
    const text = readFileSync(path.join(dir, 'agency/ag-repair.json'), 'utf8');
    const line = text.slice(0, text.indexOf('"type": "CAUTION"')).split('\n').length;
    expect(stdout).toContain(`错误 error   agency/ag-repair.json:${line}:`);
    expect(stdout).toContain('三(七) 原文“公务员在政务失信行为发生后主动挽回损失、消除不良影响或者有效阻止危害结果发生的,可从轻或免于实施失信惩戒措施”只涉及公务员');
    expect(stdout).toMatch(/错误 error {3}agency\/ag-misquote\.json:\d+:\d+ 引文与 鄂州政发〔2018〕17号 三\(六\) 原文不符：“依规取消相关政府部门参加荣誉评选资格”不在该条款中；最接近的原文为“依规取消相关政府部门参加各类荣誉评选资格/);
    // cs-award is authorised: no error. lawyer24 R8: it counts $.credit.unrepaired, which the facts query counted with
    // countsFor, so it is warned of as resting on 三(七)'s choice on countsFor without being named by it.
    expect(stdout).not.toContain('错误 error   civil-servant/cs-award.json');
    expect(stdout).toContain('警告 warning civil-servant/cs-award.json');
    expect(stdout).toContain('规则 cs-award 读取参数 countsFor，而列出该参数的 三(七) 本地选择');
  });
});

describe('npx chengxin rules coverage', () => {
  it('lists every clause of the document: decision clauses with the rules that implement them or no rule, the others with the catalogue\'s reason', async () => {
    const { status, stdout } = await chengxin('coverage', dir);
    expect(status).toBe(0);
    const document = JSON.parse(readFileSync(path.join(dir, 'documents/ezhou-zhengfa-2018-17.json'), 'utf8'));
    for (const clause of document.clauses.filter((c: { text?: string }) => c.text)) expect(stdout).toMatch(new RegExp(`^${clause.id.replace(/[()]/g, '\\$&')} `, 'm'));
    expect(stdout).toContain('三(六) 健全政务失信惩戒机制 — 授权措施 authorises');
    expect(stdout).toMatch(/CIVIL_SERVANT · AWARD · 至多 at most RESTRICT {2}“对存在政务失信记录的公务员,按照相关规定采取限制评优评先等措施”\n {6}✓ cs-award \(RESTRICT; AWARD\)/);
    expect(stdout).toMatch(/ENTERPRISE · PROCUREMENT, BIDDING · 至多 at most RESTRICT {2}“依法限制[^\n]*\n {6}✗ 尚无规则，清单未说明理由 \/ no rule yet/);
    expect(stdout).toContain('五(三) 强化督查考核 — 不纳入模型 not modelled\n    理由 reason: 督查考核');
    expect(stdout).toContain('二 工作目标 — 不作决定 decides nothing');
    expect(stdout).toContain('! 引用但未获授权 cited without authority: ag-repair');
  });

  it('gives the same as JSON', async () => {
    const { status, stdout } = await chengxin('coverage', dir, '--json');
    expect(status).toBe(0);
    const { documents } = JSON.parse(stdout);
    const clauses = documents[0].clauses as { clause: string; status: string; reason: unknown; measures: { effect: string; rules: { id: string }[] }[] }[];
    expect(clauses.filter((c) => c.status === 'AUTHORISES').map((c) => c.clause)).toEqual(['三(四)', '三(五)', '三(六)', '三(七)', '三(八)', '四(一)', '四(四)', '四(五)']);
    expect(clauses.filter((c) => c.status !== 'AUTHORISES').every((c) => c.reason)).toBe(true);
    expect(clauses.find((c) => c.clause === '三(六)')!.measures.find((m) => m.effect === 'RESTRICT')!.rules.map((r) => r.id)).toEqual(['cs-award']);
  });
});
