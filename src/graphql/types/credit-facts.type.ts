import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NotCountedReason } from '../../domain/not-counted';
import { RecordCategory, Severity } from '../../domain/credit-record';
import { CreditList } from '../../domain/list-membership';

// The facts types of credit records (CreditFacts and what it lists) and the severity periods a credit field takes; values from src/domain/credit-facts.ts.

@InputType({ description: 'The calendar period a record of each severity counts for from its decision day (认定之日), as ISO 8601 periods such as "P3M", "P1Y", "P3Y" (a policy parameter of the rules).' })
export class SeverityPeriodsInput {
  @Field({ description: '轻微 (the national tier: at most "P3M")' })
  minor!: string;

  @Field({ description: '一般' })
  general!: string;

  @Field({ description: '较重' })
  major!: string;

  @Field({ description: '严重' })
  severe!: string;
}

// The facts types below hold plain values computed by src/domain/*-facts.ts, read for every subject
// of a sweep: simpleResolvers lets GraphQL read their fields directly, without type-graphql's
// per-field wrapper (nothing in them is guarded field by field; who sees them is decided above).
@ObjectType('CountingRecord', { simpleResolvers: true, description: 'A dishonesty record that counts on the day asked about.' })
export class CountingRecordType {
  @Field(() => ID, { description: '编号 / The id.' })
  id!: string;

  @Field(() => RecordCategory, { description: '记录类别 / What the record is about.' })
  category!: RecordCategory;

  @Field(() => Severity, { nullable: true, description: '严重程度 / How grave the record is.' })
  severity!: Severity | null;

  @Field(() => LocalDateResolver, { description: '失信行为发生日期 / The day the dishonest act occurred.' })
  occurredOn!: string;

  @Field(() => LocalDateResolver, { description: '记录日期 / The day the record was made.' })
  recordedOn!: string;

  @Field(() => LocalDateResolver, { description: '认定之日 / The day it was decided (认定之日): its period runs from here.' })
  decidedOn!: string;

  @Field({ description: '认定之日为估计值 / decidedOn is an estimate (the recorded day stood in): the period was counted from an estimated decision day.' })
  decidedOnEstimated!: boolean;

  @Field({ description: '认定文书编号 / The number of the deciding document.' })
  documentNumber!: string;

  @Field({ description: '认定部门 / The department that decided the record.' })
  sourceDepartment!: string;

  @Field(() => Float, { nullable: true, description: '造成的经济损失（元） / Economic loss caused, in yuan.' })
  loss!: number | null;

  @Field({ description: '已信用修复（免于） / An approved credit repair (信用修复) waived its effect on or before the day: it counts towards no measure.' })
  repaired!: boolean;

  @Field({ description: '已从轻 / An approved repair lightened (从轻, 三(七)) its measures on or before the day: it still counts, for a mitigating rule to lower. ' +
      '三(七)的从轻只及公务员；机构、企业的修复只能登记免于，其记录恒为 false（机构、企业的事实查询不读取本字段）。 / 三(七) lightens for civil servants only: an agency\'s or an enterprise\'s repair is recorded as a waiver or not at all (LIGHTEN_FOR_CIVIL_SERVANTS_ONLY), so for them this is always false (their facts queries do not select it).' })
  lightened!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: '修复批准之日 / The approval day of the repair that waived or lightened it.' })
  repairApprovedOn!: string | null;

  @Field(() => Boolean, { nullable: true, description: '修复批准是否写明救济方式 / Whether the approval of the repair that waived or lightened it stated its relief; false for a civil servant\'s approval stored before the relief was required, whose relief is unconfirmed; null when no repair waived or lightened it.' })
  repairReliefStated!: boolean | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '补充写明救济方式之日 / For an approval recorded without its relief: the day the approving body stated it afterwards; null when the approval stated it or no repair waived or lightened the record.' })
  repairReliefStatedOn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '公示截止之日 / The last day of the record\'s public disclosure (公示期) as its source department set it; null when none was set. Its end does not end the record\'s counting (catalogue 三(七) local choices).' })
  disclosureEndsOn!: string | null;

  @Field({ description: '公示期已届满 / The record\'s public disclosure had ended before the day (disclosureEndsOn earlier than it). It still counts; a restriction or disqualification resting on it should not be signed before 三(七)\'s lead units confirm that choice, and the verdict says so.' })
  disclosureEnded!: boolean;

  @Field({ description: '异议中 / An objection (异议) was pending on the day: the record\'s own, or, for a 四(四) entry, the unit\'s objection to the 履职不力 finding it rests on (findingDisputed).' })
  disputed!: boolean;

  @Field({ description: '所依据的认定在异议中 / A 四(四) entry (COMMITMENT_DERELICTION) whose 履职不力 finding the unit disputes, its objection (fileFindingObjection) pending on the day: the entry rests on that finding alone, so it is disputed as if objected to itself.' })
  findingDisputed!: boolean;

  @Field({ description: '所依据的认定有再次异议待处理、未受理中止 / A 四(四) entry (COMMITMENT_DERELICTION) whose 履职不力 finding has a renewed objection from the unit, undecided on the day and not admitted on new grounds (admitFindingObjection): registered, it disputes nothing, and the entry counts (a local choice, catalogue 三(七)).' })
  findingRenewedObjectionPending!: boolean;

  @Field(() => Int, { description: '所依据的认定已驳回的异议数 / A 四(四) entry: how many of the unit\'s objections to the 履职不力 finding it rests on had been rejected by the day.' })
  findingObjectionsRejected!: number;
  @Field(() => LocalDateResolver, { nullable: true, description: '异议中止之日 / The day the objection suspending the record on the day began to (its filing day, or for a renewed objection the day an officer admitted it); null when no objection suspends it.' })
  disputedSince!: string | null;

  @Field(() => Int, { description: '已驳回的异议数 / How many objections to the record had been rejected by the day since its last correction (lastCorrectedOn), if any: a serial pattern shows here.' })
  objectionsRejected!: number;

  @Field({ description: '再次异议待处理、未受理中止 / An objection filed after an earlier one was rejected is undecided on the day and was not admitted on new grounds (admitObjection): registered, it suspends nothing (a local choice, catalogue 三(七)).' })
  renewedObjectionPending!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: '最近一次经异议更正之日 / The day of the record\'s last correction by an upheld objection (CORRECT) by the day; null when it was never corrected. Rejections are counted since it (objectionsRejected), and an objection after it is the first since the correction, not the first to the record.' })
  lastCorrectedOn!: string | null;
}

