import { IsInt, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { RecordCategory, Severity } from '../../domain/credit-record';

@InputType({ description: 'How many days after it occurred a record of each severity counts (a policy parameter of the rules).' })
export class SeverityDaysInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  general!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  major!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  severe!: number;
}

@ObjectType('CountingRecord', { description: 'A dishonesty record that counts on the day asked about.' })
export class CountingRecordType {
  @Field(() => ID)
  id!: string;

  @Field(() => RecordCategory, { description: '记录类别 / What the record is about.' })
  category!: RecordCategory;

  @Field(() => Severity, { nullable: true, description: '严重程度 / How grave the record is.' })
  severity!: Severity | null;

  @Field(() => LocalDateResolver, { description: '失信行为发生日期 / The day the dishonest act occurred.' })
  occurredOn!: string;

  @Field(() => LocalDateResolver, { description: '记录日期 / The day the record was made.' })
  recordedOn!: string;

  @Field({ description: '认定文书编号 / The number of the deciding document.' })
  documentNumber!: string;

  @Field({ description: '认定部门 / The department that decided the record.' })
  sourceDepartment!: string;

  @Field({ description: '已信用修复 / An approved credit repair (信用修复) was decided on or before the day.' })
  repaired!: boolean;

  @Field({ description: '异议中 / An objection (异议) was pending on the day.' })
  disputed!: boolean;
}

@ObjectType('CreditFacts', {
  description:
    'What the credit records of a subject say on one day: the facts the rule files read. A dishonesty record counts when it is not revoked, ' +
    'occurred on or before the day, its disclosure had not ended, and it is within countsForDays of its severity.',
})
export class CreditFactsType {
  @Field(() => LocalDateResolver, { description: '事实所属日期 / The day (China Standard Time) the facts are about.' })
  on!: string;

  @Field(() => Int, { description: '失信记录数 / Counting dishonesty records.' })
  dishonest!: number;

  @Field(() => Int, { description: '一般失信记录数 / Counting general records.' })
  general!: number;

  @Field(() => Int, { description: '较重失信记录数 / Counting major records.' })
  major!: number;

  @Field(() => Int, { description: '严重失信记录数 / Counting severe records.' })
  severe!: number;

  @Field(() => Int, { description: '未修复的失信记录数 / Counting dishonesty records without an approved repair.' })
  unrepaired!: number;

  @Field(() => Int, { description: '未修复的一般失信记录数 / Counting general records without an approved repair.' })
  unrepairedGeneral!: number;

  @Field(() => Int, { description: '未修复的较重失信记录数 / Counting major records without an approved repair.' })
  unrepairedMajor!: number;

  @Field(() => Int, { description: '未修复的严重失信记录数 / Counting severe records without an approved repair.' })
  unrepairedSevere!: number;

  @Field(() => Int, { description: '已修复的失信记录数 / Counting dishonesty records with an approved repair.' })
  repaired!: number;

  @Field(() => Int, { description: '异议中的失信记录数 / Counting dishonesty records under a pending objection.' })
  disputed!: number;

  @Field(() => Int, { description: '守信记录数 / Trustworthy records in force.' })
  trustworthy!: number;

  @Field({ description: '是否失信被执行人 / A counting record of category JUDGMENT_DEFAULTER (失信被执行人).' })
  judgmentDefaulter!: boolean;

  @Field({ description: '是否严重违法失信 / A counting record of category SERIOUS_ILLEGAL_DISHONEST (严重违法失信).' })
  seriousIllegalDishonest!: boolean;

  @Field(() => [RecordCategory], { description: '失信记录类别 / Categories of the counting dishonesty records.' })
  categories!: RecordCategory[];

  @Field(() => LocalDateResolver, { nullable: true, description: '最近一条失信记录的发生日期 / The day the latest counting record occurred.' })
  lastDishonestOn!: string | null;

  @Field(() => [CountingRecordType], { description: '计入的失信记录 / The counting dishonesty records, newest first: the evidence rules cite.' })
  records!: CountingRecordType[];
}

@ObjectType('BreachedCommitment')
export class BreachedCommitmentType {
  @Field(() => ID)
  id!: string;

  @Field()
  content!: string;

  @Field(() => LocalDateResolver)
  dueOn!: string;

  @Field(() => LocalDateResolver)
  settledOn!: string;
}

@ObjectType('CommitmentFacts', { description: 'Public commitments as they stood on one day.' })
export class CommitmentFactsType {
  @Field(() => Int, { description: '未兑现的公开承诺数 / Found breached on or before the day (within withinDays when given).' })
  breached!: number;

  @Field(() => Int, { description: '已兑现的承诺数 / Commitments fulfilled by the day.' })
  fulfilled!: number;

  @Field(() => Int, { description: '逾期未办结的承诺数 / Past due on the day and not settled.' })
  overdue!: number;

  @Field(() => [BreachedCommitmentType])
  breachedCommitments!: BreachedCommitmentType[];
}

@ObjectType('CourtCaseFact')
export class CourtCaseFactType {
  @Field(() => ID)
  id!: string;

  @Field()
  caseNumber!: string;

  @Field(() => LocalDateResolver)
  filedOn!: string;

  @Field(() => Boolean, { nullable: true })
  headAppeared!: boolean | null;

  @Field({ description: 'The agency was a listed judgment defaulter in this case on the day.' })
  defaulterOnDay!: boolean;
}

@ObjectType('CourtFacts', { description: "An agency's lawsuits as they stood on one day (三(八))." })
export class CourtFactsType {
  @Field({ description: '当日是否为失信被执行人 / Listed as a judgment defaulter (失信被执行人) on the day.' })
  judgmentDefaulter!: boolean;

  @Field(() => Int, { description: '负责人未出庭应诉的案件数 / Cases (filed within withinDays when given) whose hearing the head did not attend.' })
  headAbsences!: number;

  @Field(() => [CourtCaseFactType])
  cases!: CourtCaseFactType[];
}
