import { followPath, kindOf, listElementType, type ShapeNode, type ValueKind } from './facts-shape';
import type { LocatedJson } from './json-file';
import { pathExists, resolvePath } from './path';
import { isParameterRef, leaves, WHERE_COMPARISONS, type LoadedRule, type ParameterSet } from './rule-model';
import type { RuleProblem } from './rule-problem';
import { pointsOutOfBound, pointsWithinBound } from './rule-limits';
import { PLACEHOLDER, placeholders, placeholderTarget } from './template';

const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const KIND_ZH: Record<ValueKind, string> = { number: '数字', boolean: '布尔值', string: '文本', date: '日期', enum: '枚举值', list: '列表', object: '对象' };

/** Edit distance, for "did you mean": the known name within two edits of a typo. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

function closest(name: string, known: string[]): string | undefined {
  const [best] = known.map((k) => [k, distance(name.toLowerCase(), k.toLowerCase())] as const).sort((x, y) => x[1] - y[1]);
  return best && best[1] <= 2 ? best[0] : undefined;
}

function jsKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}

/** Is a rule's value of a type the fact can equal? Dates and enums are strings in JSON. */
function compatible(kind: ValueKind, enumValues: string[] | undefined, value: unknown): string | null {
  if (value === null) return null;
  switch (kind) {
    case 'number':
      return typeof value === 'number' ? null : 'a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'true or false';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? null : 'a date as "YYYY-MM-DD"';
    case 'enum':
      return typeof value === 'string' && enumValues!.includes(value) ? null : `one of ${enumValues!.join(', ')}`;
    case 'string':
      return typeof value === 'string' ? null : 'text';
    default:
      return null;
  }
}

interface Target {
  kind: ValueKind;
  enumValues?: string[];
  elementKind?: { kind: ValueKind; enumValues?: string[] };
}

/** Where a fact path leads: a problem text, or what kind of value lives there. */
function resolveTarget(fact: string, path: string | undefined, shape: ShapeNode | undefined, parameterSets: ParameterSet[]): Target | { zh: string; en: string } {
  if (fact === 'parameters') {
    const missing = parameterSets.filter((p) => !path || !pathExists(p.values, path)).map((p) => p.file);
    // Missing from some files only: those files are incomplete, and the parameters check says so there.
    if (path && missing.length && missing.length === parameterSets.length) return { zh: `参数路径 "${path}" 在 ${missing.join('、')} 中不存在`, en: `parameter path "${path}" is not in ${missing.join(', ')}` };
    const holding = parameterSets.find((p) => !path || pathExists(p.values, path));
    const value = path ? resolvePath(holding?.values, path) : holding?.values;
    const kind = jsKind(value);
    return { kind: kind === 'list' ? 'list' : kind === 'number' || kind === 'boolean' || kind === 'string' ? kind : 'object' } as Target;
  }
  if (!shape) return { zh: '该主体类型缺少事实查询', en: 'the subject type has no facts query' };
  if (!path) return { kind: 'object' };
  const found = followPath(shape, path);
  if ('missing' in found) {
    const guess = closest(found.missing, found.known);
    const hint = (guess ? `；是否应为 "${guess}"？` : '') + (found.known.length ? `；此处可用：${found.known.join(', ')}` : '');
    const hintEn = (guess ? `; did you mean "${guess}"?` : '') + (found.known.length ? ` Available here: ${found.known.join(', ')}` : '');
    return {
      zh: `路径 "${path}" 中的 "${found.missing}" 不在事实查询结果中${hint}。请更正路径，或在事实查询中加入该字段`,
      en: `"${found.missing}" in path "${path}" is not in the facts query's result${hintEn}. Correct the path, or add the field to the facts query`,
    };
  }
  const { kind, enumValues } = kindOf(found.node.type);
  if (kind !== 'list') return { kind, enumValues };
  return { kind, elementKind: kindOf(listElementType(found.node.type)!) };
}

/**
 * Checks a rule against what its facts can hold: every path exists in the facts query's result
 * type (or in every parameters file), and every operator gets a value of the right type.
 */
