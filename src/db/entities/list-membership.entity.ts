import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { CreditList } from '../../domain/list-membership';
import { SubjectType } from '../../domain/subject';
import { BaseEntity } from './base.entity';
import { CreditRecord } from './credit-record.entity';

/**
 * One entry of a subject in a national dishonesty list (失信被执行人名单, 严重违法失信名单), from
 * listing to removal. Never deleted: removal fills the removal fields, and a later listing is a new row.
 */
@Entity({ tableName: 'list_membership' })
@Index({ properties: ['subjectType', 'subjectId', 'listedOn'] })
@Check({ name: 'list_membership_dates_in_order', expression: 'removed_on is null or removed_on >= listed_on' })
@Check({ name: 'list_membership_entered_in_error_whole', expression: '(entered_in_error_at is null) = (entered_in_error_by is null) and (entered_in_error_at is null) = (entered_in_error_reason is null) and (entered_in_error_document_number is null or entered_in_error_at is not null)' })
@Check({ name: 'list_membership_term_after_listing', expression: 'term_ends_on is null or term_ends_on >= listed_on' })
@Unique({
  name: 'list_membership_one_open_per_list',
  expression: 'create unique index "list_membership_one_open_per_list" on "list_membership" ("subject_type", "subject_id", "list") where "removed_on" is null and "entered_in_error_at" is null',
})
export class ListMembership extends BaseEntity {
  @Enum({ items: () => SubjectType, nativeEnumName: 'subject_type' })
  subjectType!: SubjectType;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Enum({ items: () => CreditList, nativeEnumName: 'credit_list' })
  list!: CreditList;

  @Property({ type: 'date' })
  listedOn!: string;

  /** The body that listed the subject (e.g. 鄂州市中级人民法院). */
  @Property({ type: 'string', length: 200 })
  listedBy!: string;

  /** The listing decision's number (文号 or 案号). */
  @Property({ type: 'string', length: 100 })
  documentNumber!: string;

  /** The credit record the listing rests on: its approved repair is shown (REPAIRED) but ends the listing only where a rule reads the record; the list holds until removed or its term ends. */
  @ManyToOne(() => CreditRecord, { nullable: true, deleteRule: 'restrict', index: true })
  record?: CreditRecord | null;

  /** The day it was taken off the list; it no longer holds from this day. */
  @Property({ type: 'date', nullable: true })
  removedOn?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  removedBy?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  removalDocumentNumber?: string | null;

  /** The last day of the listing's term set by the court (法释〔2017〕7号 art. 2); null when not recorded. Counts up to this day. */
  @Property({ type: 'date', nullable: true })
  termEndsOn?: string | null;

  /** The court's decision that set or extended the term after the listing (setListingTerm); null when none was recorded so. */
  @Property({ type: 'string', length: 100, nullable: true })
  termDocumentNumber?: string | null;

  /**
   * When it was withdrawn as entered in error (withdrawListing, lawyer22 W2): registered against the
   * wrong subject or otherwise wrongly, it never held and counts on no day. Null for a listing that stands.
   */
  @Property({ type: 'timestamptz', nullable: true })
  enteredInErrorAt?: Date | null;

  /** Who withdrew it (the token's `sub`). */
  @Property({ type: 'string', length: 200, nullable: true })
  enteredInErrorBy?: string | null;

  /** Why: what was found wrong (e.g. the court's list names another 统一社会信用代码). */
  @Property({ type: 'text', nullable: true })
  enteredInErrorReason?: string | null;

  /** The document the finding rests on (e.g. the decision on an objection), when one was given. */
  @Property({ type: 'string', length: 100, nullable: true })
  enteredInErrorDocumentNumber?: string | null;
}
