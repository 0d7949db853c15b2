import { validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { SubjectType } from '../domain/subject';
import { factsQueryProblems, readableBy, type DraftReader } from './facts-query-check';
import { subjectShape, type ShapeNode } from './facts-shape';
import { CODE_READS, checkParameterFiles, parameterReads } from './parameters-check';
import { checkParameterArguments } from './parameter-argument-check';
import { impossibleDates } from './date-check';
import type { LocatedJson } from './json-file';
import { readParameterSet } from './parameter-file';
import { graphqlProblem, parseRuleFiles, readRuleFolder, SUBJECT_FOLDERS, versionOf, type ParsedJson, type ParsedRuleFiles, type RuleFiles } from './rule-loader';
import type { FactsQuery, LoadedRule, Matter, ParameterSet } from './rule-model';
import { conditionSize, RULE_LIMITS } from './rule-limits';
import { RuleSetError, type RuleProblem } from './rule-problem';
import { validateMitigations, validateRule } from './rule-validator';
import { schemaProblems } from './schema-check';
import { lintRules } from './rule-lint';
import { checkListingReadings } from './listing-reading-check';
import { checkRuleAgainstFacts } from './static-check';
import { inspectLaw } from './law-check';

/** Everything in the rules folder, loaded, checked and fingerprinted. Immutable once built. */
export class RuleSet {
  constructor(
    /** sha256 over every rule, facts and parameter file in force (paths and contents). */
    readonly version: string,
    readonly loadedAt: Date,
    readonly matters: Matter[],
    readonly rules: LoadedRule[],
    readonly parameterSets: ParameterSet[],
    readonly factsQueries: Record<SubjectType, FactsQuery>,
    /** The files behind the version, so a verdict's rules can be read back later (rule-loader.ts). */
    readonly files: RuleFiles,
  ) {}

  private readonly rulesByMatter = new Map<string, LoadedRule[]>();

  matter(code: string): Matter | undefined {
    return this.matters.find((m) => m.code === code);
  }

  /** Rules of a subject type and matter, strongest priority first, in effect or not; the same array each time, so the engines built for it are reused. */
  rulesFor(subjectType: SubjectType, matter: string): LoadedRule[] {
    const key = `${subjectType}|${matter}`;
    let rules = this.rulesByMatter.get(key);
    if (!rules) {
      rules = this.rules
        .filter((r) => r.subjectType === subjectType && r.matters.includes(matter))
        .sort((a, b) => (b.priority ?? 1) - (a.priority ?? 1) || a.id.localeCompare(b.id));
      this.rulesByMatter.set(key, rules);
    }
    return rules;
  }

  /** The parameters in force on a day: the latest set that started on or before it. */
  parametersOn(day: string): ParameterSet | undefined {
    return [...this.parameterSets].reverse().find((p) => p.effectiveFrom <= day);
  }
}


/** matters.json's matters, or null when it is missing or has errors (reported here, once). */
function loadMatters(parsed: ParsedJson | null, problems: RuleProblem[]): Matter[] | null {
  if (!parsed) {
    problems.push({ file: 'matters.json', line: 1, column: 1, zh: '缺少 matters.json（事项清单）', en: 'matters.json (the list of matters) is missing' });
    return null;
  }
  const { file, json } = parsed;
  problems.push(...parsed.problems);
  if (!json) return null;
  const invalid = schemaProblems(file, json, 'matters');
  problems.push(...invalid, ...impossibleDates(file, json));
  return invalid.length ? null : (json.value as { matters: Matter[] }).matters;
}

/**
 * While matters.json has errors, no rule's matters can be checked: each rule naming one would
 * otherwise report "unknown matter" (about 40 on the shipped rules), burying the one error to fix.
 * They are said once, as one line beside matters.json's own errors.
 */
function mattersNotChecked(files: string[]): RuleProblem[] {
  if (!files.length) return [];
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ', …' : '');
  return [{
    file: 'matters.json',
    line: 1,
    column: 1,
    zh: `${files.length} 个规则文件的事项未检查：matters.json 有错误，请先修正 matters.json 的错误（${shown}）`,
    en: `not checked: the matters of ${files.length} rule file(s), because matters.json has errors; fix matters.json's errors first (${shown})`,
  }];
}

function loadParameters(parsed: ParsedJson[], problems: RuleProblem[]): { set: ParameterSet; json: LocatedJson; valid: boolean }[] {
  return parsed
    .flatMap(({ file, json, problems: syntax }) => {
      problems.push(...syntax);
      if (!json) return [];
      const invalid = schemaProblems(file, json, 'parameters');
      problems.push(...invalid, ...impossibleDates(file, json));
      // Schema-invalid files are still checked for completeness, so one run names every missing value.
      const value = json.value as { effectiveFrom?: unknown; values?: unknown } | null;
      const readable = value && typeof value === 'object' && typeof value.effectiveFrom === 'string' && value.values && typeof value.values === 'object';
      return readable ? [{ set: readParameterSet(file, value), json, valid: invalid.length === 0 }] : [];
    })
    .sort((a, b) => a.set.effectiveFrom.localeCompare(b.set.effectiveFrom));
}

