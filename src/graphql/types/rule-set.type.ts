import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { SubjectType } from '../../domain/subject';
import type { Effect as EffectCode } from '../../domain/verdict';
import type { ConditionNode } from '../../engine/rule-model';
import { Effect, LegalBasisType, LocalizedTextType } from './verdict.type';
import { Guarded } from '../guarded';

// The rule set's own values, public and unaudited (RuleSet.errors, guarded, is on RuleSet): read
// directly, without type-graphql's middleware chain (see LocalizedText, verdict.type.ts).
@ObjectType('Matter', { simpleResolvers: true, description: 'A matter decided (事项), declared in rules/matters.json.' })
export class MatterType {
  @Field()
  code!: string;

  @Field(() => LocalizedTextType)
  title!: LocalizedTextType;

  @Field(() => [SubjectType])
  subjectTypes!: SubjectType[];
}

@ObjectType('RuleInfo', { simpleResolvers: true, description: 'A rule file as loaded.' })
export class RuleInfoType {
  @Field()
  id!: string;

  @Field()
  file!: string;

  @Field(() => LocalizedTextType)
  title!: LocalizedTextType;

  @Field(() => SubjectType)
  subjectType!: SubjectType;

  @Field(() => [String])
  matters!: string[];

  @Field(() => [LegalBasisType])
  basis!: LegalBasisType[];

  @Field(() => Effect)
  effect!: EffectCode;

  @Field(() => LocalDateResolver)
  effectiveFrom!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  effectiveTo!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'The conditions as written: all / any / not over leaf conditions { fact, path, operator, value }.' })
  conditions!: ConditionNode;

  @Field(() => LocalizedTextType, { description: 'What applies when the rule fires.' })
  measure!: LocalizedTextType;
}

@ObjectType('RuleProblem', { simpleResolvers: true, description: 'A mistake in the rules folder, located and explained in Chinese and English.' })
export class RuleProblemType {
  @Field({ description: 'Relative to the rules folder.' })
  file!: string;

  @Field(() => Int)
  line!: number;

  @Field(() => Int)
  column!: number;

  @Field()
  zh!: string;

  @Field()
  en!: string;
}

@ObjectType('RuleSet', { description: 'The rule set in force.' })
export class RuleSetType {
  @Field({ description: 'Content hash of every rule, facts and parameter file.' })
  version!: string;

  @Field()
  loadedAt!: Date;

  @Field(() => [MatterType])
  matters!: MatterType[];

  @Field(() => [RuleInfoType])
  rules!: RuleInfoType[];

  @Field(() => [RuleProblemType], { description: 'Problems of the files on disk since the last reload; while there are any, this (last good) set keeps serving. For OFFICER, INSPECTOR and ADMIN; empty for other roles.' })
  @Guarded('RuleSet.errors')
  errors!: RuleProblemType[];
}
