import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Enterprise } from '../../db/entities';
import { gradeOn } from '../../domain/credit-grade';
import { chinaDate } from '../../domain/day';
import type { GraphQLContext } from '../context';
import { CreditGrade } from '../../domain/subject';
import { EnterpriseType } from '../types/enterprise.type';
import { AS_OF } from './facts-args';
import { createSubjectFactsResolver } from './subject-facts.resolver';
import type { EnterpriseSubject } from '../loaders';

/** An enterprise's facts: what the rules in rules/enterprise/ read (rules/facts/enterprise.graphql). */
@Resolver(() => EnterpriseType)
export class EnterpriseFactsResolver extends createSubjectFactsResolver('Enterprise', EnterpriseType) {
  @FieldResolver(() => CreditGrade, { nullable: true, description: '当日信用评价等级 / The credit grade in force on the day of asOf, from the grade history: null when none held that day (given later, never, withdrawn by then, or entered in error).' })
  async creditGradeOn(@Root() enterprise: EnterpriseSubject, @Arg('asOf', AS_OF) asOf: Date, @Ctx() { loaders }: GraphQLContext): Promise<CreditGrade | null> {
    return gradeOn(await loaders.factRows.gradesOfEnterprise.load(enterprise.id), chinaDate(asOf));
  }
}
