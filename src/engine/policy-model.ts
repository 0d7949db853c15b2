import type { SubjectType } from '../domain/subject';
import type { Bilingual } from '../domain/bilingual';
import type { Effect } from '../domain/verdict';
import type { LocatedJson } from './json-file';

/** The policy documents and their catalogues as data: what rules/documents and rules/catalogue files hold once read. */

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
