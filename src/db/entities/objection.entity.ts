import { Check, Entity, Enum, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { ObjectionRemedy, ObjectionStatus } from '../../domain/objection';
import { BaseEntity } from './base.entity';
import { CreditRecord } from './credit-record.entity';

/** A subject's objection (异议) to a credit record (三(七)). */
@Entity({ tableName: 'objection' })
/** One pending objection per record (see fileObjection): the database refuses a second one even if a use case forgets. */
@Unique({
  name: 'objection_one_pending_per_record',
  expression: `create unique index "objection_one_pending_per_record" on "objection" ("record_id") where "status" = 'PENDING'`,
})
/** An admission (lawyer21 R5) is whole, of a renewed objection, and not before its filing day. */
@Check({ name: 'objection_admitted_whole', expression: '(admitted_on is null) = (admitted_by is null) and (admitted_on is null) = (admission_grounds is null) and (admitted_on is null or (renewed and admitted_on >= filed_on))' })
export class Objection extends BaseEntity {
  @ManyToOne(() => CreditRecord, { deleteRule: 'restrict', index: true })
  record!: CreditRecord;

  /** Who entered it in the register (the token's `sub`): they may not uphold it too (second-person.ts). Null before this was kept. */
  @Property({ type: 'string', length: 200, nullable: true })
  enteredBy?: string | null;

  /** Who filed it: the subject or its representative. */
  @Property({ type: 'string', length: 200 })
  filedBy!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'date' })
  filedOn!: string;

  @Enum({ items: () => ObjectionStatus, nativeEnumName: 'objection_status', default: ObjectionStatus.PENDING })
  status: Opt<ObjectionStatus> = ObjectionStatus.PENDING;

  /** What an upheld objection did to the record. */
  @Enum({ items: () => ObjectionRemedy, nativeEnumName: 'objection_remedy', nullable: true })
  remedy?: ObjectionRemedy | null;

  /** The reasons given with the decision. */
  @Property({ type: 'text', nullable: true })
  resolution?: string | null;

  @Property({ type: 'date', nullable: true })
  resolvedOn?: string | null;

  /** The deciding body (决定机关), when given (lawyer13 R8); null on rows decided before it was kept. */
  @Property({ type: 'string', length: 100, nullable: true })
  decidedBy?: string | null;

  /**
   * Filed to a record whose earlier objection was REJECTED (lawyer21 R5): it suspends nothing until an
   * officer admits it on new grounds (admittedOn). False for a first objection and for rows filed before.
   */
  @Property({ type: 'boolean', default: false })
  renewed: Opt<boolean> = false;

  /** The day an officer admitted a renewed objection on new grounds: from it on the record is disputed. */
  @Property({ type: 'date', nullable: true })
  admittedOn?: string | null;

  /** Who admitted it (the token's `sub`). */
  @Property({ type: 'string', length: 200, nullable: true })
  admittedBy?: string | null;

  /** The new facts or reasons the officer admitted it on. */
  @Property({ type: 'text', nullable: true })
  admissionGrounds?: string | null;

  /** The decision's document number (文号), when given; null on rows decided before it was kept. */
  @Property({ type: 'string', length: 100, nullable: true })
  documentNumber?: string | null;
}
