import { createHash } from 'node:crypto';
import path from 'node:path';
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import { factsReach } from './facts-reach';
import type { Bilingual } from '../domain/bilingual';
import { SubjectType } from '../domain/subject';
import type { Basis, RuleTexts } from '../domain/verdict';
import { RuleSnapshotError } from '../errors';
import { parseJsonFile, type LocatedJson } from './json-file';
import { readParameterSet } from './parameter-file';
import type { EvidenceSpec, ParameterSource } from './rule-model';
import { RULE_LIMITS } from './rule-limits';
import { formatProblem, type RuleProblem } from './rule-problem';
import { listFolderFiles, namedFolderFile, openFolderFile, type FoundFile } from './rule-folder-files';

/**
 * Rule loading, in one place: which files make a rule set, reading them from a folder, parsing
 * each (JSON located to the line, facts queries as GraphQL), the version (a hash of them all), and
 * reading a stored snapshot of them back with the same parse. What the files mean is in
 * rule-model.ts; checking them and building the RuleSet is rule-set.ts.
 */

/** A rule set's files: path relative to the rules folder → content. What the version hashes and a snapshot stores. */
export type RuleFiles = Record<string, string>;

/** Rule folders and facts files by subject type. */
export const SUBJECT_FOLDERS: Record<SubjectType, string> = {
  [SubjectType.AGENCY]: 'agency',
  [SubjectType.CIVIL_SERVANT]: 'civil-servant',
  [SubjectType.ENTERPRISE]: 'enterprise',
};

/** The law the rules cite: policy documents as data, and the catalogue of the measures each clause authorises. */
const LAW_FOLDERS = ['documents', 'catalogue'] as const;

/**
 * A catalogue's local choices live beside it in catalogue/<name>.local-choices.json (its own schema),
 * so neither file nears the size limit; policy-library.ts puts them back on the catalogue's clauses.
 */
export const LOCAL_CHOICES_SUFFIX = '.local-choices.json';

const factsFile = (folder: string) => `facts/${folder}.graphql`;

/** The problems of a listing, each once (the walk for `.json` and the one for `.graphql` meet the same links). */
function distinct(problems: RuleProblem[]): RuleProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(formatProblem(p)) && !!seen.add(formatProblem(p)));
}

/** A file past the per-file limit: its size when it was sized, or only "more than" when its read stopped one past the limit. */
const tooLarge = (file: string, bytes: number, sized: boolean): RuleProblem => ({
  file,
  line: 1,
  column: 1,
  zh: `${sized ? `文件有 ${bytes} 字节，` : '文件'}超过上限 ${RULE_LIMITS.fileBytes} 字节；请拆分`,
  en: `the file has ${sized ? `${bytes} bytes, ` : ''}more than the limit of ${RULE_LIMITS.fileBytes}${sized ? '' : ' bytes'}; split it`,
});

/**
 * The rule and facts files of a folder (schemas included), with their sizes, before any is read:
 * each opened and checked as a regular file (rule-folder-files.ts), none read.
 */
function sizeProblems(dir: string): RuleProblem[] {
  const listed = [listFolderFiles(dir, dir, '.json'), listFolderFiles(dir, dir, '.graphql')];
  const problems = distinct(listed.flatMap((l) => l.problems));
  const found: { file: string; bytes: number }[] = [];
  for (const file of listed.flatMap((l) => l.files)) {
    const opened = openFolderFile(dir, file, RULE_LIMITS.fileBytes, false);
    if ('zh' in opened) problems.push(opened);
    else found.push({ file: path.relative(dir, file.full), bytes: opened.bytes });
  }
  problems.push(...found.filter((f) => f.bytes > RULE_LIMITS.fileBytes).map((f) => tooLarge(f.file, f.bytes, true)));
  const total = found.reduce((sum, f) => sum + f.bytes, 0);
  if (found.length > RULE_LIMITS.files || total > RULE_LIMITS.folderBytes) {
    problems.push({
      file: '.',
      line: 1,
      column: 1,
      zh: `规则目录有 ${found.length} 个文件、共 ${total} 字节，上限为 ${RULE_LIMITS.files} 个、${RULE_LIMITS.folderBytes} 字节`,
      en: `the rules folder has ${found.length} files of ${total} bytes in all; the limits are ${RULE_LIMITS.files} files and ${RULE_LIMITS.folderBytes} bytes`,
    });
  }
  return problems;
}

/**
 * Reads every file of a rules folder that makes its rule set: matters.json, parameters/, the facts
 * queries, the rule folders, documents/ and catalogue/ (schemas/ and READMEs are not part of it).
 * An oversized folder is not read at all: its sizes are all it is told (`files` null). A file is
 * read to at most one byte past its limit, so one grown since it was sized is refused, not read whole.
 */
