import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { CreditGradeEnd } from '../../domain/credit-grade';
import { CreditGrade } from '../../domain/subject';
import { BaseEntity } from './base.entity';
import { Enterprise } from './enterprise.entity';

/**
 * One credit grade an enterprise held (src/domain/credit-grade.ts), from the day it was given to the
 * day it ended. Never deleted: a new grade ends the open one (REPLACED), a withdrawal or an entry in
 * error ends it with its reason. The enterprise row keeps the open grade as its `creditGrade` and
 * `gradedOn`, written by the same use case, so the registry's reads and filters stay as they were;
 * the facts read the history.
 */
@Entity({ tableName: 'enterprise_credit_grade' })
@Index({ properties: ['enterprise', 'gradedOn'] })
@Check({ name: 'enterprise_credit_grade_ended_with_reason', expression: '(ended_on is null) = (end_reason is null) or end_reason = \'ENTERED_IN_ERROR\'' })
@Check({ name: 'enterprise_credit_grade_dates_in_order', expression: 'ended_on is null or ended_on >= graded_on' })
@Unique({
  name: 'enterprise_credit_grade_one_open',
  expression: 'create unique index "enterprise_credit_grade_one_open" on "enterprise_credit_grade" ("enterprise_id") where "end_reason" is null',
})
export class EnterpriseCreditGrade extends BaseEntity {
  @ManyToOne(() => Enterprise, { deleteRule: 'restrict' })
  enterprise!: Enterprise;

  @Enum({ items: () => CreditGrade, nativeEnumName: 'credit_grade' })
  grade!: CreditGrade;

  /** The day it was given; it holds from this day. */
  @Property({ type: 'date' })
  gradedOn!: string;

  /** The day it no longer held (WITHDRAWN, REPLACED); null while in force, and for an entry in error. */
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Enum({ items: () => CreditGradeEnd, nativeEnumName: 'credit_grade_end', nullable: true })
  endReason?: CreditGradeEnd | null;

  /** Who entered it (the token's `sub`): the second person who withdraws it over past days is someone else (hostile29 F10). Null before this was kept. */
  @Property({ type: 'string', length: 200, nullable: true })
  enteredBy?: string | null;
}
