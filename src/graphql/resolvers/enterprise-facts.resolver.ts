import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Enterprise } from '../../db/entities';
import { RecordCategory, Severity } from '../../domain/credit-record';
import { chinaDate } from '../../domain/day';
import { CreditGrade, SubjectType } from '../../domain/subject';
import type { GraphQLContext } from '../context';
import { creditFactsOf, listFactsOf } from '../facts-of';
import { capped } from '../list-caps';
import { subjectKey } from '../loaders';
import { EnterpriseType } from '../types/enterprise.type';
import { CreditFactsType, SeverityPeriodsInput } from '../types/credit-facts.type';
import { ListFactsType, ListMembershipType } from '../types/list-membership.type';
import { ACTS_FROM, AS_OF, COUNTS_FOR, CREDIT, DISHONESTY_CATEGORIES, GRAVE_SEVERITIES, HISTORY, LISTINGS, TRUSTWORTHY_FOR } from './facts-args';

/** An enterprise's facts: what the rules in rules/enterprise/ read (rules/facts/enterprise.graphql). */
@Resolver(() => EnterpriseType)
export class EnterpriseFactsResolver {
  @FieldResolver(() => CreditFactsType, CREDIT)
  credit(
    @Root() enterprise: Enterprise,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('countsFor', () => SeverityPeriodsInput, COUNTS_FOR) countsFor: SeverityPeriodsInput | null,
    @Arg('trustworthyFor', () => String, TRUSTWORTHY_FOR) trustworthyFor: string | null,
    @Arg('actsFrom', () => LocalDateResolver, ACTS_FROM) actsFrom: string | null,
    @Arg('dishonestyCategories', () => [RecordCategory], DISHONESTY_CATEGORIES) dishonestyCategories: RecordCategory[] | null,
    @Arg('graveSeverities', () => [Severity], GRAVE_SEVERITIES) graveSeverities: Severity[] | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    return creditFactsOf(loaders, viewer, 'Enterprise.credit', SubjectType.ENTERPRISE, enterprise.id, asOf, { countsFor, trustworthyFor, actsFrom, dishonestyCategories, graveSeverities });
  }

  @FieldResolver(() => ListFactsType, LISTINGS)
  listings(@Root() enterprise: Enterprise, @Arg('asOf', AS_OF) asOf: Date, @Ctx() { loaders, viewer }: GraphQLContext) {
    return listFactsOf(loaders, viewer, 'Enterprise.listings', SubjectType.ENTERPRISE, enterprise.id, asOf);
  }

  @FieldResolver(() => [ListMembershipType], HISTORY)
  async listMemberships(@Root() enterprise: Enterprise, @Ctx() { loaders }: GraphQLContext) {
    return capped('Enterprise.listMemberships', await loaders.listMembershipsOfSubject.load(subjectKey(SubjectType.ENTERPRISE, enterprise.id)));
  }

  @FieldResolver(() => CreditGrade, { nullable: true, description: '当日信用评价等级 / The credit grade in force on the day of asOf; null when it was given later or never.' })
  creditGradeOn(@Root() enterprise: Enterprise, @Arg('asOf', AS_OF) asOf: Date): CreditGrade | null {
    return enterprise.creditGrade && enterprise.gradedOn && enterprise.gradedOn <= chinaDate(asOf) ? enterprise.creditGrade : null;
  }
}
