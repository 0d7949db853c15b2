import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Agency } from '../../db/entities';
import { CommitmentDomain } from '../../domain/commitment';
import { readsWhole } from '../../auth/role';
import { commitmentFacts } from '../../domain/commitment-facts';
import { chinaDate } from '../../domain/day';
import { courtFacts } from '../../domain/court-facts';
import { SubjectType } from '../../domain/subject';
import type { GraphQLContext } from '../context';
import { listFactsOf, period, reviewOn, selection } from '../facts-of';
import { factsOnce } from '../facts-memo';
import { factsRows } from '../list-caps';
import { AgencyType } from '../types/agency.type';
import { CommitmentFactsType } from '../types/commitment-facts.type';
import { CourtFactsType } from '../types/court-facts.type';
import { ABSENCES_FROM, AS_OF, BREACHES_FROM, DISPUTED_FINDINGS_COUNT, DOMAINS, PUBLICLY_DISCLOSED, REVIEW_YEAR_STARTS_ON, WITHIN } from './facts-args';
import { withFindingObjections } from '../finding-objections-of';
import { assertPublicCommitmentArguments } from '../public-commitment-arguments';
import { foldObjectionsForPublic } from '../public-commitment-counts';
import { assertPublicCourtArguments } from '../public-court-arguments';
import { createSubjectFactsResolver } from './subject-facts.resolver';
import type { AgencySubject } from '../loaders';

/** An agency's facts: what the rules in rules/agency/ read (rules/facts/agency.graphql). */
@Resolver(() => AgencyType)
export class AgencyFactsResolver extends createSubjectFactsResolver('Agency', AgencyType) {
  @FieldResolver(() => CommitmentFactsType, { description: '公开承诺事实 / Its public commitments on the day of asOf (三(五), 四(四), 四(五)), or those of some fields and disclosure only. Without a token only asOf may be given, on today (China Standard Time): the other arguments could single out one commitment\'s finding (FORBIDDEN).' })
  async commitmentFacts(
    @Root() agency: AgencySubject,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('within', () => String, WITHIN) within: string | null,
    @Arg('domains', () => [CommitmentDomain], DOMAINS) domains: CommitmentDomain[] | null,
    @Arg('publiclyDisclosed', () => Boolean, PUBLICLY_DISCLOSED) publiclyDisclosed: boolean | null,
    @Arg('actsFrom', () => LocalDateResolver, BREACHES_FROM) actsFrom: string | null,
    @Arg('reviewYearStartsOn', () => String, REVIEW_YEAR_STARTS_ON) reviewYearStartsOn: string | null,
    @Arg('disputedFindingsCount', () => Boolean, DISPUTED_FINDINGS_COUNT) disputedFindingsCount: boolean | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    // The public reads the unnarrowed counts of today only (hostile19 F4).
    assertPublicCommitmentArguments(viewer, asOf, { within, domains, publiclyDisclosed, actsFrom, reviewYearStartsOn, disputedFindingsCount });
    // Once per request for the same agency, day and arguments, however many aliases and parents ask (facts-memo.ts).
    const args = [within, domains, publiclyDisclosed, actsFrom, reviewYearStartsOn, disputedFindingsCount];
    return factsOnce(loaders, viewer, 'Agency.commitmentFacts', agency.id, asOf, args, async () => {
      const on = chinaDate(asOf);
      const review = reviewOn(on, reviewYearStartsOn);
      const [rows, objections] = await Promise.all([loaders.factRows.commitmentsOfAgency.load(agency.id), loaders.factRows.findingObjectionsOfAgency.load(agency.id)]);
      const commitments = withFindingObjections(factsRows(viewer, 'Agency.commitmentFacts', rows), objections, 'commitmentId');
      const facts = commitmentFacts(commitments, on, period(within, 'within'), { ...selection(domains, publiclyDisclosed, actsFrom, review), disputedFindingsCount });
      // Each item of these lists is one commitment's finding: breachedCommitments those found 履职不力
      // (and on which day), notCounted those left out and why (no finding yet, or an act before the
      // in-force day). A role that reads a commitment's finding null (Commitment.breachFinding,
      // breachFoundOn, breachFindingPending: the public, FIELD_READERS) gets them empty, for every
      // agency and commitment, disclosed or not: the facts tell it no more than the commitments do
      // (hostile12 F3). The counts stay, folded so that they tell no objection of the unit's (sec26,
      // public-commitment-counts.ts).
      return readsWhole(viewer.role, 'Commitment.breachFinding') ? facts : { ...foldObjectionsForPublic(facts), breachedCommitments: [], notCounted: [] };
    });
  }

  @FieldResolver(() => CourtFactsType, { description: '诉讼事实 / Its lawsuits on the day of asOf (三(八)); judgmentDefaulter comes from its list memberships.' })
  async courtFacts(
    @Root() agency: AgencySubject,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('within', () => String, WITHIN) within: string | null,
    @Arg('actsFrom', () => LocalDateResolver, ABSENCES_FROM) actsFrom: string | null,
    @Arg('disputedFindingsCount', () => Boolean, DISPUTED_FINDINGS_COUNT) disputedFindingsCount: boolean | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    assertPublicCourtArguments(viewer, asOf, { within, actsFrom, disputedFindingsCount });
    return factsOnce(loaders, viewer, 'Agency.courtFacts', agency.id, asOf, [within, actsFrom, disputedFindingsCount], async () => {
      const [cases, objections, listings] = await Promise.all([
        loaders.factRows.courtCasesOfAgency.load(agency.id),
        loaders.factRows.findingObjectionsOfAgency.load(agency.id),
        listFactsOf(loaders, viewer, 'Agency.listings', SubjectType.AGENCY, agency.id, asOf),
      ]);
      const rows = withFindingObjections(factsRows(viewer, 'Agency.courtFacts', cases), objections, 'courtCaseId');
      return courtFacts(rows, chinaDate(asOf), listings.judgmentDefaulter, period(within, 'within'), listings.listedByCourt, actsFrom, !!disputedFindingsCount);
    });
  }
}
