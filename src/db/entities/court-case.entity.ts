import { BeforeCreate, Check, Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { AbsenceFinding } from '../../domain/court-absence';
import { CaseKind } from '../../domain/court-facts';
import { normalisedNumber } from '../../domain/document-number';
import { Agency } from './agency.entity';
import { BaseEntity } from './base.entity';

/** A lawsuit in which an agency is the defendant (三(八)). */
@Entity({ tableName: 'court_case' })
// An agency's court cases a page at a time, latest filed first: nested-pages.ts reads first + 1 of them.
@Index({ properties: ['agency', 'filedOn', 'id'] })
@Check({ name: 'court_case_hearing_after_filing', expression: 'hearing_on is null or hearing_on >= filed_on' })
@Check({
  name: 'court_case_absence_finding_whole',
  expression: '(absence_finding is null) = (absence_found_on is null) and (absence_finding is null or (head_appeared = false and absence_found_by is not null and absence_finding_document is not null))',
})
export class CourtCase extends BaseEntity {
  @ManyToOne(() => Agency, { deleteRule: 'restrict', index: true })
  agency!: Agency;

  /** Court case number (案号), e.g. (2023)鄂0702行初15号. */
  @Property({ type: 'string', length: 100 })
  @Unique()
  caseNumber!: string;

  /**
   * The case number as it is compared (src/registry/document-numbers.ts: NFKC, no white space),
   * unique (court_case_one_per_number): one case is registered once however its number is written
   * (hostile8 F4). Null only on a case registered again under another spelling before this was
   * checked (Migration20261205300000OneActOnce): kept on file, the first registration holds the key.
   */
  @Property({ type: 'string', length: 100, nullable: true })
  @Unique({ name: 'court_case_one_per_number' })
  caseNumberKey?: string | null;

  @Property({ type: 'string', length: 200 })
  court!: string;

  /**
   * Administrative (行政诉讼), civil or other: only administrative cases count under 三(八). Null:
   * not recorded (cases registered when a missing kind silently became ADMINISTRATIVE, unless the
   * court's case number bears it out); such a case counts for nothing until the kind is recorded.
   */
  @Enum({ items: () => CaseKind, nativeEnumName: 'case_kind', nullable: true })
  kind?: CaseKind | null;

  @Property({ type: 'date' })
  filedOn!: string;

  /**
   * The day of the hearing (开庭之日) at which the head appeared or not: 三(八)'s conduct, so the day
   * an absence is counted by. Null when not recorded: the filing day stands in (see court-facts.ts).
   */
  @Property({ type: 'date', nullable: true })
  hearingOn?: string | null;

  /**
   * Did the agency's head appear in court (负责人出庭应诉)? True when the principal, a deputy head or a
   * head in charge of the matter appeared (法释〔2020〕3号 art. 2 counts them all as 负责人; see
   * rules/catalogue/, 三(八)). Null until the hearing.
   */
  @Property({ type: 'boolean', nullable: true })
  headAppeared?: boolean | null;

  /** Who the absent head entrusted to appear (委托出庭人). */
  @Property({ type: 'string', length: 200, nullable: true })
  entrustedRepresentative?: string | null;

  /** The valid reason (正当理由) the head gave for not appearing: particulars; the finding decides. */
  @Property({ type: 'text', nullable: true })
  validAbsenceReason?: string | null;

  /**
   * The finding on the head's absence (三(八)): UNEXCUSED counts, EXCUSED does not. Null: nobody has
   * examined it (未认定), and the absence counts for nothing (Migration20261205200000AbsenceFindings).
   */
  @Enum({ items: () => AbsenceFinding, nativeEnumName: 'absence_finding', nullable: true })
  absenceFinding?: AbsenceFinding | null;

  /** The day the finding was made; it holds from then. */
  @Property({ type: 'date', nullable: true })
  absenceFoundOn?: string | null;

  /** The body that made the finding (认定机关). */
  @Property({ type: 'string', length: 200, nullable: true })
  absenceFoundBy?: string | null;

  /** The document of the finding (认定文号). */
  @Property({ type: 'string', length: 100, nullable: true })
  absenceFindingDocument?: string | null;

  /** The agency was listed as a judgment defaulter (失信被执行人) in this case. */
  @Property({ type: 'boolean', default: false })
  judgmentDefaulter: Opt<boolean> = false;

  @Property({ type: 'date', nullable: true })
  defaulterListedOn?: string | null;

  /** The day the agency left the defaulter list; null while still listed. */
  @Property({ type: 'date', nullable: true })
  defaulterRemovedOn?: string | null;

  /** Every case gets its key, however it is created (the demo seed writes entities directly). */
  @BeforeCreate()
  keyCaseNumber(): void {
    if (this.caseNumberKey === undefined) this.caseNumberKey = normalisedNumber(this.caseNumber);
  }

  /**
   * The unit's objection to the absence finding is pending (src/registry/finding-objection.service.ts). The
   * objections themselves, with their days, are in finding_objection (what the facts read); this
   * current state lives on the finding's row so that filing and deciding change the row a verdict's
   * row digest covers, and a verdict read before is seen to be stale.
   */
  @Property({ type: 'boolean', default: false })
  absenceFindingDisputed: Opt<boolean> = false;

  /** The day the absence finding was revoked on the unit's upheld objection; it counts for nothing from then. */
  @Property({ type: 'date', nullable: true })
  absenceFindingRevokedOn?: string | null;
}
