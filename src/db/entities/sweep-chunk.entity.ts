import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { SubjectType } from '../../domain/subject';

/**
 * One chunk of a sweep's plan: the subjects of one type with ids in [firstId, beforeId), the unit a
 * worker takes from the queue and commits whole. `doneAt` is set in the transaction that stores
 * the chunk's verdicts. (The sweep's workers read and write it with SQL; the entity describes it.)
 */
@Entity({ tableName: 'sweep_chunk' })
export class SweepChunk {
  @PrimaryKey({ type: 'uuid' })
  runId!: string;

  @PrimaryKey({ type: 'integer' })
  seq!: number;

  @Enum({ items: () => SubjectType, nativeEnumName: 'subject_type' })
  subjectType!: SubjectType;

  @Property({ type: 'uuid' })
  firstId!: string;

  @Property({ type: 'uuid', nullable: true })
  beforeId?: string | null;

  /** Subjects planned in the chunk. */
  @Property({ type: 'integer' })
  subjects!: number;

  /** The pg-boss job that carries it, so that a resumed run can cancel it. */
  @Property({ type: 'uuid', nullable: true })
  jobId?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  doneAt?: Date | null;

  @Property({ type: 'json', nullable: true })
  counts?: Record<string, number> | null;

  @Property({ type: 'integer', nullable: true })
  failed?: number | null;

  /** Milliseconds per stage: facts, engine, explain, write. */
  @Property({ type: 'json', nullable: true })
  stageMs?: Record<string, number> | null;
}
