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

/**
 * Parses strict JSON (no comments, no trailing commas), reporting every syntax error with its place.
 * The parse is tolerant: after a slip such as a trailing comma the rest of the file is still read,
 * so that one run reports every mistake.
 */
export function parseJsonFile(file: string, text: string): { json: LocatedJson | null; problems: RuleProblem[] } {
  // The parser recurses per level: a file of ten thousand "[" would exhaust the stack.
  const deep = jsonTooDeep(text, RULE_LIMITS.jsonDepth);
  if (deep) {
    return { json: null, problems: [{ file, ...deep, zh: `JSON 嵌套超过 ${RULE_LIMITS.jsonDepth} 层`, en: `JSON nested deeper than ${RULE_LIMITS.jsonDepth} levels` }] };
  }
  const errors: ParseError[] = [];
  const tree: Node | undefined = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  // One slip can raise two errors at the same place (a trailing comma: no name, no value); say it once.
  const firstAtEachPlace = errors.filter((error, i) => errors.findIndex((e) => e.offset === error.offset) === i);
  const problems = firstAtEachPlace.map((error) => {
    const code = printParseErrorCode(error.error);
    return {
      file,
      ...lineAndColumn(text, error.offset),
      zh: `JSON 语法错误：${PARSE_ERROR_ZH[code] ?? code}`,
      en: `JSON syntax error: ${code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}${code === 'PropertyNameExpected' || code === 'ValueExpected' ? ' (a trailing comma?)' : ''}`,
    };
  });
  if (!tree) return { json: null, problems };
  return {
    json: {
      value: getNodeValue(tree),
      locate: (path) => lineAndColumn(text, (tree && findNodeAtLocation(tree, path)?.offset) ?? 0),
    },
    problems,
  };
}
