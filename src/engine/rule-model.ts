import type { DocumentNode } from 'graphql';
import type { Bilingual } from '../domain/bilingual';
import type { SubjectType } from '../domain/subject';
import type { Basis, Effect, Relief } from '../domain/verdict';

/**
 * The rules folder as data: the types of a rule file, a matter, a parameters file and a facts
 * query, once loaded. Where the folder is read and parsed: rule-loader.ts; where it is checked and
 * becomes a RuleSet: rule-set.ts.
 */

/** A leaf condition as json-rules-engine reads it. */
export interface LeafCondition {
  fact: string;
  path?: string;
  operator: string;
  /** A literal, or `{ "fact": "parameters", "path": "$.name" }` to compare with a parameter in force. */
  value: unknown;
}

/** A condition value that reads a parameter, as json-rules-engine writes fact references. */
export interface ParameterRef {
  fact: 'parameters';
  path: string;
}

export function isParameterRef(value: unknown): value is ParameterRef {
  return !!value && typeof value === 'object' && (value as ParameterRef).fact === 'parameters' && typeof (value as ParameterRef).path === 'string';
}

/** The comparisons an evidence `where` may make, so evidence names the records a threshold let through and no others. */
export const WHERE_COMPARISONS: Record<string, (actual: number, bound: number) => boolean> = {
  greaterThan: (a, b) => a > b,
  greaterThanInclusive: (a, b) => a >= b,
  lessThan: (a, b) => a < b,
  lessThanInclusive: (a, b) => a <= b,
};

export type ConditionNode = LeafCondition | { all: ConditionNode[] } | { any: ConditionNode[] } | { not: ConditionNode };

/** Every leaf condition with its JSON path in the file, for checks and coverage. */
export function leaves(node: ConditionNode, at: (string | number)[] = ['conditions']): { leaf: LeafCondition; at: (string | number)[] }[] {
  if ('all' in node) return node.all.flatMap((child, i) => leaves(child, [...at, 'all', i]));
  if ('any' in node) return node.any.flatMap((child, i) => leaves(child, [...at, 'any', i]));
  if ('not' in node) return leaves(node.not, [...at, 'not']);
  return [{ leaf: node, at }];
}

/** Where a fired rule's evidence lies in the facts, and which items count. */
export interface EvidenceSpec {
  path: string;
  /**
   * Field → required value, list of allowed values, a parameter (`{ "fact": "parameters", "path" }`:
   * its value or list), or a comparison (`{ "greaterThan": number | parameter }`, rule-runner.ts).
   */
  where?: Record<string, unknown>;
}

export interface RuleCase {
  name: string;
  /** The day the case runs on; its parameters are then those in force that day (unless `facts.parameters` is given). */
  on?: string;
  facts: Record<string, unknown>;
  /** `evidence`: the ids of the items the fired rule names as evidence, in order. */
  expect: { fired: boolean; points?: number; evidence?: string[] };
}

/** One rule file: json-rules-engine's conditions, priority and event, plus its legal metadata. */
export interface RuleFile {
  id: string;
  title: Bilingual;
  subjectType: SubjectType;
  matters: string[];
  basis: Basis[];
  effective: { from: string; to?: string | null };
  priority?: number;
  conditions: ConditionNode;
  event: {
    type: Effect;
    params: {
      measure: Bilingual;
      /** SCORE only: a number, or a dotted path into the parameters (may hold {{fact.path}} placeholders). */
      points?: number | { parameter: string };
      /**
       * A mitigating rule (三(七)): when it fires, the named rule's measure, if that rule fired, is
       * lowered one step (LIGHTEN: DISQUALIFY → RESTRICT → CAUTION → none) or waived (WAIVE).
       */
      mitigates?: { rule: string; relief: Relief };
    };
  };
  explanation: Bilingual;
  evidence?: EvidenceSpec[];
  cases?: RuleCase[];
}

