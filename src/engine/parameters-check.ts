import { coerceInputValue, typeFromAST, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { followPath, kindOf, type ShapeNode } from './facts-shape';
import type { LocatedJson } from './json-file';
import { dottedName, pathExists, resolvePath } from './path';
import { parameterPlaceholders, placeholders } from './template';
import { EVALUATION_VARIABLES, leaves, type FactsQuery, type LoadedRule, type ParameterSet } from './rule-model';
import type { RuleProblem } from './rule-problem';
import { pointsWithinBound, RULE_LIMITS } from './rule-limits';
import type { SubjectType } from '../domain/subject';

const NUMERIC = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

/** One parameter something reads, what it must be, and who reads it (for the message). */
export interface ParameterRead {
  /** Dotted path inside `values`, e.g. `countsForDays.general`. */
  path: string;
  /** A GraphQL input type (facts-query variables), 'number', 'points' (a number within RULE_LIMITS.points), or null for any value. */
  expects: GraphQLInputType | 'number' | 'points' | null;
  by: { zh: string; en: string };
  /**
   * For a rule's read: where in the rule file it stands, to blame the rule when no file holds the path
   * at all. Found only then: locating a place parses the file again (json-file.ts).
   */
  inRule?: { file: string; at(): { line: number; column: number }; checkedElsewhere: boolean };
}

/**
 * Parameters read by the code rather than by a rule or a facts query, so a parameters file lacking them
 * is refused like any other (lawyer24 W1): without lightenableCategories every LIGHTEN would be refused.
 */
export const CODE_READS: readonly ParameterRead[] = [
  { path: 'lightenableCategories', expects: null, by: { zh: '信用修复从轻的登记核对（src/registry/lighten-reach.ts）', en: 'the check of a recorded LIGHTEN (src/registry/lighten-reach.ts)' } },
];

/**
 * Expands `gradePoints.{{subject.creditGradeOn}}` over every value the placeholder's enum can take;
 * a placeholder that is not an enum cannot be listed (the facts check refuses it), so nothing is read.
 */
function expandPointsPath(template: string, shape: ShapeNode): string[] {
  const placeholder = placeholders(template).find(({ path }) => path.startsWith('subject.'));
  if (!placeholder) return [template];
  const found = followPath(shape, `$.${placeholder.path.slice('subject.'.length)}`);
  const values = 'node' in found ? kindOf(found.node.type).enumValues : undefined;
  if (!values) return [];
  return values.flatMap((value) => expandPointsPath(template.replace(placeholder.whole, value), shape));
}

/** Everything the rules and the facts queries read from the parameters, and as what. */
export function parameterReads(rules: { rule: LoadedRule; json: LocatedJson }[], queries: Partial<Record<SubjectType, FactsQuery>>, schema: GraphQLSchema, shapes: Partial<Record<SubjectType, ShapeNode>>): ParameterRead[] {
  const reads: ParameterRead[] = [];
  for (const [, query] of Object.entries(queries) as [SubjectType, FactsQuery][]) {
    const operation = query.document.definitions.find((d) => d.kind === 'OperationDefinition');
    if (!operation || operation.kind !== 'OperationDefinition') continue;
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (EVALUATION_VARIABLES.includes(name)) continue;
      const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
      reads.push({ path: name, expects: type ?? null, by: { zh: `事实查询 ${query.file} 的变量 $${name}`, en: `the variable $${name} of the facts query ${query.file}` } });
    }
  }
  for (const { rule, json } of rules) {
    const by = { zh: `规则 ${rule.id}（${rule.file}）`, en: `rule ${rule.id} (${rule.file})` };
    // Condition and explanation paths no file holds are reported at the rule by the facts check.
    const at = (place: (string | number)[], checkedElsewhere: boolean) => ({ file: rule.file, at: () => json.locate(place), checkedElsewhere });
    for (const { leaf, at: place } of leaves(rule.conditions)) {
      if (leaf.fact === 'parameters' && leaf.path) reads.push({ path: dottedName(leaf.path), expects: NUMERIC.includes(leaf.operator) ? 'number' : null, by, inRule: at([...place, 'path'], true) });
      const value = leaf.value as { fact?: unknown; path?: unknown } | null;
      if (value && typeof value === 'object' && value.fact === 'parameters' && typeof value.path === 'string') reads.push({ path: dottedName(value.path), expects: null, by, inRule: at([...place, 'value'], false) });
    }
    const points = rule.event.params.points;
    // Without the facts' shape (its facts query is refused) the grades cannot be listed: checked once it is fixed.
    const shape = shapes[rule.subjectType];
    if (points && typeof points === 'object' && shape) {
      for (const path of expandPointsPath(points.parameter, shape)) reads.push({ path, expects: 'points', by, inRule: at(['event', 'params', 'points', 'parameter'], false) });
    }
    for (const locale of ['zh', 'en'] as const) {
      for (const path of parameterPlaceholders(rule.explanation[locale])) reads.push({ path, expects: null, by, inRule: at(['explanation', locale], true) });
    }
  }
  return reads;
}