export function checkRuleAgainstFacts(rule: LoadedRule, json: LocatedJson, shape: ShapeNode | undefined, parameterSets: ParameterSet[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const problem = (at: (string | number)[], zh: string, en: string) => problems.push({ file: rule.file, ...json.locate(at), zh, en });
  for (const { leaf, at } of leaves(rule.conditions)) {
    const target = resolveTarget(leaf.fact, leaf.path, shape, parameterSets);
    if ('zh' in target) {
      problem([...at, 'path'], target.zh, target.en);
      continue;
    }
    const operator = leaf.operator.split(':').pop()!;
    if (isParameterRef(leaf.value)) {
      const parameter = resolveTarget('parameters', leaf.value.path, undefined, parameterSets);
      if ('zh' in parameter) problem([...at, 'value', 'path'], parameter.zh, parameter.en);
      else if (parameter.kind !== target.kind && !(target.kind === 'number' && parameter.kind === 'number')) {
        problem([...at, 'value'], `参数 ${leaf.value.path} 是${KIND_ZH[parameter.kind]}，与 ${leaf.path ?? leaf.fact}（${KIND_ZH[target.kind]}）不能比较`, `parameter ${leaf.value.path} is a ${parameter.kind} and cannot be compared with ${leaf.path ?? leaf.fact} (a ${target.kind})`);
      }
      continue;
    }
    if (NUMERIC.includes(operator)) {
      if (target.kind !== 'number') {
        problem([...at, 'operator'], `"${operator}" 只能比较数字，而 ${leaf.path ?? leaf.fact} 是${KIND_ZH[target.kind]}${target.kind === 'date' ? '（日期请用 equal 或先换成天数事实）' : ''}`, `"${operator}" compares numbers, but ${leaf.path ?? leaf.fact} is a ${target.kind}`);
      } else if (typeof leaf.value !== 'number') {
        problem([...at, 'value'], `"${operator}" 需要数字，而给出的是 ${JSON.stringify(leaf.value)}`, `"${operator}" needs a number, not ${JSON.stringify(leaf.value)}`);
      }
    } else if (operator === 'in' || operator === 'notIn') {
      if (!Array.isArray(leaf.value)) problem([...at, 'value'], `"${operator}" 需要一个数组作为取值`, `"${operator}" needs an array value`);
      else leaf.value.forEach((item, i) => {
        const wrong = compatible(target.kind, target.enumValues, item);
        if (wrong) problem([...at, 'value', i], `${JSON.stringify(item)} 不是 ${leaf.path} 可能的取值（应为 ${wrong}）`, `${JSON.stringify(item)} cannot be a value of ${leaf.path} (expected ${wrong})`);
      });
    } else if (operator === 'contains' || operator === 'doesNotContain') {
      if (target.kind !== 'list') problem([...at, 'operator'], `"${operator}" 只能用于列表，而 ${leaf.path} 是${KIND_ZH[target.kind]}`, `"${operator}" works on lists, but ${leaf.path} is a ${target.kind}`);
      else if (target.elementKind) {
        const wrong = compatible(target.elementKind.kind, target.elementKind.enumValues, leaf.value);
        if (wrong) problem([...at, 'value'], `${JSON.stringify(leaf.value)} 不可能出现在 ${leaf.path} 中（应为 ${wrong}）`, `${JSON.stringify(leaf.value)} cannot be in ${leaf.path} (expected ${wrong})`);
      }
    } else {
      const wrong = compatible(target.kind, target.enumValues, leaf.value);
      if (wrong) problem([...at, 'value'], `${JSON.stringify(leaf.value)} 与 ${leaf.path ?? leaf.fact} 的类型不符（应为 ${wrong}）`, `${JSON.stringify(leaf.value)} does not fit ${leaf.path ?? leaf.fact} (expected ${wrong})`);
    }
  }
  (rule.evidence ?? []).forEach((spec, i) => {
    const target = resolveTarget('subject', spec.path, shape, parameterSets);
    if ('zh' in target) problem(['evidence', i, 'path'], target.zh, target.en);
    else if (target.kind !== 'list') problem(['evidence', i, 'path'], `证据路径 "${spec.path}" 应指向一个列表`, `evidence path "${spec.path}" must lead to a list`);
    for (const [field, wanted] of Object.entries(spec.where ?? {})) {
      const at = ['evidence', i, 'where', field];
      const refs = isParameterRef(wanted) ? [wanted]
        : wanted && typeof wanted === 'object' && !Array.isArray(wanted) ? Object.entries(wanted).flatMap(([operator, bound]) => {
          if (!(operator in WHERE_COMPARISONS)) problem(at, `证据条件 ${field} 的比较 "${operator}" 无效，可用：${Object.keys(WHERE_COMPARISONS).join('、')}`, `"${operator}" is no comparison an evidence condition on ${field} may make; use ${Object.keys(WHERE_COMPARISONS).join(', ')}`);
          return isParameterRef(bound) ? [bound] : [];
        }) : [];
      for (const ref of refs) {
        const found = resolveTarget('parameters', ref.path, undefined, parameterSets);
        if ('zh' in found) problem(at, `证据条件 ${field}：${found.zh}`, `evidence condition on ${field}: ${found.en}`);
      }
    }
  });
  problems.push(...pointsParameterProblems(rule, json, shape, parameterSets));
  for (const locale of ['zh', 'en'] as const) {
    for (const { path: placeholder } of placeholders(rule.explanation[locale])) {
      const { fact, path } = placeholderTarget(placeholder);
      const target = resolveTarget(fact, path, fact === 'subject' ? shape : undefined, parameterSets);
      if ('zh' in target) problem(['explanation', locale], `说明模板中的 {{${placeholder}}}：${target.zh}`, `{{${placeholder}}} in the explanation: ${target.en}`);
    }
  }
  return problems;
}

/**
 * `points: { parameter: "gradePoints.{{subject.creditGradeOn}}" }` picks a parameter by a fact.
 * Its placeholders are checked like the explanation's, and more: a subject fact used here must
 * take a fixed set of values (an enum or true/false), never free text such as a name or an ID
 * number, because the rendered path is a key, not a message, and must never carry personal data
 * into an error. Outside the placeholders only path characters may appear.
 */
function pointsParameterProblems(rule: LoadedRule, json: LocatedJson, shape: ShapeNode | undefined, parameterSets: ParameterSet[]): RuleProblem[] {
  const points = rule.event.params.points;
  if (typeof points === 'number' && !pointsWithinBound(points)) {
    const at = json.locate(['event', 'params', 'points']);
    return [{ file: rule.file, ...at, ...pointsOutOfBound(points) }];
  }
  if (!points || typeof points !== 'object') return [];
  const problems: RuleProblem[] = [];
  const problem = (zh: string, en: string) => problems.push({ file: rule.file, ...json.locate(['event', 'params', 'points', 'parameter']), zh, en });
  if (!/^[\w.[\]]*$/.test(points.parameter.replace(PLACEHOLDER, ''))) {
    problem('points.parameter 只能是参数路径（字母、数字、点号）及 {{事实.路径}} 占位符', 'points.parameter may hold only a parameter path (letters, digits, dots) and {{fact.path}} placeholders');
  }
  for (const { path: placeholder } of placeholders(points.parameter)) {
    const { fact, path } = placeholderTarget(placeholder);
    if (fact !== 'subject' && fact !== 'parameters') {
      problem(`points.parameter 中的 {{${placeholder}}}：事实只能是 subject 或 parameters`, `{{${placeholder}}} in points.parameter: the fact must be subject or parameters`);
      continue;
    }
    const target = resolveTarget(fact, path, fact === 'subject' ? shape : undefined, parameterSets);
    if ('zh' in target) problem(`points.parameter 中的 {{${placeholder}}}：${target.zh}`, `{{${placeholder}}} in points.parameter: ${target.en}`);
    else if (fact === 'subject' && target.kind !== 'enum' && target.kind !== 'boolean') {
      problem(
        `points.parameter 中的 {{${placeholder}}} 是${KIND_ZH[target.kind]}：这里只能用取值固定的事实（枚举或布尔值，如 subject.creditGradeOn），不能用姓名、证件号等文本`,
        `{{${placeholder}}} in points.parameter is a ${target.kind}: only a fact with a fixed set of values (an enum or true/false, such as subject.creditGradeOn) may choose the parameter, never text such as a name or an ID number`,
      );
    }
  }
  return problems;
}