/** One ELIGIBLE reason for subjects whose facts meet `when` (every condition: the value at `path` in `in`, not in `notIn`). */
export interface EligibleReasonCase {
  when: { path: string; in?: unknown[]; notIn?: unknown[] }[];
  zh: string;
  en: string;
}

export interface Matter {
  code: string;
  title: Bilingual;
  subjectTypes: SubjectType[];
  /** Why a subject is ELIGIBLE when no rule of the matter fires: the one-line reason a screen shows. */
  eligibleReason?: Bilingual;
  /** Reasons for ELIGIBLE that name the limb that applied: the first whose conditions hold on the facts wins (src/evaluation/eligible-reason.ts). */
  eligibleReasons?: EligibleReasonCase[];
  /** What a summary calls ELIGIBLE for this matter where 符合条件 would mislead (a review that only scores: 计分). */
  eligibleTitle?: Bilingual;
  /**
   * Why this matter is never swept (startSweep, `evaluate --all`): its subjects are not the
   * registered population — RECRUITMENT judges candidates, who are not registered civil servants.
   * Absent: the matter may be swept.
   */
  notSwept?: Bilingual;
}

/**
 * Where a parameter's value comes from: a clause of a document, a local choice (the deciding body
 * and the day it decided), or both (a range set by a document, the point within it chosen locally).
 */
export interface ParameterSource {
  document?: string;
  clause?: string;
  /**
   * `status: "PROPOSED"`: a value inferred for the deciding body, not yet decided by it (拟定，待有权机关
   * 确认); explanations say so beside the value. Absent means decided.
   */
  /** decidedOn is null while PROPOSED: no body has decided it yet, so no decision day is shown. */
  localChoice?: { body: string; decidedOn: string | null; reference?: string; status?: 'DECIDED' | 'PROPOSED' };
  note?: Bilingual;
}

/** One entry of a parameters file: the value and its source. */
export interface ParameterEntry {
  value: unknown;
  source: ParameterSource;
}

/**
 * A dated set of policy numbers; the one in force on a day is the latest that started by then.
 * `values` holds the plain values (what rules and facts queries read, periods as ISO 8601 text);
 * `sources` the source of each, by name.
 */
export interface ParameterSet {
  effectiveFrom: string;
  title: Bilingual;
  values: Record<string, unknown>;
  sources: Record<string, ParameterSource>;
  /** The file's own period cases (rules/schemas/parameters.schema.json), run by `rules test`. */
  cases: PeriodCase[];
  file: string;
}

/** Does a record decided on a day still count on another, under the periods in force then? */
export interface PeriodCase {
  name: string;
  on: string;
  subjectType?: 'AGENCY' | 'CIVIL_SERVANT' | 'ENTERPRISE';
  record: {
    /** Default DISHONEST; a TRUSTWORTHY record has no severity and counts for trustworthyFor. */
    kind?: 'DISHONEST' | 'TRUSTWORTHY';
    severity?: 'MINOR' | 'GENERAL' | 'MAJOR' | 'SEVERE';
    decidedOn: string;
    occurredOn?: string;
    /** The decision day was not registered: decidedOn is the recorded day standing in for it. */
    decidedOnEstimated?: boolean;
  };
  counts: boolean;
}

/** A loaded rule, with the file it came from (relative to the rules folder). */
export interface LoadedRule extends RuleFile {
  file: string;
}

/** The variables every facts query is given by the evaluation itself ($id, $asOf); the others come from the parameters in force. */
export const EVALUATION_VARIABLES: readonly string[] = ['id', 'asOf'];

/** A subject type's facts query, parsed: what the facts runner executes for each evaluation. */
export interface FactsQuery {
  file: string;
  /** The subject type it reads: its single root field is that type's lookup (see facts-query-check). */
  subjectType: SubjectType;
  document: DocumentNode;
  /** Variables the query declares, so only those are passed from the parameters. */
  variables: string[];
}
