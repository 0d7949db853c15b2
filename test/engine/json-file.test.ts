import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { getNodeValue, parseTree } from 'jsonc-parser';
import { parseJsonFile } from '../../src/engine/json-file';
import { inspectRules } from '../../src/engine/rule-set';
import { getSchema } from '../../src/graphql/schema';
import { positionOf } from '../support/text-position';

/**
 * A rules-folder JSON file is read with JSON.parse, and parsed again with locations only when a
 * problem must name a line (src/engine/json-file.ts). What an officer sees must not change: the same
 * values as the locating parser reads, and every problem at the line and column it had.
 */
const SHIPPED = path.resolve(__dirname, '../../rules');
let schema: GraphQLSchema;
const dirs: string[] = [];

beforeAll(async () => {
  schema = await getSchema();
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The shipped rules with one file edited, as an officer's edit would leave them. */
function rulesWith(file: string, edit: (text: string) => string): { problems: ReturnType<typeof inspectRules>['problems']; edited: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chengxin-json-file-'));
  dirs.push(dir);
  cpSync(SHIPPED, dir, { recursive: true });
  const edited = edit(readFileSync(path.join(SHIPPED, file), 'utf8'));
  writeFileSync(path.join(dir, file), edited);
  return { problems: inspectRules(dir, schema).problems.filter((p) => p.file === file), edited };
}

/** Line and column of `word`, found by its content (text-position.ts). */
function placeOf(text: string, word: string): { line: number; column: number } {
  const { line, column } = positionOf(text, word);
  return { line, column };
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('a rules-folder JSON file', () => {
  it('reads as the locating parser reads it: every shipped file, and keys such as __proto__ and constructor', () => {
    const texts = jsonFiles(SHIPPED).map((file) => readFileSync(file, 'utf8'));
    texts.push('{ "__proto__": { "polluted": 1 }, "constructor": 2, "toString": { "a": [1, -0, 2.5e-3] }, "k": 1, "K": 2, "x": { "k": "k:" } }');
    expect(texts.length).toBeGreaterThan(40);
    for (const text of texts) {
      const { json, problems } = parseJsonFile('x.json', text);
      expect(problems).toEqual([]);
      // toStrictEqual compares prototypes too: the locating parser's objects have none.
      expect(json?.value).toStrictEqual(getNodeValue(parseTree(text)!));
    }
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });

  it('names a schema violation in a file that parsed cleanly at the line and column of the value', () => {
    const { problems, edited } = rulesWith('civil-servant/trustworthy-incentive.json', (t) => t.replace('"priority": 1,', '"priority": "high",'));
    expect(problems).toEqual([expect.objectContaining({ ...placeOf(edited, '"high"'), en: expect.stringMatching(/^\/priority: /) })]);
  });

  it('names a mitigation of a rule that does not exist at the line and column of the rule named', () => {
    const { problems, edited } = rulesWith('civil-servant/trustworthy-incentive.json', (t) =>
      t.replace('"clause": "三(四)"', '"clause": "三(七)"')
        .replace('"quote": "并将公务员诚信记录作为公务员提拔任用和评先评优的重要依据。"', '"quote": "公务员在政务失信行为发生后主动挽回损失、消除不良影响或者有效阻止危害结果发生的,可从轻或免于实施失信惩戒措施。"')
        .replace('"type": "INCENTIVE",\n    "params": {', '"type": "MITIGATE",\n    "params": {\n      "mitigates": { "rule": "cs-award-restrikt", "relief": "LIGHTEN" },'));
    expect(problems).toEqual([expect.objectContaining({ ...placeOf(edited, '"cs-award-restrikt"'), en: 'the rule to mitigate, "cs-award-restrikt", does not exist' })]);
  });

  it('nested 32 levels deep is read; the bracket opening a 33rd level is named', () => {
    const nested = (levels: number) => `{ "a":\n${'['.repeat(levels - 1)}1${']'.repeat(levels - 1)} }`;
    expect(parseJsonFile('x.json', nested(32))).toMatchObject({ json: { value: { a: [[[expect.anything()]]] } }, problems: [] });
    expect(parseJsonFile('x.json', nested(33))).toEqual({ json: null, problems: [expect.objectContaining({ line: 2, column: 32, en: 'JSON nested deeper than 32 levels' })] });
  });

  it('names a number JSON.parse reads as Infinity where it stands', () => {
    const text = '{\n  "points": 1,\n  "grade": -1e309\n}';
    expect(parseJsonFile('x.json', text).problems).toEqual([expect.objectContaining({ ...placeOf(text, '-1e309'), en: expect.stringContaining('the number -1e309 is too large to represent') })]);
  });

  it('hostile32 N1: names a key given twice in one object, where the repeat stands and where it was first given', () => {
    const { problems, edited } = rulesWith('parameters/2018-12-26.json', (t) => t.replace('"effectiveFrom": "2018-12-26",', '"effectiveFrom": "2018-12-26",\n  "effectiveFrom": "2018-12-27",'));
    const first = positionOf(edited, '"effectiveFrom": "2018-12-26"', '"effectiveFrom"');
    const repeat = positionOf(edited, '"effectiveFrom": "2018-12-27"', '"effectiveFrom"');
    expect(problems).toEqual([expect.objectContaining({ line: repeat.line, column: repeat.column, zh: expect.stringContaining(`键 "effectiveFrom" 在同一对象中重复（第 ${first.line} 行第 ${first.column} 列已给出）`), en: expect.stringContaining('is given twice in one object') })]);
    // The same key in two objects, and a key's name inside a string value, are no repeat.
    expect(parseJsonFile('x.json', '{ "a": { "k": 1 }, "b": { "k": "\\"k\\": 2" } }').problems).toEqual([]);
  });
});
