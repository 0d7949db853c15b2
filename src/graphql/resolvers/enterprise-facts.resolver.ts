import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Enterprise } from '../../db/entities';
import { chinaDate } from '../../domain/day';
import { CreditGrade } from '../../domain/subject';
import { EnterpriseType } from '../types/enterprise.type';
import { AS_OF } from './facts-args';
import { createSubjectFactsResolver } from './subject-facts.resolver';

/** An enterprise's facts: what the rules in rules/enterprise/ read (rules/facts/enterprise.graphql). */
@Resolver(() => EnterpriseType)
export class EnterpriseFactsResolver extends createSubjectFactsResolver('Enterprise', EnterpriseType) {
  @FieldResolver(() => CreditGrade, { nullable: true, description: '当日信用评价等级 / The credit grade in force on the day of asOf; null when it was given later or never.' })
  creditGradeOn(@Root() enterprise: Enterprise, @Arg('asOf', AS_OF) asOf: Date): CreditGrade | null {
    return enterprise.creditGrade && enterprise.gradedOn && enterprise.gradedOn <= chinaDate(asOf) ? enterprise.creditGrade : null;
  }
}
