import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import { jsonTooDeep, RULE_LIMITS } from './rule-limits';
import type { RuleProblem } from './rule-problem';

/** A parsed JSON file that can say on which line and column any of its values stands. */
export interface LocatedJson {
  value: unknown;
  /** Line and column (1-based) of the value at a path such as ['event', 'type']; the file start when absent. */
  locate(path: JSONPath): { line: number; column: number };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const PARSE_ERROR_ZH: Record<string, string> = {
  InvalidSymbol: '无效字符',
  InvalidNumberFormat: '数字格式错误',
  PropertyNameExpected: '此处应为带引号的属性名（多余的逗号？）',
  ValueExpected: '此处应为一个值（多余的逗号？）',
  ColonExpected: '此处应为冒号',
  CommaExpected: '此处应为逗号',
  CloseBraceExpected: '缺少右花括号 }',
  CloseBracketExpected: '缺少右方括号 ]',
  EndOfFileExpected: '文件应在此结束',
  InvalidCommentToken: 'JSON 中不允许注释',
  UnexpectedEndOfComment: '注释未结束',
  UnexpectedEndOfString: '字符串未结束（缺少引号？）',
  UnexpectedEndOfNumber: '数字未结束',
  InvalidUnicode: '无效的 Unicode 转义',
  InvalidEscapeCharacter: '无效的转义字符',
  InvalidCharacter: '无效字符',
};

/** Full-width punctuation an input method types where JSON needs ASCII, with the character meant. */
const FULL_WIDTH: Record<string, string> = {
  '，': ',', '：': ':', '“': '"', '”': '"', '＂': '"', '｛': '{', '｝': '}', '［': '[', '］': ']', '【': '[', '】': ']', '　': ' ',
};

interface FullWidthSlip {
  offset: number;
  char: string;
  ascii: string;
}

/**
 * Numbers JSON can write but a double cannot hold: JSON.parse reads `1e309` as Infinity, which passed
 * every type check as "a number" and reached stored verdicts as score Infinity (hostile31 F8). Every
 * number of every rules-folder file must be finite; each one that is not is named where it stands.
 */
function nonFiniteNumbers(file: string, text: string, tree: Node): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const visit = (node: Node) => {
    if (node.type === 'number' && !Number.isFinite(node.value)) {
      const written = text.slice(node.offset, node.offset + node.length);
      problems.push({
        file,
        ...lineAndColumn(text, node.offset),
        zh: `数字 ${written} 超出可表示的范围（读作无穷大）；请写一个有限的数`,
        en: `the number ${written} is too large to represent (it reads as Infinity); write a finite number`,
      });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}

/**
 * Full-width punctuation outside strings (inside them it is ordinary Chinese text), and the text
 * with each replaced by its ASCII twin. A string opened by a full-width quote ends at either kind.
 */
function fullWidthSlips(text: string): { slips: FullWidthSlip[]; repaired: string } {
  const slips: FullWidthSlip[] = [];
  let out = '';
  let inString: 'ascii' | 'full' | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') {
        out += char + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (char === '"' || (inString === 'full' && (char === '”' || char === '“'))) {
        if (char !== '"') slips.push({ offset: i, char, ascii: '"' });
        inString = null;
        out += '"';
        continue;
      }
      out += char;
      continue;
    }
    const ascii = FULL_WIDTH[char];
    if (char === '"' || ascii === '"') inString = char === '"' ? 'ascii' : 'full';
    if (ascii) slips.push({ offset: i, char, ascii });
    out += ascii ?? char;
  }
  return { slips, repaired: out };
}

function lineText(text: string, line: number): string {
  return text.split('\n')[line - 1]?.replace(/\r$/, '') ?? '';
}

/**
 * Parses strict JSON (no comments, no trailing commas), reporting every syntax error with its place.
 * The parse is tolerant: after a slip such as a trailing comma the rest of the file is still read,
 * so that one run reports every mistake. Full-width punctuation where JSON needs ASCII (，：“”) is
 * named with its fix and the line it stands on; the file is then read as if it had been fixed, so
 * the errors that slip would set off are not reported on top of it.
 */
function parseLocating(file: string, original: string): { json: LocatedJson | null; problems: RuleProblem[] } {
  const { slips, repaired: text } = fullWidthSlips(original);
  const slipProblems: RuleProblem[] = slips.map((slip) => {
    const at = lineAndColumn(original, slip.offset);
    const shown = lineText(original, at.line).trim();
    const name = slip.char === '　' ? '全角空格' : `全角「${slip.char}」`;
    const nameEn = slip.char === '　' ? 'a full-width space' : `the full-width "${slip.char}"`;
    return {
      file,
      ...at,
      zh: `${name}不能用作 JSON 符号：将${name}改为半角 ${slip.ascii === ' ' ? '空格' : slip.ascii}（本行：${shown}）`,
      en: `${nameEn} cannot stand for JSON punctuation: change it to the ASCII ${slip.ascii === ' ' ? 'space' : `"${slip.ascii}"`} (line: ${shown})`,
    };
  });
  const errors: ParseError[] = [];
  const tree: Node | undefined = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  // One slip can raise two errors at the same place (a trailing comma: no name, no value); say it once.
  const firstAtEachPlace = errors.filter((error, i) => errors.findIndex((e) => e.offset === error.offset) === i);
  const problems = [
    ...slipProblems,
    ...firstAtEachPlace.map((error) => {
      const code = printParseErrorCode(error.error);
      return {
        file,
        ...lineAndColumn(text, error.offset),
        zh: `JSON 语法错误：${PARSE_ERROR_ZH[code] ?? code}`,
        en: `JSON syntax error: ${code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}${code === 'PropertyNameExpected' || code === 'ValueExpected' ? ' (a trailing comma?)' : ''}`,
      };
    }),
  ];
  if (!tree) return { json: null, problems };
  problems.push(...nonFiniteNumbers(file, text, tree), ...duplicateKeys(file, text, tree));
  return {
    json: {
      value: getNodeValue(tree),
      locate: (path) => lineAndColumn(text, (tree && findNodeAtLocation(tree, path)?.offset) ?? 0),
    },
    problems,
  };
}