function typeProblem(value: unknown, expects: ParameterRead['expects']): { zh: string; en: string } | null {
  if (expects === null) return null;
  if (expects === 'number') return typeof value === 'number' ? null : { zh: '数字', en: 'a number' };
  if (expects === 'points') {
    return typeof value === 'number' && pointsWithinBound(value) ? null : { zh: `-${RULE_LIMITS.points} 至 ${RULE_LIMITS.points} 之间的分值`, en: `points between -${RULE_LIMITS.points} and ${RULE_LIMITS.points}` };
  }
  let wrong: string | null = null;
  coerceInputValue(value, expects, (_path, _invalid, error) => (wrong ??= error.message));
  return wrong ? { zh: `${String(expects)} 类型的值（${wrong}）`, en: `a value of type ${String(expects)} (${wrong})` } : null;
}

/** The reads grouped by path: each path once, with everyone who reads it. */
interface GroupedRead {
  path: string;
  expects: ParameterRead['expects'][];
  by: { zh: string[]; en: string[] };
  inRules: NonNullable<ParameterRead['inRule']>[];
  /** Read by a facts query, whose variable only the parameters files can provide. */
  byQuery: boolean;
}

function byPath(reads: ParameterRead[]): GroupedRead[] {
  const grouped = new Map<string, GroupedRead>();
  for (const read of reads) {
    const entry = grouped.get(read.path) ?? { path: read.path, expects: [], by: { zh: [], en: [] }, inRules: [], byQuery: false };
    if (read.inRule) entry.inRules.push(read.inRule);
    else entry.byQuery = true;
    if (!entry.by.en.includes(read.by.en)) {
      entry.by.zh.push(read.by.zh);
      entry.by.en.push(read.by.en);
    }
    entry.expects.push(read.expects);
    grouped.set(read.path, entry);
  }
  return [...grouped.values()];
}

/**
 * A parameters file is complete: it holds every value in force from its date, so what an officer
 * reads in it is exactly what applies (no value is inherited from an earlier file). Every parameter
 * a rule or a facts query reads must therefore be in every file, with a value of the right type.
 * A missing look-back window would otherwise reach the facts query as null: "no limit".
 * Problems point at the parameters file and name each missing value and who reads it.
 */
/** Where a parameter's value stands in its file: `values.<name>.value.<rest>` (each entry is `{ value, source }`). */
function entryPath(steps: string[]): string[] {
  return steps.length ? ['values', steps[0], 'value', ...steps.slice(1)] : ['values'];
}

export function checkParameterFiles(files: { set: ParameterSet; json: LocatedJson }[], reads: ParameterRead[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const grouped = byPath(reads);
  // A rule's path whose first name no file has is the rule's mistake (a typo), not the files'; one
  // whose first name is there but not the rest (gradePoints.D) means the files are incomplete.
  const inNoFile = (read: GroupedRead) => !read.byQuery && files.length > 0 && files.every(({ set }) => !pathExists(set.values, read.path.split('.')[0]));
  for (const read of grouped.filter(inNoFile)) {
    for (const place of read.inRules.filter((p) => !p.checkedElsewhere)) {
      problems.push({
        file: place.file,
        ...place.at(),
        zh: `参数 "${read.path}" 不在任何参数文件中；请更正路径，或在每个参数文件中加入该值`,
        en: `the parameter "${read.path}" is in no parameters file; correct the path, or add the value to every parameters file`,
      });
    }
  }
  for (const { set, json } of files) {
    for (const read of grouped.filter((r) => !inNoFile(r))) {
      const steps = read.path.split('.');
      const readers = { zh: read.by.zh.join('、'), en: read.by.en.join('; ') };
      if (!pathExists(set.values, read.path)) {
        let known = steps.length;
        while (known > 0 && !pathExists(set.values, steps.slice(0, known).join('.'))) known--;
        problems.push({
          file: set.file,
          ...json.locate(entryPath(steps.slice(0, known))),
          zh: `参数文件缺少 "${read.path}"（读取者：${readers.zh}）。参数文件须完整、不继承旧文件：请从上一个参数文件复制该值并按需修改`,
          en: `the parameters file lacks "${read.path}" (read by ${readers.en}). A parameters file must be complete, nothing is inherited: copy the value from the previous file and change it as needed`,
        });
        continue;
      }
      for (const expects of new Set(read.expects)) {
        const wrong = typeProblem(resolvePath(set.values, read.path), expects);
        if (!wrong) continue;
        problems.push({
          file: set.file,
          ...json.locate(entryPath(steps)),
          zh: `参数 "${read.path}" 的值应为 ${wrong.zh}（读取者：${readers.zh}）`,
          en: `the parameter "${read.path}" must be ${wrong.en} (read by ${readers.en})`,
        });
        break;
      }
    }
  }
  return problems;
}
