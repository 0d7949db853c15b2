import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Agency } from '../../db/entities';
import { CommitmentDomain } from '../../domain/commitment';
import { commitmentFacts } from '../../domain/commitment-facts';
import { RecordCategory, Severity } from '../../domain/credit-record';
import { chinaDate } from '../../domain/day';
import { courtFacts } from '../../domain/court-facts';
import { SubjectType } from '../../domain/subject';
import type { GraphQLContext } from '../context';
import { creditFactsOf, listFactsOf, period, reviewOn, selection } from '../facts-of';
import { factsRows } from '../list-caps';
import { capped } from '../list-caps';
import { subjectKey } from '../loaders';
import { AgencyType } from '../types/agency.type';
import { CommitmentFactsType } from '../types/commitment-facts.type';
import { CourtFactsType } from '../types/court-facts.type';
import { CreditFactsType, SeverityPeriodsInput } from '../types/credit-facts.type';
import { ListFactsType, ListMembershipType } from '../types/list-membership.type';
import { ACTS_FROM, AS_OF, BREACHES_FROM, ABSENCES_FROM, COUNTS_FOR, CREDIT, DISHONESTY_CATEGORIES, DOMAINS, GRAVE_SEVERITIES, HISTORY, LISTINGS, PUBLICLY_DISCLOSED, REVIEW_YEAR_STARTS_ON, TRUSTWORTHY_FOR, WITHIN } from './facts-args';

/** An agency's facts: what the rules in rules/agency/ read (rules/facts/agency.graphql). */
@Resolver(() => AgencyType)
export class AgencyFactsResolver {
  @FieldResolver(() => CreditFactsType, CREDIT)
  credit(
    @Root() agency: Agency,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('countsFor', () => SeverityPeriodsInput, COUNTS_FOR) countsFor: SeverityPeriodsInput | null,
    @Arg('trustworthyFor', () => String, TRUSTWORTHY_FOR) trustworthyFor: string | null,
    @Arg('actsFrom', () => LocalDateResolver, ACTS_FROM) actsFrom: string | null,
    @Arg('dishonestyCategories', () => [RecordCategory], DISHONESTY_CATEGORIES) dishonestyCategories: RecordCategory[] | null,
    @Arg('graveSeverities', () => [Severity], GRAVE_SEVERITIES) graveSeverities: Severity[] | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    return creditFactsOf(loaders, viewer, 'Agency.credit', SubjectType.AGENCY, agency.id, asOf, { countsFor, trustworthyFor, actsFrom, dishonestyCategories, graveSeverities });
  }

  @FieldResolver(() => ListFactsType, LISTINGS)
  listings(@Root() agency: Agency, @Arg('asOf', AS_OF) asOf: Date, @Ctx() { loaders, viewer }: GraphQLContext) {
    return listFactsOf(loaders, viewer, 'Agency.listings', SubjectType.AGENCY, agency.id, asOf);
  }

  @FieldResolver(() => [ListMembershipType], HISTORY)
  async listMemberships(@Root() agency: Agency, @Ctx() { loaders }: GraphQLContext) {
    return capped('Agency.listMemberships', await loaders.listMembershipsOfSubject.load(subjectKey(SubjectType.AGENCY, agency.id)));
  }

  @FieldResolver(() => CommitmentFactsType, { description: '公开承诺事实 / Its public commitments on the day of asOf (三(五), 四(四), 四(五)), or those of some fields and disclosure only.' })
  async commitmentFacts(
    @Root() agency: Agency,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('within', () => String, WITHIN) within: string | null,
    @Arg('domains', () => [CommitmentDomain], DOMAINS) domains: CommitmentDomain[] | null,
    @Arg('publiclyDisclosed', () => Boolean, PUBLICLY_DISCLOSED) publiclyDisclosed: boolean | null,
    @Arg('actsFrom', () => LocalDateResolver, BREACHES_FROM) actsFrom: string | null,
    @Arg('reviewYearStartsOn', () => String, REVIEW_YEAR_STARTS_ON) reviewYearStartsOn: string | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    const on = chinaDate(asOf);
    const review = reviewOn(on, reviewYearStartsOn);
    return commitmentFacts(factsRows(viewer, 'Agency.commitmentFacts', await loaders.factRows.commitmentsOfAgency.load(agency.id)), on, period(within, 'within'), selection(domains, publiclyDisclosed, actsFrom, review));
  }

  @FieldResolver(() => CourtFactsType, { description: '诉讼事实 / Its lawsuits on the day of asOf (三(八)); judgmentDefaulter comes from its list memberships.' })
  async courtFacts(
    @Root() agency: Agency,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('within', () => String, WITHIN) within: string | null,
    @Arg('actsFrom', () => LocalDateResolver, ABSENCES_FROM) actsFrom: string | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    const [cases, listings] = await Promise.all([loaders.factRows.courtCasesOfAgency.load(agency.id), listFactsOf(loaders, viewer, 'Agency.listings', SubjectType.AGENCY, agency.id, asOf)]);
    return courtFacts(factsRows(viewer, 'Agency.courtFacts', cases), chinaDate(asOf), listings.judgmentDefaulter, period(within, 'within'), listings.listedByCourt, actsFrom);
  }
}
