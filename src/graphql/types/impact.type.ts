import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SubjectType } from '../../domain/subject';
import { Outcome } from '../../domain/verdict';

@InputType({ description: 'One file of a draft: added or changed (content), or removed (content null).' })
export class DraftFileInput {
  @Field({ description: 'Relative to the rules folder, e.g. civil-servant/award-restrict.json.' })
  path!: string;

  @Field(() => String, { nullable: true })
  content!: string | null;
}

@ObjectType('ImpactSide', { description: 'How a verdict would read under one rule set.' })
export class ImpactSideType {
  @Field(() => Outcome)
  outcome!: string;

  @Field(() => Float, { nullable: true })
  score!: number | null;

  @Field(() => [String], { description: 'Ids of the rules that fire.' })
  measures!: string[];
}

@ObjectType('OutcomeChange', { description: 'A subject whose verdict for a matter the draft would change.' })
export class OutcomeChangeType {
  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field()
  subjectName!: string;

  @Field()
  matter!: string;

  @Field(() => ImpactSideType)
  before!: ImpactSideType;

  @Field(() => ImpactSideType)
  after!: ImpactSideType;

  @Field(() => [String], { description: 'The rules that fire under one set and not the other.' })
  rules!: string[];
}

@ObjectType('MatterImpact')
export class MatterImpactType {
  @Field()
  matter!: string;

  @Field({ description: 'The matter is new in the draft: its verdicts are new, not changes (transitions read NEW→…).' })
  newMatter!: boolean;

  @Field(() => Int)
  evaluated!: number;

  @Field(() => Int)
  changed!: number;

  @Field(() => GraphQLJSONObject, { description: 'Counts by change of outcome, e.g. {"RESTRICTED→ELIGIBLE": 3}.' })
  transitions!: Record<string, number>;
}

@ObjectType('RuleImpact', { description: 'How many of the subjects evaluated one rule fires for, under the rules in force and under the draft.' })
export class RuleImpactType {
  @Field()
  ruleId!: string;

  @Field(() => Int)
  firedBefore!: number;

  @Field(() => Int)
  firedAfter!: number;
}

@ObjectType('ImpactReport', { description: 'What a draft of the rules would change, before it goes live. Nothing is stored.' })
export class ImpactReportType {
  @Field()
  currentVersion!: string;

  @Field()
  draftVersion!: string;

  @Field(() => LocalDateResolver)
  day!: string;

  @Field(() => [MatterImpactType])
  matters!: MatterImpactType[];

  @Field(() => Int, { description: 'All changes; `changes` lists at most the first 1000.' })
  changedTotal!: number;

  @Field(() => [OutcomeChangeType])
  changes!: OutcomeChangeType[];

  @Field(() => [RuleImpactType], { description: 'Every rule of the matters previewed, with its firings before and after.' })
  rules!: RuleImpactType[];
}
