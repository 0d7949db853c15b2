import type { JSONPath } from 'jsonc-parser';
import { SubjectType } from '../domain/subject';
import type { LocatedJson } from './json-file';
import { EFFECTS, type ConditionNode, type Matter } from './rule-file';
import type { RuleProblem } from './rule-problem';

/** json-rules-engine's operators, with its decorators (not:, someFact:, everyFact:). */
export const OPERATORS = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const DECORATORS = ['not', 'someFact', 'everyFact', 'someValue', 'everyValue', 'swap'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Problem = (path: JSONPath, zh: string, en: string) => void;

function problemAt(file: string, json: LocatedJson, into: RuleProblem[]): Problem {
  return (path, zh, en) => into.push({ file, ...json.locate(path), zh, en });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBilingual = (v: unknown) => isObject(v) && typeof v.zh === 'string' && v.zh.trim() !== '' && typeof v.en === 'string' && v.en.trim() !== '';

function operatorKnown(operator: string): boolean {
  const parts = operator.split(':');
  const base = parts.pop()!;
  return OPERATORS.includes(base) && parts.every((d) => DECORATORS.includes(d));
}

function checkConditions(node: unknown, path: JSONPath, problem: Problem): void {
  if (!isObject(node)) return problem(path, '条件必须是对象', 'a condition must be an object');
  const group = (['all', 'any'] as const).find((key) => key in node);
  if (group) {
    const items = node[group];
    if (!Array.isArray(items) || items.length === 0) return problem([...path, group], `"${group}" 必须是非空数组`, `"${group}" must be a non-empty array`);
    items.forEach((child, i) => checkConditions(child, [...path, group, i], problem));
    return;
  }
  if ('not' in node) return checkConditions(node.not, [...path, 'not'], problem);
  const leaf = node as Partial<Record<'fact' | 'operator' | 'path', unknown>>;
  if (typeof leaf.fact !== 'string') problem(path, '条件缺少 "fact"（可用 "subject" 或 "parameters"）', 'the condition lacks "fact" (use "subject" or "parameters")');
  else if (!['subject', 'parameters'].includes(leaf.fact)) problem([...path, 'fact'], `未知的事实 "${leaf.fact}"，可用 "subject" 或 "parameters"`, `unknown fact "${leaf.fact}"; use "subject" or "parameters"`);
  if (typeof leaf.operator !== 'string' || !operatorKnown(leaf.operator)) {
    problem([...path, 'operator'], `未知的运算符 "${String(leaf.operator)}"，可用：${OPERATORS.join(', ')}`, `unknown operator "${String(leaf.operator)}"; use one of ${OPERATORS.join(', ')}`);
  }
  if (!('value' in node)) problem(path, '条件缺少 "value"', 'the condition lacks "value"');
  if (leaf.path !== undefined && (typeof leaf.path !== 'string' || !leaf.path.startsWith('$.'))) {
    problem([...path, 'path'], '"path" 应以 "$." 开头，如 "$.credit.unrepaired"', '"path" must start with "$.", e.g. "$.credit.unrepaired"');
  }
}

/**
 * Checks one rule file's structure and vocabulary, reporting each mistake at its line. (The full
 * JSON Schema and the static check of paths against the facts queries belong to `rules check`.)
 */
export function validateRule(file: string, json: LocatedJson, folderType: SubjectType, matters: Map<string, Matter>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const problem = problemAt(file, json, problems);
  const rule = json.value;
  if (!isObject(rule)) {
    problem([], '规则文件必须是一个 JSON 对象', 'a rule file must hold one JSON object');
    return problems;
  }
  if (typeof rule.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(rule.id)) problem(['id'], '"id" 必须是小写字母、数字和连字符组成的字符串', '"id" must be a string of lower-case letters, digits and hyphens');
  if (!isBilingual(rule.title)) problem(['title'], '"title" 需要中文 "zh" 和英文 "en"', '"title" needs "zh" and "en" text');
  if (rule.subjectType !== folderType) problem(['subjectType'], `"subjectType" 应为 "${folderType}"（与所在文件夹一致）`, `"subjectType" must be "${folderType}", matching the folder`);
  if (!Array.isArray(rule.matters) || rule.matters.length === 0) problem(['matters'], '"matters" 必须列出至少一个事项', '"matters" must list at least one matter');
  else rule.matters.forEach((code, i) => {
    const matter = matters.get(String(code));
    if (!matter) problem(['matters', i], `未知的事项 "${code}"，请先在 matters.json 中声明`, `unknown matter "${code}"; declare it in matters.json first`);
    else if (!matter.subjectTypes.includes(folderType)) problem(['matters', i], `事项 "${code}" 不适用于 ${folderType}`, `matter "${code}" does not apply to ${folderType}`);
  });
  if (!Array.isArray(rule.basis) || rule.basis.length === 0) problem(['basis'], '"basis" 必须引用至少一条法律依据（document, clause, quote）', '"basis" must cite at least one legal clause (document, clause, quote)');
  else rule.basis.forEach((b, i) => {
    if (!isObject(b) || !['document', 'clause', 'quote'].every((k) => typeof b[k] === 'string' && (b[k] as string).trim() !== '')) {
      problem(['basis', i], '法律依据需要非空的 document、clause 和 quote', 'a basis needs non-empty document, clause and quote');
    }
  });
  const effective = rule.effective;
  if (!isObject(effective) || typeof effective.from !== 'string' || !DATE.test(effective.from)) problem(['effective'], '"effective.from" 必须是 YYYY-MM-DD 日期', '"effective.from" must be a YYYY-MM-DD date');
  else if (effective.to != null && (typeof effective.to !== 'string' || !DATE.test(effective.to) || effective.to < effective.from)) {
    problem(['effective', 'to'], '"effective.to" 必须是不早于 "from" 的 YYYY-MM-DD 日期，或 null', '"effective.to" must be a YYYY-MM-DD date not before "from", or null');
  }
  checkConditions(rule.conditions, ['conditions'], problem);
  const event = rule.event;
  if (!isObject(event) || !EFFECTS.includes(event.type as never)) problem(['event', 'type'], `"event.type" 必须是 ${EFFECTS.join(', ')} 之一`, `"event.type" must be one of ${EFFECTS.join(', ')}`);
  else {
    const params = isObject(event.params) ? event.params : {};
    if (!isBilingual(params.measure)) problem(['event', 'params', 'measure'], '"event.params.measure" 需要中文和英文的措施表述', '"event.params.measure" needs the measure in "zh" and "en"');
    const points = params.points;
    if (event.type === 'SCORE' && typeof points !== 'number' && !(isObject(points) && typeof points.parameter === 'string')) {
      problem(['event', 'params', 'points'], 'SCORE 规则需要 "points"：数字或 {"parameter": "参数路径"}', 'a SCORE rule needs "points": a number or {"parameter": "path in the parameters"}');
    }
  }
  if (!isBilingual(rule.explanation)) problem(['explanation'], '"explanation" 需要中文 "zh" 和英文 "en" 说明模板', '"explanation" needs "zh" and "en" templates');
  return problems;
}
