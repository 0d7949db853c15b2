import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BreachFinding, CommitmentDomain } from '../../domain/commitment';
import { CaseKind } from '../../domain/court-facts';
import { NotCountedReason } from '../../domain/credit-facts';
import { RecordCategory, Severity } from '../../domain/credit-record';

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

  @Field({ description: '已从轻 / An approved repair lightened (从轻, 三(七)) its measures on or before the day: it still counts, for a mitigating rule to lower.' })
  lightened!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: '修复批准之日 / The approval day of the repair that waived or lightened it.' })
  repairApprovedOn!: string | null;

  @Field({ description: '异议中 / An objection (异议) was pending on the day.' })
  disputed!: boolean;
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
      '不计入的理由 / ACT_BEFORE_IN_FORCE: the act occurred before the day the document took effect (actsFrom), and a measure under it does not reach back (不溯及既往); ' +
      'CATEGORY_NOT_SPOKEN_OF: its category is not among dishonestyCategories, the conduct the clause read speaks of.',
  })
  reason!: NotCountedReason;
}

@ObjectType('CreditFacts', { simpleResolvers: true,
  description:
    'What the credit records of a subject say on one day: the facts the rule files read. A dishonesty record counts when it is not revoked, ' +
    'had been decided (认定) by the day, its disclosure had not ended, the day lies within the countsFor period of its severity from its decision day ' +
    '(from the act day when the decision day is an estimate, so an estimate never lengthens it), the act did not occur before actsFrom and its category is among dishonestyCategories when given. ' +
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

  @Field(() => Int, { description: '已从轻的未修复记录数 / Unrepaired records whose measures an approved repair lightened (从轻, 三(七)).' })
  lightened!: number;

  @Field(() => Int, { description: '未从轻的未修复记录数 / Unrepaired records not lightened.' })
  unlightened!: number;

  @Field(() => Int, { description: '无异议且未从轻的未修复记录数 / Unrepaired records neither lightened nor under a pending objection: what a mitigating rule cannot lower and a restriction may rest on.' })
  unlightenedUndisputed!: number;

  @Field(() => Int, { description: '异议中的未修复记录数 / Unrepaired records under a pending objection.' })
  disputed!: number;

  @Field(() => Int, { description: '无异议的未修复失信记录数 / Unrepaired records under no pending objection (三(七) 异议处理): what a restriction or disqualification may rest on.' })
  unrepairedUndisputed!: number;

  @Field(() => Int, { nullable: true, description: '无异议的未修复重大记录数 / Unrepaired records of the severities given as graveSeverities (a policy parameter) under no pending objection; null when graveSeverities is not given.' })
  unrepairedGraveUndisputed!: number | null;

  @Field(() => Float, { description: '无异议未修复记录的最大单笔损失（元） / The largest loss of one unrepaired record under no pending objection, in yuan (0 when none).' })
  largestUndisputedLoss!: number;

  @Field(() => Int, { description: '守信记录数 / Trustworthy records in force.' })
  trustworthy!: number;

  @Field({ description: '有未修复的失信被执行人记录 / An unrepaired counting record of category JUDGMENT_DEFAULTER (失信被执行人). Whether the subject is on the list is listings.judgmentDefaulter.' })
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

@ObjectType('BreachedCommitment', { simpleResolvers: true })
export class BreachedCommitmentType {
  @Field(() => ID, { description: '编号 / The id.' })
  id!: string;

  @Field({ description: '承诺内容 / What was promised.' })
  content!: string;

  @Field(() => LocalDateResolver, { description: '承诺期限 / The day it was due.' })
  dueOn!: string;

  @Field(() => LocalDateResolver, { description: '办结日期 / The day it was settled as breached.' })
  settledOn!: string;

  @Field(() => LocalDateResolver, { description: '认定日期 / The day the breach was found to be 履职不力: it counts from this day.' })
  foundOn!: string;

  @Field(() => BreachFinding, { description: '未兑现认定 / Why it was breached.' })
  breachFinding!: BreachFinding;

  @Field(() => CommitmentDomain, { nullable: true, description: '所属领域 / The field of the project or work; null when not recorded.' })
  domain!: CommitmentDomain | null;

  @Field(() => Boolean, { nullable: true, description: '是否向社会公开 / Disclosed to the public; null when not recorded.' })
  publiclyDisclosed!: boolean | null;
}

@ObjectType('NotCountedCommitment', { simpleResolvers: true, description: 'A breach found 履职不力 that would count on the day but is left out of every count, with why. It stays on file.' })
export class NotCountedCommitmentType {
  @Field(() => ID, { description: '编号 / The id.' })
  id!: string;

  @Field({ description: '承诺内容 / What was promised.' })
  content!: string;

  @Field(() => LocalDateResolver, { description: '未兑现之日 / The day of the breach: its due day, or its settling day when earlier (the act day of the record a finding makes).' })
  occurredOn!: string;

  @Field(() => LocalDateResolver, { description: '认定日期 / The day the breach was found to be 履职不力.' })
  foundOn!: string;

  @Field(() => NotCountedReason, { description: '不计入的理由 / ACT_BEFORE_IN_FORCE: the breach occurred before actsFrom (不溯及既往).' })
  reason!: NotCountedReason;
}

@ObjectType('ReviewPeriod', { simpleResolvers: true, description: 'An annual review period (考核年度), first and last day.' })
export class ReviewPeriodType {
  @Field(() => LocalDateResolver, { description: '考核期间起始日 / The first day of the review period.' })
  from!: string;

  @Field(() => LocalDateResolver, { description: '考核期间截止日 / The last day of the review period.' })
  to!: string;
}

@ObjectType('CommitmentFacts', { simpleResolvers: true, description: 'Public commitments as they stood on one day.' })
export class CommitmentFactsType {
  @Field(() => Int, { description: '因履职不力未兑现的公开承诺数 / Found breached through 履职不力 (四(四)) on or before the day, within the period when given.' })
  breached!: number;

  @Field(() => Int, { description: '有正当理由未兑现的承诺数 / Found breached for a reason that excuses the unit (a lawful change, force majeure): counts for nothing.' })
  breachedExcused!: number;

  @Field(() => Int, { description: '未兑现但未认定原因的承诺数 / Settled as breached with no finding recorded by the day (未认定): counts for nothing until a finding is recorded.' })
  breachedUnreviewed!: number;

  @Field(() => Int, { description: '已兑现的承诺数 / Commitments fulfilled by the day.' })
  fulfilled!: number;

  @Field(() => Int, { description: '逾期未办结的承诺数 / Past due on the day and not settled.' })
  overdue!: number;

  @Field(() => [BreachedCommitmentType], { description: '未兑现的承诺 / The breached commitments.' })
  breachedCommitments!: BreachedCommitmentType[];

  @Field(() => [NotCountedCommitmentType], { description: '不计入的未兑现承诺 / Breaches found 履职不力 in the period that occurred before actsFrom: left out of every count (不溯及既往).' })
  notCounted!: NotCountedCommitmentType[];

  @Field(() => ReviewPeriodType, { nullable: true, description: '考核期间 / The annual review period counted (reviewYearStartsOn); null when none was asked for.' })
  reviewPeriod!: ReviewPeriodType | null;
}

@ObjectType('CourtCaseFact', { simpleResolvers: true })
export class CourtCaseFactType {
  @Field(() => ID, { description: '编号 / The id.' })
  id!: string;

  @Field({ description: '案号 / The case number.' })
  caseNumber!: string;

  @Field(() => CaseKind, { nullable: true, description: '案件类型 / Administrative, civil or other; null when not recorded (then it counts for nothing).' })
  kind!: CaseKind | null;

  @Field(() => LocalDateResolver, { description: '立案日期 / The day it was filed.' })
  filedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '开庭之日 / The day of the hearing; null when not recorded.' })
  hearingOn!: string | null;

  @Field(() => LocalDateResolver, { description: '出庭应诉的计算日 / The day the appearance is counted by: hearingOn, or filedOn when no hearing day was recorded (never later than the hearing, so it does not lengthen counting against the agency).' })
  appearanceCountedOn!: string;

  @Field(() => Boolean, { nullable: true, description: '负责人是否出庭 / Whether the head appeared (the principal, a deputy head or a head in charge of the matter: 法释〔2020〕3号 art. 2); null before the hearing.' })
  headAppeared!: boolean | null;

  @Field({ description: '委托出庭且有正当理由 / The head was absent but entrusted a representative for a valid reason: no failure.' })
  absenceExcused!: boolean;

  @Field({ description: '计入负责人未出庭 / Counted in headAbsences: administrative, within the period, head absent without excuse.' })
  headFailure!: boolean;

  @Field({ description: '当日是否为失信被执行人 / The agency was a listed judgment defaulter in this case on the day.' })
  defaulterOnDay!: boolean;
}

