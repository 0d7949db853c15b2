import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { SubjectType } from '../domain/subject';
import { subjectShape } from './facts-shape';
import { parseJsonFile, type LocatedJson } from './json-file';
import type { LoadedRule, Matter, ParameterSet } from './rule-file';
import { RuleSetError, type RuleProblem } from './rule-problem';
import { validateRule } from './rule-validator';
import { schemaProblems } from './schema-check';
import { lintRules } from './rule-lint';
import { checkRuleAgainstFacts } from './static-check';

/** Rule folders and facts files by subject type. */
export const SUBJECT_FOLDERS: Record<SubjectType, string> = {
  [SubjectType.AGENCY]: 'agency',
  [SubjectType.CIVIL_SERVANT]: 'civil-servant',
  [SubjectType.ENTERPRISE]: 'enterprise',
};

export interface FactsQuery {
  file: string;
  document: DocumentNode;
  /** Variables the query declares, so only those are passed from the parameters. */
  variables: string[];
}

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
    /** The files behind the version, so a verdict's rules can be read back later. */
    readonly files: Record<string, string>,
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

function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full, extension) : name.endsWith(extension) ? [full] : [];
    })
    .sort();
}

function graphqlProblem(file: string, error: GraphQLError): RuleProblem {
  const at = error.locations?.[0] ?? { line: 1, column: 1 };
  return { file, line: at.line, column: at.column, zh: `事实查询错误：${error.message}`, en: `facts query error: ${error.message}` };
}

function loadMatters(dir: string, files: Record<string, string>, problems: RuleProblem[]): Matter[] {
  const file = 'matters.json';
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    problems.push({ file, line: 1, column: 1, zh: '缺少 matters.json（事项清单）', en: 'matters.json (the list of matters) is missing' });
    return [];
  }
  files[file] = readFileSync(full, 'utf8');
  const { json, problems: syntax } = parseJsonFile(file, files[file]);
  problems.push(...syntax);
  if (!json) return [];
  const invalid = schemaProblems(file, json, 'matters');
  problems.push(...invalid);
  return invalid.length ? [] : (json.value as { matters: Matter[] }).matters;
}

function loadParameters(dir: string, files: Record<string, string>, problems: RuleProblem[]): ParameterSet[] {
  return listFiles(path.join(dir, 'parameters'), '.json')
    .flatMap((full) => {
      const file = path.relative(dir, full);
      files[file] = readFileSync(full, 'utf8');
      const { json, problems: syntax } = parseJsonFile(file, files[file]);
      problems.push(...syntax);
      if (!json) return [];
      const invalid = schemaProblems(file, json, 'parameters');
      problems.push(...invalid);
      return invalid.length ? [] : [{ ...(json.value as ParameterSet), file }];
    })
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

function loadFactsQueries(dir: string, schema: GraphQLSchema, files: Record<string, string>, problems: RuleProblem[]) {
  const queries = {} as Record<SubjectType, FactsQuery>;
  for (const [type, folder] of Object.entries(SUBJECT_FOLDERS) as [SubjectType, string][]) {
    const file = `facts/${folder}.graphql`;
    const full = path.join(dir, file);
    if (!existsSync(full)) {
      problems.push({ file, line: 1, column: 1, zh: `缺少 ${file}（${type} 的事实查询）`, en: `${file} (the facts query of ${type}) is missing` });
      continue;
    }
    files[file] = readFileSync(full, 'utf8');
    try {
      const document = parse(files[file]);
      const errors = validate(schema, document);
      problems.push(...errors.map((e) => graphqlProblem(file, e)));
      const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
      const variables = operation?.kind === 'OperationDefinition' ? (operation.variableDefinitions ?? []).map((v) => v.variable.name.value) : [];
      queries[type] = { file, document, variables };
    } catch (error) {
      if (error instanceof GraphQLError) problems.push(graphqlProblem(file, error));
      else throw error;
    }
  }
  return queries;
}

function loadRules(dir: string, matters: Matter[], files: Record<string, string>, problems: RuleProblem[]): { rule: LoadedRule; json: LocatedJson }[] {
  const known = new Map(matters.map((m) => [m.code, m]));
  const seen = new Map<string, { file: string; json: LocatedJson }>();
  const rules: { rule: LoadedRule; json: LocatedJson }[] = [];
  for (const [type, folder] of Object.entries(SUBJECT_FOLDERS) as [SubjectType, string][]) {
    for (const full of listFiles(path.join(dir, folder), '.json')) {
      const file = path.relative(dir, full);
      files[file] = readFileSync(full, 'utf8');
      const { json, problems: syntax } = parseJsonFile(file, files[file]);
      problems.push(...syntax);
      if (!json) continue;
      const invalid = schemaProblems(file, json, 'rule');
      const found = invalid.length ? invalid : validateRule(file, json, type, known);
      problems.push(...found);
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
  }
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
 * Reads and checks the rules folder: matters, parameters, facts queries (against the served schema)
 * and rule files (schema, vocabulary, paths and value types against the facts). Collects every
 * problem rather than stopping at the first.
 */
export function inspectRules(dir: string, schema: GraphQLSchema): RuleInspection {
  const problems: RuleProblem[] = [];
  const files: Record<string, string> = {};
  const matters = loadMatters(dir, files, problems);
  const parameterSets = loadParameters(dir, files, problems);
  const factsQueries = loadFactsQueries(dir, schema, files, problems);
  const loaded = loadRules(dir, matters, files, problems);
  for (const { rule, json } of loaded) {
    const query = factsQueries[rule.subjectType];
    problems.push(...checkRuleAgainstFacts(rule, json, query && subjectShape(schema, query.document), parameterSets));
  }
  const warnings = lintRules(loaded);
  if (problems.length) return { ruleSet: null, problems, warnings };
  const hash = createHash('sha256');
  for (const file of Object.keys(files).sort()) hash.update(file).update('\0').update(files[file]).update('\0');
  const version = `sha256:${hash.digest('hex').slice(0, 16)}`;
  const rules = loaded.map(({ rule }) => rule);
  return { ruleSet: new RuleSet(version, new Date(), matters, rules, parameterSets, factsQueries, files), problems, warnings };
}

/** Loads the rules folder, or throws a RuleSetError carrying every problem. */
export function loadRuleSet(dir: string, schema: GraphQLSchema): RuleSet {
  const { ruleSet, problems } = inspectRules(dir, schema);
  if (!ruleSet) throw new RuleSetError(problems);
  return ruleSet;
}
