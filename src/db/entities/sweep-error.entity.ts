import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { SubjectType } from '../../domain/subject';

/** A subject a sweep could not evaluate, and why; the sweep went on with the others. */
@Entity({ tableName: 'sweep_error' })
@Unique({ properties: ['runId', 'subjectType', 'subjectId'] })
export class SweepError {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'uuid' })
  runId!: string;

  @Enum({ items: () => SubjectType, nativeEnumName: 'subject_type' })
  subjectType!: SubjectType;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'text' })
  reason!: string;
}
