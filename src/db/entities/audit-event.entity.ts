import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { AuditAction } from '../../domain/audit';
import { SubjectType } from '../../domain/subject';
import { BaseEntity } from './base.entity';

/**
 * One entry of the append-only audit trail: who (token subject and role) did what, to which
 * subject or object, when, with what outcome. Written in the same transaction as the change it
 * records; a trigger refuses UPDATE and DELETE.
 */
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['subjectType', 'subjectId'] })
@Index({ properties: ['createdAt'] })
export class AuditEvent extends BaseEntity {
  /** The token's subject; "public" without a token, "system" for the command line. */
  @Property({ type: 'string', length: 200 })
  actor!: string;

  @Property({ type: 'string', length: 20 })
  role!: string;

  @Enum({ items: () => AuditAction, nativeEnumName: 'audit_action' })
  action!: AuditAction;

  @Enum({ items: () => SubjectType, nativeEnumName: 'subject_type', nullable: true })
  subjectType?: SubjectType | null;

  @Property({ type: 'uuid', nullable: true })
  subjectId?: string | null;

  /** The record, verdict, objection … acted on, when it is not the subject itself. */
  @Property({ type: 'uuid', nullable: true })
  targetId?: string | null;

  /** What came of it, e.g. an outcome, a decision, a rule-set version, an update's changed fields with their values. */
  @Property({ type: 'string', length: 1000 })
  outcome!: string;
}
