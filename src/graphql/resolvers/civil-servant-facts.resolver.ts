import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FIELD_READERS } from '../../auth/role';
import type { CivilServant } from '../../db/entities';
import { CommitmentDomain } from '../../domain/commitment';
import { commitmentFacts } from '../../domain/commitment-facts';
import { chinaDate } from '../../domain/day';
import { SubjectType } from '../../domain/subject';
import type { GraphQLContext } from '../context';
import { creditFactsOf, period, selection } from '../facts-of';
import { factsOnce } from '../facts-memo';
import { factsRows } from '../list-caps';
import { CivilServantType } from '../types/civil-servant.type';
import { CommitmentFactsType } from '../types/commitment-facts.type';
import { CreditFactsType } from '../types/credit-facts.type';
import { CreditReadingArgs } from './credit-args';
import { AS_OF, BREACHES_FROM, DISPUTED_FINDINGS_COUNT, DOMAINS, PUBLICLY_DISCLOSED, WITHIN } from './facts-args';
import { withFindingObjections } from '../finding-objections-of';
import { createSubjectFactsResolver } from './subject-facts.resolver';
import type { CivilServantSubject } from '../loaders';

/** A civil servant's facts: what the rules in rules/civil-servant/ read (rules/facts/civil-servant.graphql). */
@Resolver(() => CivilServantType)
export class CivilServantFactsResolver extends createSubjectFactsResolver('CivilServant', CivilServantType) {
  @FieldResolver(() => CommitmentFactsType, { description: '本人负责的承诺事实 / Commitments this person is answerable for, on the day of asOf (三(四), 四(四)), or those of some fields and disclosure only.' })
  @Authorized(FIELD_READERS['CivilServant.commitmentFacts'].roles)
  async commitmentFacts(
    @Root() servant: CivilServantSubject,
    @Arg('asOf', AS_OF) asOf: Date,
    @Arg('within', () => String, WITHIN) within: string | null,
    @Arg('domains', () => [CommitmentDomain], DOMAINS) domains: CommitmentDomain[] | null,
    @Arg('publiclyDisclosed', () => Boolean, PUBLICLY_DISCLOSED) publiclyDisclosed: boolean | null,
    @Arg('actsFrom', () => LocalDateResolver, BREACHES_FROM) actsFrom: string | null,
    @Arg('disputedFindingsCount', () => Boolean, DISPUTED_FINDINGS_COUNT) disputedFindingsCount: boolean | null,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    // Once per request for the same person, day and arguments, however many aliases and parents ask (facts-memo.ts).
    return factsOnce(loaders, viewer, 'CivilServant.commitmentFacts', servant.id, asOf, [within, domains, publiclyDisclosed, actsFrom, disputedFindingsCount], async () => {
      const rows = factsRows(viewer, 'CivilServant.commitmentFacts', await loaders.factRows.commitmentsOfResponsible.load(servant.id));
      // A 履职不力 finding is the unit's: its agency's objections to it decide whether it stands, here too.
      const agencies = [...new Set(rows.map((row) => row.agencyId))];
      const objections = (await loaders.factRows.findingObjectionsOfAgency.loadMany(agencies)).flatMap((list) => {
        if (list instanceof Error) throw list;
        return list;
    });
    return commitmentFacts(withFindingObjections(rows, objections, 'commitmentId'), chinaDate(asOf), period(within, 'within'), { ...selection(domains, publiclyDisclosed, actsFrom), disputedFindingsCount });
    });
  }

  @FieldResolver(() => CreditFactsType, {
    description:
      '任主要负责人期间所在机关的信用事实 / Their agency\'s credit facts over the records of acts that occurred while they were its principal (on or after principalSince): ' +
      'what 三(六) holds "the principal who caused it" answerable for. No records when they are not principal, or when the day they took office was never recorded.',
  })
  @Authorized(FIELD_READERS['CivilServant.agencyCreditAsPrincipal'].roles)
  agencyCreditAsPrincipal(
    @Root() servant: CivilServantSubject,
    @Arg('asOf', AS_OF) asOf: Date,
    @Args(() => CreditReadingArgs, { validate: false }) reading: CreditReadingArgs,
    @Ctx() { loaders, viewer }: GraphQLContext,
  ) {
    // Not principal, or tenure unknown: nothing of the agency's is attributed to them (an empty list of records).
    const since = servant.principal && servant.principalSince ? servant.principalSince : '9999-12-31';
    return creditFactsOf(loaders, viewer, 'CivilServant.agencyCreditAsPrincipal', SubjectType.AGENCY, servant.agency.id, asOf, reading, since);
  }
}
