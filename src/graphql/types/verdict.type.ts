import { GraphQLJSON, GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsUUID } from 'class-validator';
import { OUTCOME_TITLES, VerdictOutcome } from '../../domain/verdict';
import { SubjectType } from '../../domain/subject';
import { EFFECTS } from '../../engine/rule-file';
import { Connection } from '../connection';

registerEnumType(VerdictOutcome, {
  name: 'Outcome',
  description: 'The strongest effect that applies after mitigation, or NO_RULE_IN_FORCE when no rule of the matter was in force on the day.',
  valuesConfig: Object.fromEntries(Object.entries(OUTCOME_TITLES).map(([code, t]) => [code, { description: `${t.zh} ${t.en}: ${t.meaning}` }])),
});

export const Effect = Object.fromEntries(EFFECTS.map((e) => [e, e])) as Record<(typeof EFFECTS)[number], (typeof EFFECTS)[number]>;
registerEnumType(Effect, { name: 'Effect', description: 'What a rule does when it fires: INCENTIVE, SCORE, CAUTION, SUPERVISE (put under special governance, 专项治理), RESTRICT, DISQUALIFY.' });

@InputType({ description: 'Which subject: its kind and id.' })
export class SubjectInput {
  @Field(() => SubjectType)
  type!: SubjectType;

  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@ObjectType('LocalizedText', { description: 'Text in Chinese and English.' })
export class LocalizedTextType {
  @Field()
  zh!: string;

  @Field()
  en!: string;
}

@ObjectType('LegalBasis', { description: 'The clause a rule rests on.' })
export class LegalBasisType {
  @Field({ description: 'e.g. 鄂州政发〔2018〕17号' })
  document!: string;

  @Field({ description: 'e.g. 三(六)' })
  clause!: string;

  @Field()
  quote!: string;
}

@ObjectType('Measure', { description: 'A measure that applies: from a fired rule.' })
export class MeasureType {
  @Field()
  ruleId!: string;

  @Field(() => Effect)
  effect!: string;

  @Field(() => LocalizedTextType)
  measure!: LocalizedTextType;

  @Field(() => [LegalBasisType])
  basis!: LegalBasisType[];

  @Field({ description: 'The rule lightens a measure after credit repair (三(七)).' })
  mitigation!: boolean;

  @Field(() => Float, { nullable: true, description: 'Points, for SCORE rules.' })
  points!: number | null;
}

@ObjectType('ConditionExplanation', { description: 'One leaf condition as evaluated: expected against actual.' })
export class ConditionExplanationType {
  @Field({ description: 'Its place in the condition tree, e.g. all[1].any[0].' })
  place!: string;

  @Field()
  fact!: string;

  @Field(() => String, { nullable: true })
  path!: string | null;

  @Field()
  operator!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value the rule asks for.' })
  expected!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value the fact really had.' })
  actual!: unknown;

  @Field()
  passed!: boolean;
}

@ObjectType('RuleExplanation', { description: 'One rule of the subject type and matter, fired or not, condition by condition.' })
export class RuleExplanationType {
  @Field()
  ruleId!: string;

  @Field({ description: 'The rule file, relative to the rules folder.' })
  file!: string;

  @Field(() => LocalizedTextType)
  title!: LocalizedTextType;

  @Field()
  fired!: boolean;

  @Field({ description: 'False when the day lies outside the rule\'s effective dates (its conditions are then not evaluated).' })
  inEffect!: boolean;

  @Field(() => Effect)
  effect!: string;

  @Field(() => LocalizedTextType)
  measure!: LocalizedTextType;

  @Field(() => [LegalBasisType])
  basis!: LegalBasisType[];

  @Field(() => [ConditionExplanationType], { description: 'Every leaf condition, all evaluated (no short-circuit).' })
  conditions!: ConditionExplanationType[];

  @Field(() => [GraphQLJSONObject], { description: 'For a fired rule: the records (or commitments, cases) that made it fire.' })
  evidence!: Record<string, unknown>[];

  @Field(() => LocalizedTextType, { nullable: true, description: "For a fired rule: its explanation template filled with the facts." })
  text!: LocalizedTextType | null;

  @Field(() => Float, { nullable: true })
  points!: number | null;
}

@ObjectType('Explanation', { description: 'Why a verdict came out as it did.' })
export class ExplanationType {
  @Field(() => LocalDateResolver, { description: 'The day (China Standard Time) the facts were taken for.' })
  day!: string;

  @Field({ description: 'The parameters file in force on that day.' })
  parametersFile!: string;

  @Field(() => GraphQLJSONObject, { description: 'Everything the rules read: { subject, parameters }.' })
  facts!: Record<string, unknown>;

  @Field(() => [RuleExplanationType])
  rules!: RuleExplanationType[];
}

@ObjectType('Verdict', { description: 'A stored, immutable verdict: for a subject, in a matter, as of a moment, which measures apply and why.' })
export class VerdictType {
  @Field(() => ID)
  id!: string;

  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field()
  matter!: string;

  @Field()
  asOf!: Date;

  @Field()
  evaluatedAt!: Date;

  @Field(() => VerdictOutcome)
  outcome!: VerdictOutcome;

  @Field(() => Float, { nullable: true, description: 'Sum of the points of fired SCORE rules; null when no SCORE rule is in effect for the matter.' })
  score!: number | null;

  @Field({ description: 'Content hash of every rule, facts and parameter file in force.' })
  ruleSetVersion!: string;

  @Field(() => ID, { nullable: true, description: 'The verdict this one re-checked.' })
  recheckOf!: string | null;

  @Field(() => ID, { nullable: true, description: 'The sweep that gave this verdict (see sweepRun).' })
  sweepRunId!: string | null;
}

export const VerdictConnection = Connection(VerdictType, 'Verdict');

@ObjectType('VerdictDifference', { description: 'Something that came out differently on a re-check.' })
export class DifferenceType {
  @Field({ description: 'e.g. outcome, score, rules.<ruleId>.fired, rules.<ruleId>.conditions.<place>.actual' })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;
}

@ObjectType('Recheck', { description: 'A stored verdict evaluated again with today\'s records and rules.' })
export class RecheckType {
  @Field(() => VerdictType)
  original!: VerdictType;

  @Field(() => VerdictType, { description: 'The new verdict (stored too).' })
  current!: VerdictType;

  @Field({ description: 'Same outcome, score and fired rules.' })
  sameDecision!: boolean;

  @Field(() => [DifferenceType])
  differences!: DifferenceType[];
}
