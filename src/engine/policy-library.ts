import type { SubjectType } from '../domain/subject';
import type { LocatedJson } from './json-file';
import { normalise } from './quote-match';
import type { Bilingual } from '../domain/bilingual';
import type { Effect } from '../domain/verdict';
import type { RuleProblem } from './rule-problem';
import type { ParsedJson, ParsedRuleFiles } from './rule-loader';
import { attachLocalChoices, inlineLocalChoices, type LocalChoiceFile } from './local-choice-file';
import { schemaProblems, type SchemaName } from './schema-check';

/** One clause of a policy document: 三(六) with its heading and verbatim words; a bare heading has no text. */
export interface DocumentClause {
  id: string;
  heading?: string;
  text?: string;
}

/** A policy document's text as data (rules/documents/*.json). */
export interface PolicyDocument {
  number: string;
  title: string;
  issuer: string;
  signedOn?: string;
  /** false: the document is named (a clause refers to it) but its text is not held; it has no clauses and nothing may quote it. */
  textHeld?: boolean;
  /** Why its text is not held and what adding it takes (with textHeld false). */
  notHeld?: Bilingual;
  /** Empty for a document whose text is not held. */
  clauses: DocumentClause[];
  file: string;
  json: LocatedJson;
}

/**
 * The subjects a measure reaches when the clause's words name only some of a subject type: 三(六)'s
 * honour disqualification speaks of 相关政府部门, not of every agency. A rule resting on the measure
 * must keep to them with a condition of its own (`path` pinned to some of `values`).
 */
export interface MeasureScope {
  /** A path of the fact "subject", e.g. "$.kind". */
  path: string;
  /** The values the words speak of: strings, or a flag (四(四) 领导干部: `$.leadingCadre` true). */
  values: (string | boolean)[];
  /** The clause's own words that name these subjects, verbatim. */
  words: string;
  reading: Bilingual;
}

/** What one clause authorises: to whom, in which matters, at most how strong, whether it lightens. */
export interface AuthorisedMeasure {
  words: string;
  subjectTypes: SubjectType[];
  matters: string[];
  effect: Effect;
  mitigates: boolean;
  reading: Bilingual;
  /** Why no rule implements the measure, for `matters` only when given (else every matter of the measure). */
  notImplemented?: Bilingual & { matters?: string[] };
  /** Only these subjects of its subject types (the clause names them). */
  scope?: MeasureScope[];
}

export type ClauseStatus = 'AUTHORISES' | 'NO_DECISION' | 'NOT_MODELLED';

/**
 * What Chengxin decides under a clause that the clause's words do not (issue 11: choices presented
 * as law). Stated once, here, with the body that must decide it and every rule it reaches, so a rule
 * text or a reading need not restate it as if the clause said so.
 */
export interface LocalChoice {
  choice: Bilingual;
  body: string;
  status: 'PROPOSED' | 'DECIDED';
  decidedOn?: string | null;
  reference?: string;
  /** Ids of the rules the choice reaches; `rules check` warns of one no rule file has. */
  rules: string[];
  /** Parameters that already hold part of the choice. */
  parameters?: string[];
}

/** A document a clause's words refer to (三(七): 依据《湖北省社会信用信息管理条例》), and what is left unchecked while its text is not held. */
export interface DocumentReference {
  document: string;
  /** The clause's own words naming it, verbatim (checked). */
  words: string;
  leavesUnchecked: Bilingual;
}

export interface CatalogueClause {
  clause: string;
  status: ClauseStatus;
  reason?: Bilingual;
  refersTo?: DocumentReference[];
  measures?: AuthorisedMeasure[];
  localChoices?: LocalChoice[];
}

/** The catalogue of one document (rules/catalogue/*.json). */
export interface Catalogue {
  document: string;
  clauses: CatalogueClause[];
  file: string;
  json: LocatedJson;
}

/** The documents and their catalogues, found by number and clause. */
export interface PolicyLibrary {
  documents: PolicyDocument[];
  /** Each with its local choices on its clauses, from its local-choices file. */
  catalogues: Catalogue[];
  /** The local-choices files as read, for locating a problem in one (local-choice-check.ts). */
  localChoiceFiles: LocalChoiceFile[];
}

/** The text of the document is held here (not only its name): what can be quoted and checked. */
export const textHeld = (document: PolicyDocument) => document.textHeld !== false;

/** Clause ids compare as the quote check compares words: 三（六） is 三(六). */
export const clauseKey = (id: string) => normalise(id).text;

export function findDocument(library: PolicyLibrary, number: string): PolicyDocument | undefined {
  return library.documents.find((d) => clauseKey(d.number) === clauseKey(number));
}

export function findClause(document: PolicyDocument, id: string): DocumentClause | undefined {
  return document.clauses.find((c) => clauseKey(c.id) === clauseKey(id));
}

export function findCatalogue(library: PolicyLibrary, number: string): Catalogue | undefined {
  return library.catalogues.find((c) => clauseKey(c.document) === clauseKey(number));
}

export function findEntry(catalogue: Catalogue | undefined, clause: string): CatalogueClause | undefined {
  return catalogue?.clauses.find((c) => clauseKey(c.clause) === clauseKey(clause));
}

function loadFolder<T>(parsed: ParsedJson[], schema: SchemaName, problems: RuleProblem[]): (T & { file: string; json: LocatedJson })[] {
  return parsed.flatMap(({ file, json, problems: syntax }) => {
    problems.push(...syntax);
    if (!json) return [];
    // Local choices written in a catalogue: one problem saying where they go; the rest of it is checked and loaded without them.
    const inline = schema === 'catalogue' ? inlineLocalChoices(file, json) : { problems: [], json };
    problems.push(...inline.problems);
    const invalid = schemaProblems(file, inline.json, schema);
    problems.push(...invalid);
    return invalid.length ? [] : [{ ...(inline.json.value as T), file, json }];
  });
}

/**
 * rules/documents/ and rules/catalogue/ (read and parsed with the rest of the set, rule-loader.ts,
 * so the rule-set version covers the law too), each file against its JSON Schema, every problem
 * located; each catalogue's local choices (catalogue/*.local-choices.json) put on its clauses.
 */
export function loadPolicyLibrary(parsed: Pick<ParsedRuleFiles, 'documents' | 'catalogues' | 'localChoices'>): { library: PolicyLibrary; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  // A document whose text is not held has no clauses: an empty list, so every reader can walk them alike.
  const documents = loadFolder<PolicyDocument>(parsed.documents, 'document', problems).map((d) => ({ ...d, clauses: d.clauses ?? [] }));
  const localChoiceFiles = loadFolder<Omit<LocalChoiceFile, 'file' | 'json'>>(parsed.localChoices, 'local-choices', problems);
  const attached = attachLocalChoices(loadFolder<Catalogue>(parsed.catalogues, 'catalogue', problems), localChoiceFiles);
  problems.push(...attached.problems);
  return { library: { documents, catalogues: attached.catalogues, localChoiceFiles }, problems };
}
