import type { LocatedJson } from './json-file';
import { normalisedText } from './quote-match';
import type { RuleProblem } from './rule-problem';
import type { ParsedJson, ParsedRuleFiles } from './rule-loader';
import { attachLocalChoices, inlineLocalChoices, type LocalChoiceFile } from './local-choice-file';
import { schemaProblems, type SchemaName } from './schema-check';
import type { Catalogue, CatalogueClause, DocumentClause, PolicyDocument } from './policy-model';

export type { DocumentClause, PolicyDocument, MeasureScope, AuthorisedMeasure, ClauseStatus, LocalChoice, DocumentReference, CatalogueClause, Catalogue } from './policy-model';

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
export const clauseKey = (id: string) => normalisedText(id);

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
