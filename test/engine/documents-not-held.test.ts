import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectFolderLaw } from '../../src/engine/law-check';

/**
 * lawyer20 R4: 三(七) cites 《湖北省社会信用信息管理条例》, whose text Chengxin does not hold. It is named in
 * rules/documents/ with `textHeld: false`; a quote from it is refused (nothing to verify it against), and
 * `rules coverage` shows the clause that refers to it and what that leaves unchecked.
 */
const SHIPPED = path.resolve(__dirname, '../../rules');
const REGULATION = '湖北省社会信用信息管理条例';
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(edit?: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-not-held-'));
  dirs.push(dir);
  for (const part of ['matters.json', 'documents', 'catalogue', 'schemas']) cpSync(path.join(SHIPPED, part), path.join(dir, part), { recursive: true });
  for (const sub of ['agency', 'civil-servant', 'enterprise']) mkdirSync(path.join(dir, sub));
  edit?.(dir);
  return dir;
}

const rule = {
  $schema: '../schemas/rule.schema.json',
  id: 'cs-quotes-regulation',
  title: { zh: '引用未收入原文的条例', en: 'Quotes a regulation whose text is not held' },
  subjectType: 'CIVIL_SERVANT',
  matters: ['AWARD'],
  basis: [{ document: REGULATION, clause: '第一条', quote: '为了规范社会信用信息管理' }],
  effective: { from: '2018-12-26', to: null },
  conditions: { all: [{ fact: 'subject', path: '$.credit.unrepaired', operator: 'greaterThanInclusive', value: 1 }] },
  event: { type: 'CAUTION', params: { measure: { zh: '提示关注', en: 'caution' } } },
  explanation: { zh: '说明', en: 'explanation' },
};

describe('a document named but whose text is not held', () => {
  it('is shipped as such, with no clauses and no catalogue, and the shipped law check passes', () => {
    const shipped = JSON.parse(readFileSync(path.join(SHIPPED, 'documents/hubei-social-credit-regulation.json'), 'utf8'));
    expect(shipped).toMatchObject({ number: REGULATION, textHeld: false });
    expect(shipped.clauses).toBeUndefined();
    expect(inspectFolderLaw(folder()).problems).toEqual([]);
  });

  it('rules check refuses a quote from it, at basis[0].quote, saying its text must be added first (zh + en)', () => {
    const dir = folder((d) => writeFileSync(path.join(d, 'civil-servant/cs-quotes-regulation.json'), `${JSON.stringify(rule, null, 2)}\n`));
    const problems = inspectFolderLaw(dir).problems.filter((p) => p.file.endsWith('cs-quotes-regulation.json'));
    const quote = problems.find((p) => p.zh.includes('的原文未收入 rules/documents/'));
    expect(quote).toBeDefined();
    expect(quote!.line).toBe(JSON.stringify(rule, null, 2).split('\n').findIndex((l) => l.includes('"quote"')) + 1);
    expect(quote!.zh).toContain('引文无从核对，不能作为依据。请先将其原文按条款加入 documents/hubei-social-credit-regulation.json');
    expect(quote!.en).toContain('there is nothing to verify the quote against, so it cannot be a basis. Add its text first');
  });

  it('rules coverage shows 三(七) referring to it, that its text is not held, and what is left unchecked (the R8 local choice)', () => {
    const { coverage } = inspectFolderLaw(folder());
    expect(coverage.map((d) => d.document)).toEqual(['鄂州政发〔2018〕17号']);
    const clause = coverage[0].clauses.find((c) => c.clause === '三(七)')!;
    expect(clause.refersTo).toEqual([expect.objectContaining({ document: REGULATION, textHeld: false })]);
    expect(clause.refersTo[0].leavesUnchecked.zh).toContain('公示期届满不终止计入');
    expect(clause.refersTo[0].leavesUnchecked.en).toContain('measures continuing after disclosure ends');
  });

  it('a clause referring to a document rules/documents/ does not name is refused in the catalogue', () => {
    const dir = folder((d) => {
      const file = path.join(d, 'catalogue/ezhou-zhengfa-2018-17.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(`"document": "${REGULATION}"`, '"document": "湖北省某某条例"'));
    });
    const problems = inspectFolderLaw(dir).problems.filter((p) => p.file.startsWith('catalogue/'));
    expect(problems).toEqual([expect.objectContaining({ zh: expect.stringContaining('rules/documents/ 中没有文件 "湖北省某某条例"'), en: expect.stringContaining('name it only (textHeld: false, with notHeld)') })]);
  });
});