@ObjectType('ListingEndedNote', { simpleResolvers: true, description: 'The listing a record rests on, ended by its keeper (移出, or its recorded term run out): from `endedOn` the record counts towards nothing.' })
export class ListingEndedNoteType {
  @Field(() => CreditList, { description: '名单 / Which list.' })
  list!: CreditList;

  @Field({ description: '列入机关 / Who listed the subject (the court, or the listing authority).' })
  listedBy!: string;

  @Field(() => LocalDateResolver, { description: '列入之日 / The listing day.' })
  listedOn!: string;

  @Field({ description: '列入文号 / The listing decision\'s number.' })
  documentNumber!: string;

  @Field({ description: '终止方式 / REMOVED (移出) or TERM_ENDED (the recorded term ran out).' })
  endedBy!: string;

  @Field(() => LocalDateResolver, { description: '名单终止之日 / The first day the listing no longer held: the removal day, or the day after the term\'s last day.' })
  endedOn!: string;

  @Field(() => String, { nullable: true, description: '移出机关 / Who removed it; null for a term that ran out.' })
  removedBy!: string | null;

  @Field(() => String, { nullable: true, description: '移出文号 / The removal decision\'s number; null for a term that ran out.' })
  removalDocumentNumber!: string | null;
}

@ObjectType('NotCountedRecord', { simpleResolvers: true, description: 'A dishonesty record that would count on the day but is left out of every count and flag, with why. It stays on file.' })
export class NotCountedRecordType {
  @Field(() => ID, { description: '编号 / The id.' })
  id!: string;

  @Field(() => RecordCategory, { description: '记录类别 / What the record is about.' })
  category!: RecordCategory;

  @Field(() => Severity, { nullable: true, description: '严重程度 / How grave the record is.' })
  severity!: Severity | null;

  @Field(() => LocalDateResolver, { description: '失信行为发生日期 / The day the act occurred.' })
  occurredOn!: string;

  @Field(() => LocalDateResolver, { description: '认定之日 / The day it was decided.' })
  decidedOn!: string;

  @Field({ description: '认定文书编号 / The number of the deciding document.' })
  documentNumber!: string;

  @Field(() => NotCountedReason, {
    description:
      '不计入的理由 / DUPLICATE_ON_FILE: a second entry of a decision already on file (same category, decision day and document number): one act counts once; ' +
      'ACT_BEFORE_IN_FORCE: the act occurred before the day the document took effect (actsFrom), and a measure under it does not reach back (不溯及既往); ' +
      'CATEGORY_NOT_SPOKEN_OF: its category is not among dishonestyCategories, the conduct the clause read speaks of; ' +
      'IN_OFFICE_UNRECORDED / NOT_IN_OFFICE: its category is among inOfficeCategories and the act is not recorded as done in office (unrecorded, or recorded as private conduct); ' +
      'LISTING_REMOVED: the listing the record rests on was ended by its keeper (removed, or its recorded term ran out), named in listingEnded.',
  })
  reason!: NotCountedReason;

  @Field(() => ListingEndedNoteType, { nullable: true, description: '所依名单的终止 / For LISTING_REMOVED: the listing its keeper ended (who, when, 文号); null otherwise.' })
  listingEnded!: ListingEndedNoteType | null;
}

@ObjectType('CreditFacts', { simpleResolvers: true,
  description:
    'What the credit records of a subject say on one day: the facts the rule files read. A dishonesty record counts when it is not revoked, ' +
    'had been decided (认定) by the day, the day lies within the countsFor period of its severity from its decision day ' +
    '(from the act day when the decision day is an estimate, so an estimate never lengthens it), the act did not occur before actsFrom and its category is among dishonestyCategories when given; the end of its public disclosure (disclosureEndsOn) does not end it. ' +
    'An approved repair that waives ends its effect from the approval day: it stays in records (repaired) and leaves every other count and flag.',
})
export class CreditFactsType {
  @Field(() => LocalDateResolver, { description: '事实所属日期 / The day (China Standard Time) the facts are about.' })
  on!: string;

