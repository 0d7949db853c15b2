import { Entity, Enum, Index, type Opt, Property, Unique } from '@mikro-orm/core';
import { SweepStatus } from '../../domain/sweep';
import { BaseEntity } from './base.entity';

/**
 * One sweep: every subject concerned by a matter, evaluated as of one moment under one rule-set
 * version. Its chunks (table sweep_chunk) are the units handed to workers; when the last chunk is
 * committed the run is COMPLETED with its counts by outcome; a run that cannot finish is CANCELLED.
 */
@Entity({ tableName: 'sweep_run' })
@Index({ properties: ['startedAt'] })
/** One RUNNING run per matter (see startRun): two sweeps started together cannot both run. */
@Unique({
  name: 'sweep_run_one_running_per_matter',
  expression: `create unique index "sweep_run_one_running_per_matter" on "sweep_run" ("matter") where "status" = 'RUNNING'`,
})
export class SweepRun extends BaseEntity {
  @Property({ type: 'string', length: 50 })
  matter!: string;

  @Property({ type: 'text[]' })
  subjectTypes!: string[];

  @Property({ type: 'timestamptz' })
  asOf!: Date;

  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'string', length: 80 })
  ruleSetVersion!: string;

  @Enum({ items: () => SweepStatus, nativeEnumName: 'sweep_status' })
  status: Opt<SweepStatus> = SweepStatus.RUNNING;

  @Property({ type: 'string', length: 200 })
  startedBy!: string;

  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;

  /** Subjects in the plan, and the chunks they were cut into. */
  @Property({ type: 'integer' })
  subjects!: number;

  @Property({ type: 'integer' })
  chunks!: number;

  /** Verdicts by outcome, set when the run completes. */
  @Property({ type: 'json', nullable: true })
  counts?: Record<string, number> | null;

  /** Subjects that could not be evaluated (see sweep_error), set when the run completes. */
  @Property({ type: 'integer', nullable: true })
  failed?: number | null;

  /** Why the run is FAILED (a chunk's job failed after its retries) and how to resume it; null otherwise. */
  @Property({ type: 'text', nullable: true })
  failure?: string | null;
}
