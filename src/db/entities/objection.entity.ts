import { Check, Entity, Enum, ManyToOne, Unique } from '@mikro-orm/core';
import { ObjectionRemedy } from '../../domain/objection';
import { CreditRecord } from './credit-record.entity';
import { ADMITTED_WHOLE, ObjectionBase } from './objection-base';

/** A subject's objection (异议) to a credit record (三(七)). */
@Entity({ tableName: 'objection' })
/** One pending objection per record (see fileObjection): the database refuses a second one even if a use case forgets. */
@Unique({
  name: 'objection_one_pending_per_record',
  expression: `create unique index "objection_one_pending_per_record" on "objection" ("record_id") where "status" = 'PENDING'`,
})
/** An admission (lawyer21 R5) is whole, of a renewed objection, and not before its filing day. */
@Check({ name: 'objection_admitted_whole', expression: ADMITTED_WHOLE })
export class Objection extends ObjectionBase {
  @ManyToOne(() => CreditRecord, { deleteRule: 'restrict', index: true })
  record!: CreditRecord;

  /** What an upheld objection did to the record. */
  @Enum({ items: () => ObjectionRemedy, nativeEnumName: 'objection_remedy', nullable: true })
  remedy?: ObjectionRemedy | null;
}
