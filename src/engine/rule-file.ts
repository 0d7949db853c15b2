import type { SubjectType } from '../domain/subject';

/** Text a policy officer or inspector reads, in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The legal clause a rule rests on, e.g. 鄂州政发〔2018〕17号 三(六). */
export interface Basis {
  document: string;
  clause: string;
  quote: string;
}

/**
 * The fixed vocabulary of effects, weakest first. SUPERVISE puts an agency under special
 * governance (三(八) 专项治理): a supervision measure that bars nothing, so it ranks above a caution
 * and below a restriction. Which clause authorises which effect is in rules/catalogue/.
 */
export const EFFECTS = ['INCENTIVE', 'SCORE', 'CAUTION', 'SUPERVISE', 'RESTRICT', 'DISQUALIFY'] as const;
export type Effect = (typeof EFFECTS)[number];

/** A leaf condition as json-rules-engine reads it. */
export interface LeafCondition {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
}

export type ConditionNode = LeafCondition | { all: ConditionNode[] } | { any: ConditionNode[] } | { not: ConditionNode };

/** Where a fired rule's evidence lies in the facts, and which items count. */
export interface EvidenceSpec {
  path: string;
  /** Field → required value, or list of allowed values. */
  where?: Record<string, unknown>;
}

export interface RuleCase {
  name: string;
  /** The day the case runs on; its parameters are then those in force that day (unless `facts.parameters` is given). */
  on?: string;
  facts: Record<string, unknown>;
  expect: { fired: boolean; points?: number };
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
      /** Marks a rule that lightens a measure after credit repair (三(七)). */
      mitigation?: boolean;
    };
  };
  explanation: Bilingual;
  evidence?: EvidenceSpec[];
  cases?: RuleCase[];
}

export interface Matter {
  code: string;
  title: Bilingual;
  subjectTypes: SubjectType[];
}

/** A dated set of policy numbers; the one in force on a day is the latest that started by then. */
export interface ParameterSet {
  effectiveFrom: string;
  title: Bilingual;
  values: Record<string, unknown>;
  file: string;
}

/** A loaded rule, with the file it came from (relative to the rules folder). */
export interface LoadedRule extends RuleFile {
  file: string;
}
