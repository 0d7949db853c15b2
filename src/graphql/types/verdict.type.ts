import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsUUID } from 'class-validator';
import { SubjectType } from '../../domain/subject';
import { EFFECTS, OUTCOME_TITLES, Outcome, type Effect as EffectCode, type Relief } from '../../domain/verdict';
import { Connection } from '../connection';

// A verdict's types and the small ones every verdict-shaped answer shares (texts, clauses, measures).
// Why a verdict came out as it did is in explanation.type.ts; the parameters it read, with their
// sources (proposed or decided), in parameter-use.type.ts.

registerEnumType(Outcome, {
  name: 'Outcome',
  description: 'The strongest effect that applies after mitigation, or NO_RULE_IN_FORCE when no rule of the matter was in force on the day.',
  valuesConfig: Object.fromEntries(Object.entries(OUTCOME_TITLES).map(([code, t]) => [code, { description: `${t.zh} ${t.en}: ${t.meaning}` }])),
});

export const Effect = Object.fromEntries(EFFECTS.map((e) => [e, e])) as Record<EffectCode, EffectCode>;
registerEnumType(Effect, {
  name: 'Effect',
  description: 'What a rule does when it fires: INCENTIVE, SCORE, CAUTION, SUPERVISE (recommended for special governance, 建议纳入专项治理; the lead units decide), RESTRICT, DISQUALIFY; MITIGATE lowers or waives the measure of the rule it names (三(七)).',
});

@InputType({ description: 'Which subject: its kind and id.' })
export class SubjectInput {
  @Field(() => SubjectType)
  type!: SubjectType;

  @Field(() => ID)
  @IsUUID()
  id!: string;
}

// Plain values read field by field, nothing guarded or audited on them: simpleResolvers lets GraphQL
// read them directly, without type-graphql's middleware chain, which costs about ten times the field
// itself (a rule set's texts and clauses are most of `ruleSet { rules { … } }`, hostile12 F1).
@ObjectType('LocalizedText', { simpleResolvers: true, description: 'Text in Chinese and English.' })
export class LocalizedTextType {
  @Field()
  zh!: string;

  @Field()
  en!: string;
}

@ObjectType('LegalBasis', { simpleResolvers: true, description: 'The clause a rule rests on.' })
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
