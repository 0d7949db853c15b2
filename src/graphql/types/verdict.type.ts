import { GraphQLJSON, GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsUUID } from 'class-validator';
import type { Bilingual } from '../../domain/bilingual';
import { SubjectType } from '../../domain/subject';
import { EFFECTS, OUTCOME_TITLES, Outcome, type Effect as EffectCode, type Relief, type VerdictFacts } from '../../domain/verdict';
import { Connection } from '../connection';

registerEnumType(Outcome, {
  name: 'Outcome',
  description: 'The strongest effect that applies after mitigation, or NO_RULE_IN_FORCE when no rule of the matter was in force on the day.',
  valuesConfig: Object.fromEntries(Object.entries(OUTCOME_TITLES).map(([code, t]) => [code, { description: `${t.zh} ${t.en}: ${t.meaning}` }])),
});

export const Effect = Object.fromEntries(EFFECTS.map((e) => [e, e])) as Record<EffectCode, EffectCode>;
registerEnumType(Effect, {
  name: 'Effect',
  description: 'What a rule does when it fires: INCENTIVE, SCORE, CAUTION, SUPERVISE (put under special governance, 专项治理), RESTRICT, DISQUALIFY; MITIGATE lowers or waives the measure of the rule it names (三(七)).',
});

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

@ObjectType('Mitigation', { description: 'What a mitigating rule (三(七) 从轻或免于) did to a measure.' })
export class MitigationType {
  @Field({ description: 'The mitigating rule.' })
  byRule!: string;

  @Field(() => String, { description: 'LIGHTEN (one step down) or WAIVE.' })
  relief!: Relief;

  @Field(() => Effect, { description: 'The effect its rule gave.' })
  from!: EffectCode;

  @Field(() => Effect, { nullable: true, description: 'The effect after relief; null when waived.' })
  to!: EffectCode | null;
}

@ObjectType('ParameterSource', { description: "Where a parameter's value comes from: a document's clause, a local choice, or both." })
export class ParameterSourceType {
  @Field(() => String, { nullable: true })
  document!: string | null;

  @Field(() => String, { nullable: true })
  clause!: string | null;

  @Field(() => String, { nullable: true, description: 'Local choice: the deciding body.' })
  decidedBy!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Local choice: the day it was decided.' })
  decidedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Local choice: its decision document, when there is one.' })
  reference!: string | null;

  @Field({ description: '拟定，待有权机关确认 / Local choice: proposed (inferred), awaiting confirmation by the deciding body; false when decided or not a local choice.' })
  proposed!: boolean;

  @Field(() => LocalizedTextType, { nullable: true })
  note!: LocalizedTextType | null;

  @Field({ description: 'One line, e.g. "鄂州政发〔2018〕17号 四(一)；本地选择：鄂州市信用办，2018-12-17".' })
  text!: string;
}

@ObjectType('ParameterUse', { description: 'A parameter an evaluation read, with the value used and its source.' })
export class ParameterUseType {
  @Field({ description: 'Dotted name, e.g. countsFor or gradePoints.A.' })
  name!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value used.' })
  value!: unknown;

  @Field(() => ParameterSourceType, { nullable: true, description: 'Its source in the parameters file in force; null for verdicts given before sources were kept.' })
  source!: ParameterSourceType | null;

  @Field(() => [String], { description: 'Who read it: rule ids, and "facts" for the facts query.' })
  usedBy!: string[];
}

@ObjectType('Measure', { description: 'A measure that applies: from a fired rule.' })
export class MeasureType {
  @Field()
  ruleId!: string;

  @Field(() => Effect)
  effect!: EffectCode;

  @Field(() => LocalizedTextType)
  measure!: LocalizedTextType;

  @Field(() => [LegalBasisType])
  basis!: LegalBasisType[];

  @Field({ description: 'The rule is a mitigating rule (三(七)): its effect is MITIGATE and it lowers the measure of the rule it names.' })
  mitigation!: boolean;

  @Field(() => MitigationType, { nullable: true, description: 'For a measure a mitigating rule lowered: by which rule, from what to what.' })
  mitigatedBy!: MitigationType | null;

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

  @Field(() => String, { nullable: true, description: 'The parameter the expected value was read from.' })
  expectedParameter?: string;

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

  @Field({ description: '暂定结论 / True when a rule the outcome rests on reads a proposed parameter (拟定，待有权机关确认, `source.proposed`): the verdict is provisional until the deciding body decides the value. False when it rests on clause-sourced or decided values only.' })
  provisional!: boolean;

  @Field(() => [String], { description: 'The proposed parameters the outcome rests on (empty when not provisional), e.g. countsFor, gradePoints.B.' })
  provisionalOn!: string[];

  @Field(() => LocalizedTextType, { nullable: true, description: 'For a provisional verdict: the sentence saying so, naming the proposed parameters.' })
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

  @Field(() => Outcome)
  outcome!: Outcome;

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