function loadFactsQueries(parsed: ParsedRuleFiles['factsQueries'], files: RuleFiles, schema: GraphQLSchema, problems: RuleProblem[], draft?: DraftOptions) {
  /** Only the queries without problems can run. */
  const queries = {} as Partial<Record<SubjectType, FactsQuery>>;
  /** Queries of the right shape, valid against the schema or not: rules are still checked against what they select. */
  const shaped = {} as Partial<Record<SubjectType, DocumentNode>>;
  for (const [type, folder] of Object.entries(SUBJECT_FOLDERS) as [SubjectType, string][]) {
    const query = parsed[type];
    if (!query) {
      const file = `facts/${folder}.graphql`;
      problems.push({ file, line: 1, column: 1, zh: `缺少 ${file}（${type} 的事实查询）`, en: `${file} (the facts query of ${type}) is missing` });
      continue;
    }
    const { file, document, variables } = query;
    problems.push(...query.problems);
    if (!document) continue;
    // The shape first (one query, one subject lookup, facts types only), then the schema's own
    // validation: a mutation or an audit read is refused before anything else looks at it.
    const shape = factsQueryProblems(file, document, schema, type, draft && draft.served[file] !== files[file] ? draft.reader : undefined);
    if (shape.length) {
      problems.push(...shape);
      continue;
    }
    shaped[type] = document;
    const errors = validate(schema, document).map((e) => graphqlProblem(file, e));
    problems.push(...errors);
    if (errors.length) continue;
    queries[type] = { file, subjectType: type, document, variables };
  }
  return { queries, shaped };
}

function loadRules(parsed: ParsedRuleFiles['rules'], matters: Matter[] | null, problems: RuleProblem[]): { rule: LoadedRule; json: LocatedJson }[] {
  const known = matters && new Map(matters.map((m) => [m.code, m]));
  const unchecked: string[] = [];
  const seen = new Map<string, { file: string; json: LocatedJson }>();
  const rules: { rule: LoadedRule; json: LocatedJson }[] = [];
  let listValues = 0;
  for (const { file, json, problems: syntax, subjectType: type } of parsed) {
    problems.push(...syntax);
    if (!json) continue;
    const size = conditionSize((json.value as { conditions?: unknown } | null)?.conditions);
    if (size.conditions > RULE_LIMITS.conditions || size.depth > RULE_LIMITS.conditionDepth) {
      // Refused before the schema and static checks, whose cost grows with the conditions.
      problems.push({
        file,
        ...json.locate(['conditions']),
        zh: `条件过多或嵌套过深：每条规则至多 ${RULE_LIMITS.conditions} 个条件、嵌套 ${RULE_LIMITS.conditionDepth} 层；请拆分为多条规则`,
        en: `too many conditions or nested too deep: a rule has at most ${RULE_LIMITS.conditions} conditions nested ${RULE_LIMITS.conditionDepth} deep; split it into several rules`,
      });
      continue;
    }
    listValues += size.listValues;
    if (size.listValues > RULE_LIMITS.listValues || listValues > RULE_LIMITS.folderListValues) {
      // Each list value is tried against every subject of a preview: bounded before anything runs.
      const rule = size.listValues > RULE_LIMITS.listValues;
      problems.push({
        file,
        ...json.locate(['conditions']),
        zh: rule
          ? `条件的列表共有 ${size.listValues} 个值，超过每条规则 ${RULE_LIMITS.listValues} 个的上限；请改用参数或拆分`
          : `全部规则的条件列表共有 ${listValues} 个以上的值，超过 ${RULE_LIMITS.folderListValues} 个的上限；请删减列表`,
        en: rule
          ? `the lists in this rule's conditions hold ${size.listValues} values, more than the limit of ${RULE_LIMITS.listValues} per rule; shorten them`
          : `the lists in all the rules' conditions hold ${listValues} values or more by this file, more than the limit of ${RULE_LIMITS.folderListValues}; shorten them`,
      });
      continue;
    }
    const invalid = schemaProblems(file, json, 'rule');
    const found = invalid.length ? invalid : validateRule(file, json, type, known);
    if (!invalid.length && !known && (json.value as { matters: unknown[] }).matters.length) unchecked.push(file);
    problems.push(...found, ...impossibleDates(file, json));
    const rule = json.value as LoadedRule;
    if (rule && typeof rule === 'object' && typeof rule.id === 'string') {
      const earlier = seen.get(rule.id);
      if (earlier) {
        // Said in both files: the officer may be looking at either.
        problems.push({ file, ...json.locate(['id']), zh: `规则 id "${rule.id}" 与 ${earlier.file} 重复`, en: `rule id "${rule.id}" is also used by ${earlier.file}` });
        problems.push({ file: earlier.file, ...earlier.json.locate(['id']), zh: `规则 id "${rule.id}" 与 ${file} 重复`, en: `rule id "${rule.id}" is also used by ${file}` });
      }
      seen.set(rule.id, { file, json });
    }
    // Schema-valid rules go on to the checks against the facts, even with other problems.
    if (invalid.length === 0) rules.push({ rule: { ...rule, file }, json });
  }
  problems.push(...mattersNotChecked(unchecked));
  return rules;
}

