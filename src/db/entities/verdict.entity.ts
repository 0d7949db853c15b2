import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { SubjectType } from '../../domain/subject';
import { Outcome, type StoredRuleResult, type VerdictFacts } from '../../domain/verdict';
import { BaseEntity } from './base.entity';

/**
 * A stored verdict: what was decided, about whom, for which matter, as of when, under which rule
 * set, on which facts, and the whole explanation. Immutable: a trigger refuses UPDATE and DELETE.
 */
@Entity({ tableName: 'verdict' })
@Index({ properties: ['subjectType', 'subjectId', 'matter', 'evaluatedAt'] })
@Unique({
  name: 'verdict_sweep_run_subject_unique',
  expression: 'create unique index "verdict_sweep_run_subject_unique" on "verdict" ("sweep_run_id", "subject_type", "subject_id") where "sweep_run_id" is not null',
})
export class Verdict extends BaseEntity {
  @Enum({ items: () => SubjectType, nativeEnumName: 'subject_type' })
  subjectType!: SubjectType;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'string', length: 50 })
  matter!: string;

  @Property({ type: 'timestamptz' })
  asOf!: Date;

  /** The calendar day (China Standard Time) the facts were taken for. */
  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'timestamptz' })
  evaluatedAt!: Date;

  @Enum({ items: () => Outcome, nativeEnumName: 'verdict_outcome' })
  outcome!: Outcome;

  @Property({ type: 'double', nullable: true })
  score!: number | null;

  @Property({ type: 'string', length: 80 })
  ruleSetVersion!: string;

  /**
   * The digest of the row versions its facts were read from, computed from the rows its facts read
   * brought, by parts (src/evaluation/row-digest.ts): `stale` compares it with the digest of the
   * same parts now. Null (or one md5, the earlier form) for a verdict stored before verdicts kept
   * it (compared by the newest row time, src/evaluation/stale.ts).
   */
  @Property({ type: 'string', length: 64, nullable: true })
  rowVersions?: string | null = null;

  /** The parameters file in force on the day. */
  @Property({ type: 'string', length: 200 })
  parametersFile!: string;

  /** Everything the rules read: { subject, parameters }. */
  @Property({ type: 'json' })
  facts!: VerdictFacts;

  /**
   * Every rule of the subject type and matter, fired or not, with conditions, evidence and filled
   * texts; the rules' own texts are in the snapshot of the version (older verdicts carry them).
   * Read back whole with explainedRules (src/evaluation/rule-texts.ts).
   */
  @Property({ type: 'json' })
  rules!: StoredRuleResult[];

  /**
   * The proposed parameters (拟定，待有权机关确认) the deciding rules rest on: provisional while any is
   * listed. Null for verdicts stored before this was kept: read back from their rule-set version
   * (src/evaluation/provisional-uses.ts).
   */
  @Property({ type: 'json', nullable: true })
  provisionalOn?: string[] | null;

  /** The verdict this one re-checked, when it came from `recheck`. */
  @Property({ type: 'uuid', nullable: true })
  recheckOf?: string | null;

  /** The sweep that gave this verdict; at most one verdict per subject per sweep. */
  @Property({ type: 'uuid', nullable: true })
  sweepRunId?: string | null;
}
