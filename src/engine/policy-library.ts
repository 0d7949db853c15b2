import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SubjectType } from '../domain/subject';
import { parseJsonFile, type LocatedJson } from './json-file';
import { normalise } from './quote-match';
import type { Bilingual, Effect } from './rule-file';
import type { RuleProblem } from './rule-problem';
import { listFiles } from './rules-folder';
import { schemaProblems } from './schema-check';

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
  signedOn: string;
  clauses: DocumentClause[];
  file: string;
  json: LocatedJson;
}

/** What one clause authorises: to whom, in which matters, at most how strong, whether it lightens. */
export interface AuthorisedMeasure {
  words: string;
  subjectTypes: SubjectType[];
  matters: string[];
  effect: Effect;
  mitigates: boolean;
  reading: Bilingual;
  notImplemented?: Bilingual;
}

export type ClauseStatus = 'AUTHORISES' | 'NO_DECISION' | 'NOT_MODELLED';

export interface CatalogueClause {
  clause: string;
  status: ClauseStatus;
  reason?: Bilingual;
  measures?: AuthorisedMeasure[];
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
  catalogues: Catalogue[];
}

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

function loadFolder<T>(dir: string, folder: string, schema: 'document' | 'catalogue', problems: RuleProblem[], read: Record<string, string>): (T & { file: string; json: LocatedJson })[] {
  return listFiles(path.join(dir, folder), '.json').flatMap((full) => {
    const file = path.relative(dir, full);
    const content = readFileSync(full, 'utf8');
    read[file] = content;
    const { json, problems: syntax } = parseJsonFile(file, content);
    problems.push(...syntax);
    if (!json) return [];
    const invalid = schemaProblems(file, json, schema);
    problems.push(...invalid);
    return invalid.length ? [] : [{ ...(json.value as T), file, json }];
  });
}

/**
 * Reads rules/documents/ and rules/catalogue/, each file against its JSON Schema, every problem
 * located. `read` receives each file's text, so that the rule-set version covers the law too.
 */
export function loadPolicyLibrary(dir: string, read: Record<string, string> = {}): { library: PolicyLibrary; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const documents = loadFolder<PolicyDocument>(dir, 'documents', 'document', problems, read);
  const catalogues = loadFolder<Catalogue>(dir, 'catalogue', 'catalogue', problems, read);
  return { library: { documents, catalogues }, problems };
}
