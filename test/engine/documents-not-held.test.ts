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

/**
 * lawyer23 N2, N4, N5 (law25): where the rules and texts state the minor tier, the serious list's term and who keeps
 * that list, they say what is held and what is not. The measures governing the 严重违法失信名单 are named with
 * `textHeld: false`, as the Hubei regulation is; the readings resting on them say they are unverified.
 */
describe('what is held and what is not about the minor tier and the serious list (lawyer23 N2, N4, N5)', () => {
  const read = (file: string) => readFileSync(path.join(SHIPPED, file), 'utf8');
  it('the serious list\'s measures are named, their text not held, and the law check passes', () => {
    const shipped = JSON.parse(read('documents/samr-serious-illegal-list-measures.json'));
    expect(shipped).toMatchObject({ number: '市场监督管理严重违法失信名单管理办法', textHeld: false });
    expect(shipped.clauses).toBeUndefined();
    expect(shipped.source.zh).toContain('是否规定列入期限或期满移出');
    expect(inspectFolderLaw(folder()).problems).toEqual([]);
  });
  it('四(一)\'s reading says who keeps the list is this system\'s reading, unverified', () => {
    const catalogue = JSON.parse(read('catalogue/ezhou-zhengfa-2018-17.json')) as { clauses: { clause: string; measures?: { effect: string; reading: { zh: string; en: string } }[] }[] };
    const bar = catalogue.clauses.find((c) => c.clause === '四(一)')!.measures!.find((m) => m.effect === 'RESTRICT')!;
    expect(bar.reading.zh).toContain('这是本系统的理解，本文件没有说明由谁列入');
    expect(bar.reading.zh).toContain('列入和移出机关、是否有法定列入期限均未据原文核对');
    expect(bar.reading.en).toContain("this system's reading, since the document does not say who lists");
  });
  it('the minor tier is marked unverified where the counting periods are described', () => {
    expect(read('README.md')).toContain("the minor\n  tier's 3 months is the least certain of them (lawyer23 N2: unverified)");
    expect(read('README.md')).toContain('其中轻微档的3个月最无把握，未经核对');
    const parameters = JSON.parse(read('parameters/2018-12-26.json'));
    expect(parameters.values.countsFor.source.note.zh).toContain('其中轻微档（最长3个月）是否为国家分档、上限是否为3个月，尤其未经核对');
  });
});
