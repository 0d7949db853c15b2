import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BreachFinding } from '../../domain/commitment';
import { CaseKind } from '../../domain/court-facts';
import { RecordCategory, Severity } from '../../domain/credit-record';

@InputType({ description: 'The calendar period a record of each severity counts for from its decision day (认定之日), as ISO 8601 periods such as "P3M", "P1Y", "P3Y" (a policy parameter of the rules).' })
export class SeverityPeriodsInput {
  @Field({ description: '一般' })
  general!: string;

  @Field({ description: '较重' })
  major!: string;

  @Field({ description: '严重' })
  severe!: string;
}

@ObjectType('CountingRecord', { description: 'A dishonesty record that counts on the day asked about.' })
export class CountingRecordType {
  @Field(() => ID)
  id!: string;

  @Field(() => RecordCategory)
  category!: RecordCategory;

  @Field(() => Severity, { nullable: true })
  severity!: Severity | null;

  @Field(() => LocalDateResolver)
  occurredOn!: string;

  @Field(() => LocalDateResolver)
  recordedOn!: string;

  @Field(() => LocalDateResolver, { description: 'The day it was decided (认定之日): its period runs from here.' })
  decidedOn!: string;

  @Field()
  documentNumber!: string;

  @Field()
  sourceDepartment!: string;

  @Field(() => Float, { nullable: true, description: 'Economic loss caused, in yuan.' })
  loss!: number | null;

  @Field({ description: 'An approved credit repair (信用修复) waived its effect on or before the day: it counts towards no measure.' })
  repaired!: boolean;

  @Field({ description: 'An approved repair lightened (从轻, 三(七)) its measures on or before the day: it still counts, for a mitigating rule to lower.' })
  lightened!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The approval day of the repair that waived or lightened it.' })
  repairApprovedOn!: string | null;

  @Field({ description: 'An objection (异议) was pending on the day.' })
  disputed!: boolean;
}

@ObjectType('CreditFacts', {
  description:
    'What the credit records of a subject say on one day: the facts the rule files read. A dishonesty record counts when it is not revoked, ' +
    'had been decided (认定) by the day, its disclosure had not ended, and the day lies within the countsFor period of its severity from its decision day. ' +
    'An approved repair that waives ends its effect from the approval day: it stays in records (repaired) and leaves every other count and flag.',
})
export class CreditFactsType {
  @Field(() => LocalDateResolver, { description: 'The day (China Standard Time) the facts are about.' })
  on!: string;

  @Field(() => Int, { description: 'Counting dishonesty records.' })
  dishonest!: number;

  @Field(() => Int)
  general!: number;

  @Field(() => Int)
  major!: number;

  @Field(() => Int)
  severe!: number;

  @Field(() => Int, { description: 'Counting dishonesty records without an approved repair.' })
  unrepaired!: number;

  @Field(() => Int)
  unrepairedGeneral!: number;

  @Field(() => Int)
  unrepairedMajor!: number;

  @Field(() => Int)
  unrepairedSevere!: number;

  @Field(() => Int, { description: 'Counting dishonesty records with an approved repair that waived their effect.' })
  repaired!: number;

  @Field(() => Int, { description: 'Unrepaired records whose measures an approved repair lightened (从轻, 三(七)).' })
  lightened!: number;

  @Field(() => Int, { description: 'Unrepaired records not lightened.' })
  unlightened!: number;

  @Field(() => Int, { description: 'Unrepaired records under a pending objection.' })
  disputed!: number;

  @Field(() => Int, { description: 'Unrepaired major or severe records under no pending objection.' })
  unrepairedGraveUndisputed!: number;

  @Field(() => Float, { description: 'The largest loss of one unrepaired record under no pending objection, in yuan (0 when none).' })
  largestUndisputedLoss!: number;

  @Field(() => Int, { description: 'Trustworthy records in force.' })
  trustworthy!: number;

  @Field({ description: 'An unrepaired counting record of category JUDGMENT_DEFAULTER (失信被执行人). Whether the subject is on the list is listings.judgmentDefaulter.' })
  judgmentDefaulter!: boolean;

  @Field({ description: 'An unrepaired counting record of category SERIOUS_ILLEGAL_DISHONEST (严重违法失信). Whether the subject is on the list is listings.seriousIllegalDishonest.' })
  seriousIllegalDishonest!: boolean;

  @Field(() => [RecordCategory], { description: 'Categories of the unrepaired counting dishonesty records.' })
  categories!: RecordCategory[];

  @Field(() => LocalDateResolver, { nullable: true })
  lastDishonestOn!: string | null;

  @Field(() => [CountingRecordType], { description: 'The counting dishonesty records, newest first: the evidence rules cite.' })
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

  @Field(() => BreachFinding)
  breachFinding!: BreachFinding;
}

@ObjectType('CommitmentFacts', { description: 'Public commitments as they stood on one day.' })
export class CommitmentFactsType {
  @Field(() => Int, { description: 'Found breached through 履职不力 (四(四)) on or before the day, within the period when given.' })
  breached!: number;

  @Field(() => Int, { description: 'Found breached for a reason that excuses the unit (a lawful change, force majeure): counts for nothing.' })
  breachedExcused!: number;

  @Field(() => Int)
  fulfilled!: number;

  @Field(() => Int, { description: 'Past due on the day and not settled.' })
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

  @Field(() => CaseKind)
  kind!: CaseKind;

  @Field(() => LocalDateResolver)
  filedOn!: string;

  @Field(() => Boolean, { nullable: true })
  headAppeared!: boolean | null;

  @Field({ description: 'The head was absent but entrusted a representative for a valid reason: no failure.' })
  absenceExcused!: boolean;

  @Field({ description: 'Counted in headAbsences: administrative, within the period, head absent without excuse.' })
  headFailure!: boolean;

  @Field({ description: 'The agency was a listed judgment defaulter in this case on the day.' })
  defaulterOnDay!: boolean;
}

@ObjectType('CourtFacts', { description: "An agency's lawsuits as they stood on one day (三(八))." })
export class CourtFactsType {
  @Field({ description: 'On the judgment-defaulter list (失信被执行人名单) on the day, from the list memberships.' })
  judgmentDefaulter!: boolean;

  @Field(() => Int, { description: 'Administrative cases (filed within the period when given) whose hearing the head missed without an excused absence.' })
  headAbsences!: number;

  @Field(() => [CourtCaseFactType])
  cases!: CourtCaseFactType[];
}