/**
 * A file JSON.parse reads as the locating parser would, or null when only the locating parser can
 * say what is wrong with it. The locating parser's objects have no prototype (so a key such as
 * "constructor" or "toString" names nothing inherited, and "__proto__" is an ordinary key): so have
 * these. A number JSON.parse read as Infinity, or nesting past the limit, is a problem to locate,
 * so such a file goes to the locating path too. In a file JSON.parse accepts, every bracket outside
 * a string opens a value, so this walk's depth is jsonTooDeep's; it stops one level past the limit.
 */
function quickValue(text: string): { value: unknown } | null {
  let value: unknown;
  try {
    // V8's JSON.parse does not recurse per level: deep nesting is measured below, not a stack overflow.
    value = JSON.parse(text);
  } catch {
    return null;
  }
  let keysRead = 0;
  const fits = (node: unknown, depth: number): boolean => {
    if (typeof node === 'number') return Number.isFinite(node);
    if (!node || typeof node !== 'object') return true;
    if (depth + 1 > RULE_LIMITS.jsonDepth) return false;
    if (Array.isArray(node)) return node.every((child) => fits(child, depth + 1));
    Object.setPrototypeOf(node, null);
    const values = Object.values(node);
    keysRead += values.length;
    return values.every((child) => fits(child, depth + 1));
  };
  // A key written twice in one object is read once (the last wins): fewer keys read than written.
  return fits(value, 0) && keysRead === keysWritten(text) ? { value } : null;
}

/** How many object keys a file JSON.parse accepts writes: the strings followed by a colon. */
function keysWritten(text: string): number {
  let count = 0;
  for (let quote = text.indexOf('"'); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let end = quote + 1;
    while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    let next = end + 1;
    while (text[next] === ' ' || text[next] === '\n' || text[next] === '\r' || text[next] === '\t') next++;
    if (text[next] === ':') count++;
    quote = end;
  }
  return count;
}

/**
 * hostile32 N1: a key given twice in one object. JSON.parse and the locating parser both keep the
 * last silently, so a policy officer who pasted a threshold twice saw the file checked and the first
 * value ignored. Each repeat is named where it stands, with where the key was first given.
 */
function duplicateKeys(file: string, text: string, tree: Node): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const visit = (node: Node) => {
    if (node.type === 'object') {
      const seen = new Map<string, number>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (!key) continue;
        const first = seen.get(key.value as string);
        if (first === undefined) {
          seen.set(key.value as string, key.offset);
          continue;
        }
        const at = lineAndColumn(text, first);
        problems.push({
          file,
          ...lineAndColumn(text, key.offset),
          zh: `键 "${key.value}" 在同一对象中重复（第 ${at.line} 行第 ${at.column} 列已给出）：JSON 只取最后一个，前面的会被忽略；请删除或合并重复的键`,
          en: `the key "${key.value}" is given twice in one object (first at line ${at.line}, column ${at.column}): JSON keeps only the last and ignores the others; remove or merge the repeated key`,
        });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}

/**
 * A file that parsed cleanly, its places found only when a problem asks for one: the locating
 * parse costs several times JSON.parse, and most files of a rules folder never name a line.
 */
function lazilyLocated(text: string, value: unknown): LocatedJson {
  let tree: Node | undefined;
  return {
    value,
    locate: (path) => {
      tree ??= parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
      return lineAndColumn(text, (tree && findNodeAtLocation(tree, path)?.offset) ?? 0);
    },
  };
}

/**
 * Parses a rules-folder JSON file: its value, and the line and column of any of its values on
 * demand. A file JSON.parse reads, within the limits, is read so and located only when asked; any
 * other is measured and read by the locating parser, which names every problem (parseLocating).
 * The problems and places are the same either way.
 */
export function parseJsonFile(file: string, original: string): { json: LocatedJson | null; problems: RuleProblem[] } {
  const quick = quickValue(original);
  if (quick) return { json: lazilyLocated(original, quick.value), problems: [] };
  // The locating parser recurses per level: a file of ten thousand "[" would exhaust the stack.
  const deep = jsonTooDeep(original, RULE_LIMITS.jsonDepth);
  if (deep) {
    return { json: null, problems: [{ file, ...deep, zh: `JSON 嵌套超过 ${RULE_LIMITS.jsonDepth} 层`, en: `JSON nested deeper than ${RULE_LIMITS.jsonDepth} levels` }] };
  }
  return parseLocating(file, original);
}