@ObjectType('NotCountedCourtAbsence', { simpleResolvers: true, description: 'An absence from an administrative hearing that would count on the day but is left out of every count, with why. The case stays on file.' })
export class NotCountedCourtAbsenceType {
  @Field(() => ID, { description: '编号 / The id.' })
  id!: string;

  @Field({ description: '案号 / The case number.' })
  caseNumber!: string;

  @Field(() => LocalDateResolver, { description: '未出庭之日 / The day the absence is counted by: the hearing day, or the filing day when none was recorded.' })
  occurredOn!: string;

  @Field(() => NotCountedReason, { description: '不计入的理由 / ACT_BEFORE_IN_FORCE: the absence occurred before actsFrom (不溯及既往).' })
  reason!: NotCountedReason;
}

@ObjectType('CourtFacts', { simpleResolvers: true, description: "An agency's lawsuits as they stood on one day (三(八))." })
export class CourtFactsType {
  @Field({ description: '当日是否在失信被执行人名单 / On the judgment-defaulter list (失信被执行人名单) on the day, from the list memberships.' })
  judgmentDefaulter!: boolean;

  @Field({ description: '当日在失信被执行人名单（仅以法院移出为终止） / On the judgment-defaulter list on the day until the court removes it, whatever a repair of the record behind it: what 三(八) special governance reads.' })
  listedByCourt!: boolean;

  @Field(() => Int, { description: '负责人无正当理由未出庭应诉的行政案件数 / Administrative cases whose hearing the head missed without an excused absence, on or before the day and (when a period is given) within it, counted by appearanceCountedOn.' })
  headAbsences!: number;

  @Field(() => Int, { description: '案件类型未登记的负责人未出庭案件数 / Cases of no recorded kind (within the period when given) whose head was absent without excuse: not counted in headAbsences until the kind is recorded.' })
  absencesOfUnknownKind!: number;

  @Field(() => [CourtCaseFactType], { description: '诉讼案件 / The cases.' })
  cases!: CourtCaseFactType[];

  @Field(() => [NotCountedCourtAbsenceType], { description: '不计入的未出庭 / Absences without excuse from administrative hearings in the period that occurred before actsFrom: left out of headAbsences (不溯及既往).' })
  notCounted!: NotCountedCourtAbsenceType[];
}