export function readRuleFolder(dir: string): { files: RuleFiles | null; problems: RuleProblem[] } {
  const problems = sizeProblems(dir);
  if (problems.length) return { files: null, problems };
  const files: RuleFiles = {};
  const read = (found: FoundFile) => {
    const file = path.relative(dir, found.full);
    const opened = openFolderFile(dir, found, RULE_LIMITS.fileBytes, true);
    if ('zh' in opened) problems.push(opened);
    else if (opened.bytes > RULE_LIMITS.fileBytes) problems.push(tooLarge(file, opened.bytes, false));
    else files[file] = opened.text!;
  };
  const readListed = (listed: { files: FoundFile[]; problems: RuleProblem[] }) => {
    problems.push(...listed.problems);
    listed.files.forEach(read);
  };
  // matters.json and the facts files are named, not listed.
  const named = (file: string) => {
    const found = namedFolderFile(dir, file);
    if (found && 'zh' in found) problems.push(found);
    else if (found) read(found);
  };
  named('matters.json');
  for (const folder of ['parameters', ...Object.values(SUBJECT_FOLDERS), ...LAW_FOLDERS]) readListed(listFolderFiles(dir, path.join(dir, folder), '.json'));
  for (const folder of Object.values(SUBJECT_FOLDERS)) named(factsFile(folder));
  if (problems.length) return { files: null, problems: distinct(problems) };
  return { files, problems: [] };
}

/** `sha256:…`: a content hash over every file (paths and contents), the rule-set version. */
export function versionOf(files: RuleFiles): string {
  const hash = createHash('sha256');
  for (const file of Object.keys(files).sort()) hash.update(file).update('\0').update(files[file]).update('\0');
  return `sha256:${hash.digest('hex').slice(0, 16)}`;
}

/** A JSON file of the set, parsed; `json` null when it does not parse, with every syntax problem located. */
export interface ParsedJson {
  file: string;
  json: LocatedJson | null;
  problems: RuleProblem[];
}

/** A facts query, parsed; `document` null when it does not parse. */
export interface ParsedQuery {
  file: string;
  document: DocumentNode | null;
  /** The variables it declares ($id, $asOf and those filled from the parameters). */
  variables: string[];
  problems: RuleProblem[];
}

/** Every file of a set, parsed and sorted by kind, in folder order. */
export interface ParsedRuleFiles {
  /** null when the set has no matters.json. */
  matters: ParsedJson | null;
  parameters: ParsedJson[];
  rules: (ParsedJson & { subjectType: SubjectType })[];
  /** By subject type; absent when its facts file is missing. */
  factsQueries: Partial<Record<SubjectType, ParsedQuery>>;
  documents: ParsedJson[];
  catalogues: ParsedJson[];
  /** catalogue/*.local-choices.json: the local choices under each catalogue's clauses. */
  localChoices: ParsedJson[];
}

/** A GraphQL error in a facts query, as a located problem. */
export function graphqlProblem(file: string, error: GraphQLError): RuleProblem {
  const at = error.locations?.[0] ?? { line: 1, column: 1 };
  return { file, line: at.line, column: at.column, zh: `事实查询错误：${error.message}`, en: `facts query error: ${error.message}` };
}

function parseQuery(file: string, text: string): ParsedQuery {
  try {
    const document = parse(text, { maxTokens: RULE_LIMITS.factsTokens });
    const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
    const variables = operation?.kind === 'OperationDefinition' ? (operation.variableDefinitions ?? []).map((v) => v.variable.name.value) : [];
    return { file, document, variables, problems: [] };
  } catch (error) {
    if (error instanceof GraphQLError) return { file, document: null, variables: [], problems: [graphqlProblem(file, error)] };
    throw error;
  }
}

/** Parses every file of a set: the one parse, for a folder being loaded and for a stored snapshot alike. */
export function parseRuleFiles(files: RuleFiles): ParsedRuleFiles {
  const paths = Object.keys(files).sort();
  const json = (file: string): ParsedJson => ({ file, ...parseJsonFile(file, files[file]) });
  const under = (folder: string) => paths.filter((file) => file.startsWith(`${folder}/`) && file.endsWith('.json')).map(json);
  const factsQueries: ParsedRuleFiles['factsQueries'] = {};
  for (const [type, folder] of Object.entries(SUBJECT_FOLDERS) as [SubjectType, string][]) {
    if (factsFile(folder) in files) factsQueries[type] = parseQuery(factsFile(folder), files[factsFile(folder)]);
  }
  const catalogueFolder = under(LAW_FOLDERS[1]);
  return {
    matters: 'matters.json' in files ? json('matters.json') : null,
    parameters: under('parameters'),
    rules: (Object.entries(SUBJECT_FOLDERS) as [SubjectType, string][]).flatMap(([subjectType, folder]) => under(folder).map((parsed) => ({ ...parsed, subjectType }))),
    factsQueries,
    documents: under(LAW_FOLDERS[0]),
    catalogues: catalogueFolder.filter(({ file }) => !file.endsWith(LOCAL_CHOICES_SUFFIX)),
    localChoices: catalogueFolder.filter(({ file }) => file.endsWith(LOCAL_CHOICES_SUFFIX)),
  };
}

