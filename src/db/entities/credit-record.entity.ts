import { Check, Entity, Enum, Index, type Opt, Property, Unique } from '@mikro-orm/core';
import { RecordCategory, RecordKind, RecordStatus, Severity } from '../../domain/credit-record';
import { numberKeySql } from '../../domain/document-number';
import { SubjectType } from '../../domain/subject';
import { BaseEntity } from './base.entity';

/**
 * A credit record (信用记录) about an agency, a civil servant or an enterprise.
 * The subject is (subjectType, subjectId) because a record may belong to any of the three
 * kinds; the registry service checks that the subject exists before it writes.
 * Never deleted: corrections and revocations bump `version` and leave a revision behind.
 */
@Entity({ tableName: 'credit_record' })
@Index({ properties: ['subjectType', 'subjectId', 'occurredOn'] })
@Check({ name: 'credit_record_dates_in_order', expression: 'occurred_on <= recorded_on and (disclosure_ends_on is null or disclosure_ends_on >= occurred_on)' })
@Check({ name: 'credit_record_decided_after_occurred', expression: 'occurred_on <= decided_on' })
@Check({ name: 'credit_record_in_office_civil_servant', expression: "in_office is null or subject_type = 'CIVIL_SERVANT'" })
@Check({ name: 'credit_record_severity_for_dishonesty', expression: "(kind = 'DISHONEST') = (severity is not null)" })
@Unique({
  name: 'credit_record_one_per_decision',
  expression:
    `create unique index "credit_record_one_per_decision" on "credit_record" ("subject_type", "subject_id", "category", "decided_on", (${numberKeySql('"document_number"')})) ` +
    `where "status" <> 'REVOKED' and "category" <> 'COMMITMENT_DERELICTION' and not "duplicate_on_file"`,
})
export class CreditRecord extends BaseEntity {
  @Enum({ items: () => SubjectType, nativeEnumName: 'subject_type' })
  subjectType!: SubjectType;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Enum({ items: () => RecordKind, nativeEnumName: 'record_kind' })
  kind!: RecordKind;

  @Enum({ items: () => RecordCategory, nativeEnumName: 'record_category' })
  category!: RecordCategory;

  /** Severity of a dishonesty record; null for trustworthy records. */
  @Enum({ items: () => Severity, nativeEnumName: 'severity', nullable: true })
  severity?: Severity | null;

  /** One line saying what happened. */
  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'date' })
  occurredOn!: string;

  @Property({ type: 'date' })
  recordedOn!: string;

  /**
   * The day the dishonesty was decided (认定/决定之日, e.g. the date of the penalty decision).
   * Periods a record counts for run from it; on a day before it the record does not count.
   */
  @Property({ type: 'date' })
  decidedOn!: string;

  /**
   * decidedOn was not given but estimated from recordedOn (records from before decision days were
   * kept, and records registered without one): explanations say a period was counted from it.
   */
  @Property({ type: 'boolean', default: false })
  decidedOnEstimated: Opt<boolean> = false;

  /** The last day the record is disclosed (公示期满); null when not limited. */
  @Property({ type: 'date', nullable: true })
  disclosureEndsOn?: string | null;

  /** The department that reported the record (认定部门). */
  @Property({ type: 'string', length: 200 })
  sourceDepartment!: string;

  /** Number of the document that established the fact (文号). */
  @Property({ type: 'string', length: 100 })
  documentNumber!: string;

  /** Economic loss caused, in yuan. */
  @Property({ type: 'decimal', precision: 16, scale: 2, nullable: true, runtimeType: 'number' })
  loss?: number | null;

  /**
   * A 四(四) file entry (COMMITMENT_DERELICTION) carried over from the commitment's named responsible
   * person, whom no finding body named answerable (Migration20261204090900UnconfirmedAnswerable): it
   * counts towards nothing until a finding naming the person confirms it (recordBreachFinding).
   */
  @Property({ type: 'boolean', default: false })
  answerableUnconfirmed: Opt<boolean> = false;

  /**
   * Whether the act was done in office (履职行为, lawyer10 W3); null: nobody recorded it. A breach of
   * contract or an administrative violation on a civil servant is 政务失信 (三(六)) only when it was:
   * the parameter inOfficeCategories names those categories. Civil servants' records only.
   */
  @Property({ type: 'boolean', nullable: true })
  inOffice?: boolean | null;

  @Enum({ items: () => RecordStatus, nativeEnumName: 'record_status', default: RecordStatus.ACTIVE })
  status: Opt<RecordStatus> = RecordStatus.ACTIVE;

  /** Starts at 1; each correction adds one. */
  @Property({ type: 'integer', default: 1 })
  version: Opt<number> = 1;

  /**
   * A record entered again for an act already on file (same subject, category, decision day and
   * document number) before that was refused (hostile8 F5; Migration20261205300000OneActOnce): kept,
   * with its history, outside the one-record-per-decision index. New records are never so marked.
   */
  @Property({ type: 'boolean', default: false })
  duplicateOnFile: Opt<boolean> = false;
}