  @Field(() => Int, { description: '失信记录数（含经修复免于惩戒的） / Counting dishonesty records including those whose measures a repair waived' })
  dishonest!: number;

  @Field(() => Int, { description: '轻微失信记录数 / Counting minor records.' })
  minor!: number;

  @Field(() => Int, { description: '一般失信记录数 / Counting general records.' })
  general!: number;

  @Field(() => Int, { description: '较重失信记录数 / Counting major records.' })
  major!: number;

  @Field(() => Int, { description: '严重失信记录数 / Counting severe records.' })
  severe!: number;

  @Field(() => Int, { description: '未修复的失信记录数 / Counting dishonesty records without an approved repair.' })
  unrepaired!: number;

  @Field(() => Int, { description: '未修复的轻微失信记录数 / Counting minor records without an approved repair.' })
  unrepairedMinor!: number;

  @Field(() => Int, { description: '未修复的一般失信记录数 / Counting general records without an approved repair.' })
  unrepairedGeneral!: number;

  @Field(() => Int, { description: '未修复的较重失信记录数 / Counting major records without an approved repair.' })
  unrepairedMajor!: number;

  @Field(() => Int, { description: '未修复的严重失信记录数 / Counting severe records without an approved repair.' })
  unrepairedSevere!: number;

  @Field(() => Int, { description: '已修复（免于）的失信记录数 / Counting dishonesty records with an approved repair that waived their effect.' })
  repaired!: number;

  @Field(() => Int, { description: '已从轻的未修复记录数 / Unrepaired records whose measures an approved repair lightened (从轻, 三(七)). ' +
      '三(七)的从轻只及公务员；机构、企业恒为 0（其修复只能登记免于；机构、企业的事实查询不读取本字段）。 / 三(七) lightens for civil servants only: for an agency or an enterprise this is always 0 (their repairs are recorded as waivers only, LIGHTEN_FOR_CIVIL_SERVANTS_ONLY; their facts queries do not select it).' })
  lightened!: number;

  @Field(() => Int, { description: '未从轻的未修复记录数 / Unrepaired records not lightened: for an agency or an enterprise, which are never lightened, the same as unrepaired.' })
  unlightened!: number;

  @Field(() => Int, { description: '无异议且未从轻的未修复记录数 / Unrepaired records neither lightened nor under a pending objection: what a mitigating rule cannot lower and a restriction may rest on.' })
  unlightenedUndisputed!: number;

  @Field(() => Int, { description: '异议中的未修复记录数 / Unrepaired records under a pending objection.' })
  disputed!: number;

  @Field(() => Int, { description: '无异议的未修复失信记录数 / Unrepaired records under no pending objection: what a restriction or disqualification may rest on (a local choice: 三(七) asks for objections to be handled, not for disputed records to ground nothing; catalogue 三(七) localChoices).' })
  unrepairedUndisputed!: number;

  @Field(() => Int, { nullable: true, description: '无异议的未修复重大记录数 / Unrepaired records of the severities given as graveSeverities (a policy parameter) under no pending objection; null when graveSeverities is not given.' })
  unrepairedGraveUndisputed!: number | null;

  @Field(() => Float, { description: '无异议未修复记录的最大单笔损失（元） / The largest loss of one unrepaired record under no pending objection, in yuan (0 when none).' })
  largestUndisputedLoss!: number;

  @Field(() => Int, { description: '守信记录数 / Trustworthy records in force.' })
  trustworthy!: number;

  @Field({ description: '有未修复的失信被执行人记录 / An unrepaired counting record of category JUDGMENT_DEFAULTER (失信被执行人). Whether the court\'s listing holds is listings.listedByCourt (listings.judgmentDefaulter ends on a repair here and is not the listing).' })
  judgmentDefaulter!: boolean;

  @Field({ description: '有未修复的严重违法失信记录 / An unrepaired counting record of category SERIOUS_ILLEGAL_DISHONEST (严重违法失信). Whether the subject is on the list is listings.seriousIllegalDishonest.' })
  seriousIllegalDishonest!: boolean;

  @Field(() => [RecordCategory], { description: '未修复失信记录类别 / Categories of the unrepaired counting dishonesty records.' })
  categories!: RecordCategory[];

  @Field(() => LocalDateResolver, { nullable: true, description: '最近一条失信记录的发生日期 / The day the latest counting record occurred.' })
  lastDishonestOn!: string | null;

  @Field(() => [CountingRecordType], { description: '计入的失信记录 / The counting dishonesty records, newest first: the evidence rules cite.' })
  records!: CountingRecordType[];

  @Field(() => [NotCountedRecordType], { description: '不计入的失信记录 / Dishonesty records that would count on the day but are left out (acts before actsFrom; categories outside dishonestyCategories), each with why.' })
  notCounted!: NotCountedRecordType[];
}
