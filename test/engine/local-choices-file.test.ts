import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectFolderLaw } from '../../src/engine/law-check';
import { RULE_LIMITS } from '../../src/engine/rule-limits';

/**
 * A catalogue's local choices live beside it (catalogue/<name>.local-choices.json) so neither file
 * nears the size limit; readers see them on the catalogue's clauses as before, and a fault in the
 * file is located in it, with its line.
 */
const RULES = path.resolve(__dirname, '../../rules');
const CATALOGUE = 'catalogue/ezhou-zhengfa-2018-17.json';
const CHOICES = 'catalogue/ezhou-zhengfa-2018-17.local-choices.json';
const read = (file: string) => readFileSync(path.join(RULES, file), 'utf8');
const lineOf = (text: string, words: string) => text.slice(0, text.indexOf(words)).split('\n').length;

/** The law check of a copy of the shipped rules with `change` made to it. */
function inspectChanged(change: (dir: string) => void) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-local-choices-'));
  try {
    cpSync(RULES, dir, { recursive: true });
    change(dir);
    return inspectFolderLaw(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('local choices in their own file beside the catalogue', () => {
  it('both files are well within the size limit, and the catalogue\'s clauses carry the choices as before', () => {
    for (const file of [CATALOGUE, CHOICES]) expect(Buffer.byteLength(read(file))).toBeLessThan(RULE_LIMITS.fileBytes - 8 * 1024);
    expect(read(CATALOGUE)).not.toContain('"localChoices"');
    const { problems, library } = inspectFolderLaw(RULES);
    expect(problems).toEqual([]);
    const [catalogue] = library.catalogues;
    expect(catalogue.clauses.filter((c) => c.localChoices?.length).map((c) => [c.clause, c.localChoices!.length])).toEqual([
      // lawyer21 added N2 (三(五)), R2, R3 (三(六)), R5 (三(七)), R1, R6 (四(一), beside lawyer20 R1's) and R4 (四(四)).
      // lawyer23 R1 added 三(四)#3 (trustworthy records before 2018-12-26), R2 四(四)#2 (a weighing is no 惩戒措施).
      // lawyer24 R4 added 四(一)#4 (the serious list read as the market regulator's).
      ['三(四)', 3], ['三(五)', 3], ['三(六)', 6], ['三(七)', 6], ['三(八)', 2], ['四(一)', 4], ['四(四)', 2], ['四(五)', 2],
    ]);
  });

  it('a clause the catalogue does not list, or one listed twice, is refused at its line in the local-choices file', () => {
    let text = '';
    const { problems } = inspectChanged((dir) => {
      text = read(CHOICES).replace('"clause": "三(八)"', '"clause": "三(九)"').replace('"clause": "四(五)"', '"clause": "三(四)"');
      writeFileSync(path.join(dir, CHOICES), text);
    });
    const secondListing = text.slice(0, text.lastIndexOf('"clause": "三(四)"')).split('\n').length;
    expect(problems.map((p) => [p.file, p.line, p.zh])).toEqual([
      [CHOICES, lineOf(text, '"clause": "三(九)"'), expect.stringContaining('中没有条款 三(九)')],
      [CHOICES, secondListing, expect.stringContaining('条款 三(四) 重复列出')],
    ]);
    expect(problems[0].en).toContain('lists no clause 三(九)');
  });

  it('a file for a document without a catalogue is refused at its document; a schema fault is located as in any file', () => {
    let text = '';
    const { problems } = inspectChanged((dir) => {
      text = read(CHOICES).replace('"document": "鄂州政发〔2018〕17号"', '"document": "鄂州政发〔2019〕1号"').replace('"status": "PROPOSED"', '"status": "PENDING"');
      writeFileSync(path.join(dir, CHOICES), text);
    });
    expect(problems).toEqual([
      expect.objectContaining({ file: CHOICES, line: lineOf(text, '"status": "PENDING"'), en: expect.stringContaining('must be one of PROPOSED, DECIDED') }),
    ]);
    const noDocument = inspectChanged((dir) => writeFileSync(path.join(dir, CHOICES), read(CHOICES).replace('"document": "鄂州政发〔2018〕17号"', '"document": "鄂州政发〔2019〕1号"')));
    expect(noDocument.problems).toEqual([expect.objectContaining({ file: CHOICES, line: 3, en: expect.stringContaining('rules/catalogue/ has no catalogue of 鄂州政发〔2019〕1号') })]);
  });

  it('local choices written in the catalogue itself are refused there, saying which file they go in, and the rest of the catalogue still counts', () => {
    let text = '';
    const { problems } = inspectChanged((dir) => {
      const catalogue = JSON.parse(read(CATALOGUE)) as { clauses: { clause: string; localChoices?: unknown[] }[] };
      catalogue.clauses.find((c) => c.clause === '三(八)')!.localChoices = [];
      text = `${JSON.stringify(catalogue, null, 2)}\n`;
      writeFileSync(path.join(dir, CATALOGUE), text);
    });
    expect(problems).toEqual([
      expect.objectContaining({ file: CATALOGUE, line: lineOf(text, '"localChoices"'), zh: expect.stringContaining(`请移至 ${CHOICES}`), en: expect.stringContaining(`move them to ${CHOICES}`) }),
    ]);
  });
});