export interface RuleInspection {
  /** The rule set, when there is no problem. */
  ruleSet: RuleSet | null;
  /** Errors: the set cannot be used while any remains. */
  problems: RuleProblem[];
  /** Rules that can never fire, rules that contradict each other: worth a look, not blocking. */
  warnings: RuleProblem[];
}

/**
 * A draft's author: its facts queries that differ from the served ones (`served`, by file) may read
 * only what `reader` reads whole. The served queries are the system's and read what the policy needs.
 */
export interface DraftOptions {
  reader: DraftReader;
  served: RuleFiles;
}

/** Reads the rules folder (rule-loader.ts) and checks it (inspectFiles). An oversized folder is not read at all. */
export function inspectRules(dir: string, schema: GraphQLSchema, draft?: DraftOptions): RuleInspection {
  const { files, problems } = readRuleFolder(dir);
  return files ? inspectFiles(files, schema, draft) : { ruleSet: null, problems, warnings: [] };
}

/**
 * Checks a rule set's files: matters, parameters, facts queries (against the served schema), rule
 * files (schema, vocabulary, paths and value types against the facts) and the law they cite.
 * Collects every problem rather than stopping at the first; the set is built when there is none.
 */
export function inspectFiles(files: RuleFiles, schema: GraphQLSchema, draft?: DraftOptions): RuleInspection {
  const problems: RuleProblem[] = [];
  const parsed = parseRuleFiles(files);
  const matters = loadMatters(parsed.matters, problems);
  const parameterFiles = loadParameters(parsed.parameters, problems);
  const parameterSets = parameterFiles.filter(({ valid }) => valid).map(({ set }) => set);
  const { queries: factsQueries, shaped } = loadFactsQueries(parsed.factsQueries, files, schema, problems, draft);
  const loaded = loadRules(parsed.rules, matters, problems);
  const shapes: Partial<Record<SubjectType, ShapeNode>> = {};
  for (const [type, document] of Object.entries(shaped) as [SubjectType, DocumentNode | undefined][]) if (document) shapes[type] = subjectShape(schema, document);
  // What the draft's author may read of each subject type's facts: built once per type, not per rule
  // (a draft of 50 rules spent over a second of the event loop rebuilding it).
  const readableShapes = new Map<SubjectType, ShapeNode | undefined>();
  for (const { rule, json } of loaded) {
    // A facts file refused for its shape is not looked into: its rules are checked once it is fixed.
    if (!shaped[rule.subjectType]) continue;
    const found = checkRuleAgainstFacts(rule, json, shapes[rule.subjectType], parameterSets);
    problems.push(...found);
    if (found.length || !draft || draft.served[rule.file] === files[rule.file]) continue;
    // A draft's own rule may read only the facts its author may read whole (FIELD_READERS).
    if (!readableShapes.has(rule.subjectType)) readableShapes.set(rule.subjectType, subjectShape(schema, readableBy(schema, shaped[rule.subjectType]!, draft.reader)));
    const readable = readableShapes.get(rule.subjectType);
    for (const problem of checkRuleAgainstFacts(rule, json, readable, parameterSets)) {
      problems.push({
        ...problem,
        zh: `草案规则读取了角色 ${draft.reader.role} 无权完整读取的事实，请删除该条件或占位符（${problem.zh}）`,
        en: `a draft rule reads a fact the role ${draft.reader.role} may not read whole; remove that condition or placeholder (${problem.en})`,
      });
    }
  }
  problems.push(...validateMitigations(loaded));
  const reads = parameterReads(loaded, factsQueries, schema, shapes);
  problems.push(...checkParameterFiles(parameterFiles, [...reads, ...CODE_READS]));
  problems.push(...checkParameterArguments(parameterFiles.filter(({ valid }) => valid), factsQueries, schema));
  const warnings = lintRules(loaded);
  // A rule reading the repair-ended judgmentDefaulter where the court's listing is meant (law23 R1).
  warnings.push(...checkListingReadings(loaded));
  // The rules against the law they cite (quotes, authorised measures, the catalogue): a rule set
  // that applies a measure no clause authorises never serves, here or in a preview.
  const law = inspectLaw(parsed);
  problems.push(...law.problems);
  warnings.push(...law.warnings);
  if (problems.length || !matters) return { ruleSet: null, problems, warnings }; // no matters: loadMatters said why
  const rules = loaded.map(({ rule }) => rule);
  return { ruleSet: new RuleSet(versionOf(files), new Date(), matters, rules, parameterSets, factsQueries as Record<SubjectType, FactsQuery>, files), problems, warnings };
}

/** Loads the rules folder, or throws a RuleSetError carrying every problem. */
export function loadRuleSet(dir: string, schema: GraphQLSchema): RuleSet {
  const { ruleSet, problems } = inspectRules(dir, schema);
  if (!ruleSet) throw new RuleSetError(problems);
  return ruleSet;
}
