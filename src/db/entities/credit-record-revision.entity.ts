import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { RevisionAction } from '../../domain/credit-record';
import { BaseEntity } from './base.entity';
import { CreditRecord } from './credit-record.entity';

/**
 * One entry in a record's history: what was done, why, and the record's full state after it.
 * The CREATED entry keeps the original; nothing here is ever updated or deleted.
 */
@Entity({ tableName: 'credit_record_revision' })
export class CreditRecordRevision extends BaseEntity {
  @ManyToOne(() => CreditRecord, { deleteRule: 'restrict', index: true })
  record!: CreditRecord;

  @Enum({ items: () => RevisionAction, nativeEnumName: 'revision_action' })
  action!: RevisionAction;

  /** The record's version after this entry. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** The objection or repair that caused this entry, when there was one. */
  @Property({ type: 'uuid', nullable: true })
  causeId?: string | null;

  /** The record's fields after this entry, as they were written. */
  @Property({ type: 'json' })
  snapshot!: Record<string, unknown>;
}
