import { GraphQLJSON, GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ObjectType } from 'type-graphql';
import type { Bilingual } from '../../domain/bilingual';
import type { SubjectType } from '../../domain/subject';
import type { Effect as EffectCode, Outcome, VerdictFacts } from '../../domain/verdict';
import { ParameterUseType } from './parameter-use.type';
import { Effect, LegalBasisType, LocalizedTextType, MitigationType } from './verdict.type';

// Why a verdict (or an assessment) came out as it did: rule by rule, condition by condition, and
// whether it is provisional.

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

  @Field(() => String, { nullable: true, description: 'The parameter the expected value was read from.' })
  expectedParameter?: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value the rule asks for.' })
  expected!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value the fact really had.' })
  actual!: unknown;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the condition held; null when withheld is true (whether it held would tell the value the reader may not see).',
  })
  passed!: boolean | null;

  @Field({
    description: 'True when the reader\'s role may not read the fact this condition compared, as it was (withheld, masked, or with parts left out): `actual` shows what the role reads (*** for a value withheld) and `passed` is null, so a front end shows "not shown", neither met nor not met.',
  })
  withheld?: boolean;
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

  @Field(() => Effect, { nullable: true, description: 'The effect that applies: the rule\'s own, or what a mitigation lowered it to; null when waived.' })
  effect!: EffectCode | null;

  @Field(() => LocalizedTextType)
  measure!: LocalizedTextType;

  @Field(() => [LegalBasisType])
  basis!: LegalBasisType[];

  @Field(() => MitigationType, { nullable: true, description: 'For a fired rule whose measure a mitigating rule lowered or waived.' })
  mitigatedBy!: MitigationType | null;

  @Field(() => [ParameterUseType], { description: 'The parameters this rule read, each with its value and source.' })
  parameters!: ParameterUseType[];

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

  @Field(() => GraphQLJSONObject, { description: 'Everything the rules read: { subject, parameters }. Empty when factsWithheld.' })
  facts!: Partial<VerdictFacts>;

  @Field({ description: 'True when the stored facts hold what the reader may not read: for the public, a record this verdict could have counted is no longer publicly disclosed or was corrected on objection since the verdict; for OFFICER and DISPLAY (who do not read record history), such a record was corrected since. Facts, conditions, rule texts and the summary are then withheld (outcome and measures stay; the current status is Enterprise.publicStatus for an enterprise, latestVerdict and the records disclosed today for an agency, recheck for a signed-in reader). CLERK, INSPECTOR and ADMIN read every verdict as it was given.' })
  factsWithheld!: boolean;

  @Field(() => [ParameterUseType], { description: 'Every parameter the evaluation read (facts query and rules), each with the value used and its source.' })
  parameters!: ParameterUseType[];

  @Field(() => [RuleExplanationType])
  rules!: RuleExplanationType[];

  @Field({ description: '暂定结论 / True when a rule the outcome rests on reads a proposed parameter (拟定，待有权机关确认, `source.proposed`) or is listed by a proposed local choice of the catalogue: the verdict is provisional until the deciding body decides the value or the reading. False when it rests on clause-sourced or decided values and decided readings only.' })
  provisional!: boolean;

  @Field(() => [String], { description: 'The proposed parameters, then the proposed local choices (localChoice:<clause>#<n>), the outcome rests on (empty when not provisional), e.g. countsFor, gradePoints.B, localChoice:三(七)#1.' })
  provisionalOn!: string[];

  @Field(() => LocalizedTextType, { nullable: true, description: 'For a provisional verdict: the sentence saying so, naming the proposed parameters and local choices.' })
  provisionalNote!: LocalizedTextType | null;

  @Field(() => LocalizedTextType, { nullable: true, description: "For a verdict about a day before the day it was evaluated: which facts its deciding rules read that have no history (an agency's kind, whether a civil servant is a leading cadre, an enterprise's current grade …), so the value of the evaluation day was used. Null otherwise." })
  todaysValues!: LocalizedTextType | null;

  /** Not in the schema: the verdict (or assessment) the `summary` field is written about. */
  about!: SummarySubject;
}

/** What a summary says of the decision besides its rules and parameters. */
export interface SummarySubject {
  subjectType: SubjectType;
  matter: string;
  outcome: Outcome;
  score: number | null;
  day: string;
  provisionalOn: string[];
  todaysValues: Bilingual | null;
}
