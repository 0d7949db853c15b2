import { Enum, type Opt, Property } from '@mikro-orm/core';
import { ObjectionStatus } from '../../domain/objection';
import { BaseEntity } from './base.entity';

/**
 * The columns an objection (异议, 三(七)) has whatever it objects to: a credit record (Objection) or a
 * unit finding (FindingObjection). Filed, decided, and — when renewed after a rejection — admitted on
 * new grounds by the same rule (lawyer21 R5, lawyer23 R4; src/domain/objection-stay.ts reads these
 * columns for both), so they are declared once. Not an entity: each kind keeps its own table, and the
 * column names are those both tables already have.
 */
export abstract class ObjectionBase extends BaseEntity {
  /** Who entered it in the register (the token's `sub`): they may not uphold it too (src/registry/second-person.ts). Null before this was kept. */
  @Property({ type: 'string', length: 200, nullable: true })
  enteredBy?: string | null;

  /** Who filed it: the subject (for a finding, the unit's principal) or its representative. */
  @Property({ type: 'string', length: 200 })
  filedBy!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'date' })
  filedOn!: string;

  @Enum({ items: () => ObjectionStatus, nativeEnumName: 'objection_status', default: ObjectionStatus.PENDING })
  status: Opt<ObjectionStatus> = ObjectionStatus.PENDING;

  /** The reasons given with the decision. */
  @Property({ type: 'text', nullable: true })
  resolution?: string | null;

  @Property({ type: 'date', nullable: true })
  resolvedOn?: string | null;

  /** The deciding body (决定机关), when given (lawyer13 R8); null on rows decided before it was kept. */
  @Property({ type: 'string', length: 100, nullable: true })
  decidedBy?: string | null;

  /** The decision's document number (文号), when given; null on rows decided before it was kept. */
  @Property({ type: 'string', length: 100, nullable: true })
  documentNumber?: string | null;

  /**
   * Filed after an earlier objection to the same record or finding was REJECTED (lawyer21 R5, lawyer23 R4):
   * it suspends nothing until an officer admits it on new grounds (admittedOn). False for a first
   * objection and for rows filed before.
   */
  @Property({ type: 'boolean', default: false })
  renewed: Opt<boolean> = false;

  /** The day an officer admitted a renewed objection on new grounds: from it on the record or finding is disputed. */
  @Property({ type: 'date', nullable: true })
  admittedOn?: string | null;

  /** Who admitted it (the token's `sub`). */
  @Property({ type: 'string', length: 200, nullable: true })
  admittedBy?: string | null;

  /** The new facts or reasons the officer admitted it on. */
  @Property({ type: 'text', nullable: true })
  admissionGrounds?: string | null;
}

/**
 * The check each objection table holds under its own name: an admission is whole, of a renewed
 * objection, and not before its filing day.
 */
export const ADMITTED_WHOLE = '(admitted_on is null) = (admitted_by is null) and (admitted_on is null) = (admission_grounds is null) and (admitted_on is null or (renewed and admitted_on >= filed_on))';
