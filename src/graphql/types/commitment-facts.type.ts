import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BreachFinding, CommitmentDomain } from '../../domain/commitment';
import { FindingStanding } from '../../domain/finding-objection';
import { NotCountedReason } from '../../domain/not-counted';

// The facts types of public commitments (CommitmentFacts and what it lists); values from src/domain/commitment-facts.ts.

@ObjectType('BreachedCommitment')
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

  @Field(() => FindingStanding, { description: '认定的异议状态 / IN_FORCE; DISPUTED (the unit\'s objection is pending) only where disputed findings count (findingsCountWhileDisputed). A revoked finding, or a disputed one that does not count, is in notCounted.' })
  findingStanding!: FindingStanding;

  @Field(() => Int, { description: '已驳回的异议数 / How many objections to the finding had been rejected by the day: a serial pattern shows here.' })
  objectionsRejected!: number;

  @Field({ description: '再次异议待处理、未受理中止 / An objection to the finding filed after an earlier one was rejected is undecided on the day and was not admitted on new grounds (admitFindingObjection): registered, it disputes nothing, and the finding counts (a local choice, catalogue 三(七)).' })
  renewedObjectionPending!: boolean;
}

@ObjectType('NotCountedCommitment', { description: 'A breach left out of every count on the day, with why: found 履职不力 but before the document took effect, or not yet reviewed (no finding). It stays on file.' })
export class NotCountedCommitmentType {
  @Field(() => ID, { description: '编号 / The id.' })
  id!: string;

  @Field({ description: '承诺内容 / What was promised.' })
  content!: string;

  @Field(() => LocalDateResolver, { description: '未兑现之日 / The day of the breach: its due day, or its settling day when earlier (the act day of the record a finding makes).' })
  occurredOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '认定日期 / The day the breach was found to be 履职不力; null when no finding was recorded by the day (BREACH_UNREVIEWED).' })
  foundOn!: string | null;

  @Field(() => LocalDateResolver, { description: '办结日期 / The day it was settled as breached.' })
  settledOn!: string;

  @Field(() => NotCountedReason, { description: '不计入的理由 / ACT_BEFORE_IN_FORCE: the breach occurred before actsFrom (不溯及既往); BREACH_UNREVIEWED: settled as breached with no finding of why by the day (未认定), counted once recordBreachFinding records one; FINDING_DISPUTED: the unit\'s objection to the 履职不力 finding is pending (findingsCountWhileDisputed false); FINDING_REVOKED: the objection was upheld and the finding revoked.' })
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
  @Field(() => Int, { description: '因履职不力未兑现的公开承诺数 / Found breached through 履职不力 (四(四)) on or before the day, within the period when given. For the public, who reads no objection to such a finding, findings under a pending objection are in it too (公众读取时含异议处理中的认定).' })
  breached!: number;

  @Field(() => Int, { description: '有正当理由未兑现的承诺数 / Found breached for a reason that excuses the unit (a lawful change, force majeure): counts for nothing.' })
  breachedExcused!: number;

  @Field(() => Int, { description: '未兑现但未认定原因的承诺数 / Settled as breached with no finding recorded by the day (未认定): counts for nothing until a finding is recorded. For the public, a finding revoked on the unit\'s objection is in it too: no finding stands (公众读取时含已撤销的认定).' })
  breachedUnreviewed!: number;

  @Field(() => Int, { description: '异议处理中的履职不力认定数 / 履职不力 findings (in the period) under the unit\'s objection pending on the day: in `breached` only where disputed findings count (disputedFindingsCount). 0 for the public, who reads no objection to such a finding (folded into breached).' })
  breachedDisputed!: number;

  @Field(() => Int, { description: '异议成立已撤销的履职不力认定数 / 履职不力 findings (in the period) revoked on the unit\'s upheld objection by the day: in no count. 0 for the public, who reads no objection to such a finding (folded into breachedUnreviewed).' })
  breachedRevoked!: number;

  @Field(() => Int, { description: '已兑现的承诺数 / Commitments fulfilled by the day.' })
  fulfilled!: number;

  @Field(() => Int, { description: '逾期未办结的承诺数 / Past due on the day and not settled.' })
  overdue!: number;

  @Field(() => [BreachedCommitmentType], { description: '未兑现的承诺；公众读取时为空（公众不读取承诺的认定） / The breached commitments found 履职不力. Empty for the public, who reads no commitment\'s finding (Commitment.breachFinding is null for it).' })
  breachedCommitments!: BreachedCommitmentType[];

  @Field(() => [NotCountedCommitmentType], { description: '不计入的未兑现承诺；公众读取时为空 / Breaches left out of every count, with why: found 履职不力 in the period but occurred before actsFrom (不溯及既往), or awaiting a finding. Empty for the public, who reads no commitment\'s finding.' })
  notCounted!: NotCountedCommitmentType[];

  @Field(() => ReviewPeriodType, { nullable: true, description: '考核期间 / The annual review period counted (reviewYearStartsOn); null when none was asked for.' })
  reviewPeriod!: ReviewPeriodType | null;
}