/** What a stored verdict reads of the rule set it was given under. */
export interface StoredRuleSet {
  version: string;
  /** Each rule's file, title, basis and measure, by rule id. */
  texts: Map<string, RuleTexts>;
  /** Each parameters file's sources, by file and parameter name. */
  parameterSources: Map<string, Record<string, ParameterSource>>;
  /** Each facts query's variables, by subject type. */
  queryVariables: Map<SubjectType, string[]>;
  /** Each facts query's reach of its variables (facts-reach.ts), by subject type. */
  queryReach: Map<SubjectType, Record<string, string[]>>;
  /** Each facts query, by subject type: what a verdict's stored facts were read with (src/graphql/stored-facts-view.ts). */
  queryDocuments: Map<SubjectType, DocumentNode>;
  /**
   * Each rule's explanation template and evidence paths, by rule id: what a reader's view of the
   * stored facts fills the texts and finds the evidence with again, by path (stored-facts-view.ts).
   */
  ruleSources: Map<string, RuleSource>;
  /** The version's files, for what is read of them on demand (its proposed local choices, proposed-choices.ts). */
  files: RuleFiles;
}

/** Where a rule's texts and evidence came from in the facts: its explanation template and evidence specs. */
export interface RuleSource {
  explanation?: Bilingual;
  evidence?: EvidenceSpec[];
}

/** A rule file's explanation and evidence specs, when it has them in the expected form. */
function sourceOf(value: unknown): [string, RuleSource] | null {
  const rule = value as { id?: unknown; explanation?: unknown; evidence?: unknown } | null;
  if (!rule || typeof rule.id !== 'string') return null;
  const evidence = Array.isArray(rule.evidence) && rule.evidence.every((spec) => !!spec && typeof (spec as EvidenceSpec).path === 'string') ? (rule.evidence as EvidenceSpec[]) : undefined;
  return [rule.id, { explanation: isBilingual(rule.explanation) ? rule.explanation : undefined, evidence }];
}

const isBilingual = (value: unknown): value is Bilingual => !!value && typeof value === 'object' && typeof (value as Bilingual).zh === 'string' && typeof (value as Bilingual).en === 'string';

/** A rule file's texts, when it has the fields of one (a rule file of an older format may lack some). */
function textsOf(file: string, value: unknown): [string, RuleTexts] | null {
  const rule = value as { id?: unknown; title?: unknown; basis?: unknown; event?: { params?: { measure?: unknown } } } | null;
  if (!rule || typeof rule.id !== 'string' || !isBilingual(rule.title)) return null;
  const measure = rule.event?.params?.measure;
  return [rule.id, { file, title: rule.title, basis: Array.isArray(rule.basis) ? (rule.basis as Basis[]) : [], measure: isBilingual(measure) ? measure : { zh: '', en: '' } }];
}

/**
 * A stored rule set read back with the same parse as a folder (not checked again: it was checked
 * when it served). A file that does not parse fails the read with a RuleSnapshotError naming the
 * version and the file, rather than leaving its rules without texts.
 */
export function readSnapshot(version: string, files: RuleFiles): StoredRuleSet {
  const parsed = parseRuleFiles(files);
  const entries = [...(parsed.matters ? [parsed.matters] : []), ...parsed.parameters, ...parsed.rules, ...Object.values(parsed.factsQueries)];
  const problem = entries.flatMap((entry) => entry.problems)[0];
  if (problem) throw new RuleSnapshotError(version, formatProblem(problem));
  const texts = new Map(parsed.rules.flatMap(({ file, json }) => {
    const found = textsOf(file, json?.value);
    return found ? [found] : [];
  }));
  const parameterSources = new Map(parsed.parameters.flatMap(({ file, json }) => (json?.value && typeof json.value === 'object' ? [[file, readParameterSet(file, json.value).sources] as const] : [])));
  const queryVariables = new Map((Object.entries(parsed.factsQueries) as [SubjectType, ParsedQuery][]).map(([type, query]) => [type, query.variables]));
  const queryReach = new Map((Object.entries(parsed.factsQueries) as [SubjectType, ParsedQuery][]).map(([type, query]) => [type, query.document ? factsReach(query.document) : {}]));
  const queryDocuments = new Map((Object.entries(parsed.factsQueries) as [SubjectType, ParsedQuery][]).flatMap(([type, query]) => (query.document ? [[type, query.document] as const] : [])));
  const ruleSources = new Map(parsed.rules.flatMap(({ json }) => {
    const found = sourceOf(json?.value);
    return found ? [found] : [];
  }));
  return { version, texts, parameterSources, queryVariables, queryReach, queryDocuments, ruleSources, files };
}
