import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { Agency } from '../../db/entities';
import { AgencyKind, SubjectType } from '../../domain/subject';
import { confirmAgencyKind, createAgency, updateAgency } from '../../registry/agency.service';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { disclosedOnlySql, inVisibleOrder, seesCivilServants, visibleRecords } from '../visibility';
import { AgencyFilter } from '../inputs/filter.input';
import { CreateAgencyInput, UpdateAgencyInput } from '../inputs/subject.input';
import { type AgencySubject, loadOrFail, subjectKey } from '../loaders';
import { AgencyConnection, AgencyType } from '../types/agency.type';
import { CivilServantConnection, CivilServantType } from '../types/civil-servant.type';
import { CommitmentConnection, CommitmentType } from '../types/commitment.type';
import { CourtCaseConnection, CourtCaseType } from '../types/court-case.type';
import { CreditRecordConnection, CreditRecordType } from '../types/credit-record.type';
import { containsPattern, definedOnly } from '../where';
import { capped } from '../list-caps';
import { asksFor } from '../selection';

@Resolver(() => AgencyType)
export class AgencyResolver {
  @Query(() => AgencyType, { nullable: true, description: 'One agency by id; NOT_FOUND when there is none.' })
  agency(@Arg('id', () => ID) id: string, @Ctx() { loaders }: GraphQLContext) {
    return loadOrFail(loaders.agency, 'agency', id);
  }

  @Query(() => AgencyConnection, { description: 'Agencies by name, a page at a time.' })
  agencies(
    @Args() page: PageArgs,
    @Arg('filter', () => AgencyFilter, { nullable: true }) filter: AgencyFilter | undefined,
    @Ctx() { em }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = definedOnly({
      name: filter?.nameContains ? { $ilike: containsPattern(filter.nameContains) } : undefined,
      level: filter?.level,
      parent: filter?.parentId,
      uscc: filter?.uscc,
      kindEstimated: filter?.kindEstimated ?? undefined,
    });
    return paginate(em, Agency, where, { name: 'asc', id: 'asc' }, page, info);
  }

  @Mutation(() => AgencyType, { description: 'Registers an agency. CONFLICT when its USCC is already registered.' })
  @Authorized(PERMISSIONS.writeRegistry)
  createAgency(@Arg('input', () => CreateAgencyInput) input: CreateAgencyInput, @Ctx() context: GraphQLContext) {
    return createAgency(context.em, context.viewer, input);
  }

  @Mutation(() => AgencyType, { description: 'Changes an agency. The USCC cannot change.' })
  @Authorized(PERMISSIONS.writeRegistry)
  updateAgency(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAgencyInput) input: UpdateAgencyInput,
    @Ctx() context: GraphQLContext,
  ) {
    return updateAgency(context.em, context.viewer, id, input);
  }

  @Mutation(() => AgencyType, { description: '确认机构类别 / An officer confirms or corrects the kind of an agency (OTHER for a party organ, public institution, vertical agency or court) and clears kindEstimated: 三(六)\'s honour disqualification rests only on a confirmed kind. Audited old → new. NOT_FOUND when there is no such agency.' })
  @Authorized(PERMISSIONS.confirmAgencyKind)
  confirmAgencyKind(
    @Arg('id', () => ID) id: string,
    @Arg('kind', () => AgencyKind) kind: AgencyKind,
    @Ctx() context: GraphQLContext,
  ) {
    return confirmAgencyKind(context.em, context.viewer, id, kind);
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: 'The agency this one belongs to.' })
  parent(@Root() agency: AgencySubject, @Ctx() { loaders }: GraphQLContext) {
    return agency.parent ? loaders.agency.load(agency.parent.id) : null;
  }

  @FieldResolver(() => [AgencyType], { description: 'Agencies that belong to this one.' })
  async children(@Root() agency: AgencySubject, @Ctx() { loaders }: GraphQLContext) {
    return capped('Agency.children', await loaders.childAgencies.load(agency.id));
  }

  @FieldResolver(() => [CivilServantType], { description: 'Its civil servants, by name (for the public: by id).' })
  async civilServants(@Root() agency: AgencySubject, @Ctx() { loaders, viewer }: GraphQLContext) {
    return capped('Agency.civilServants', inVisibleOrder(viewer, await loaders.civilServantsOfAgency.load(agency.id)));
  }

  @FieldResolver(() => [CreditRecordType], { description: 'Credit records about this agency, newest first; revoked and expired ones included for roles with rights, the public gets only those publicly disclosed today.' })
  async creditRecords(@Root() agency: AgencySubject, @Ctx() { loaders, viewer }: GraphQLContext) {
    return capped('Agency.creditRecords', visibleRecords(viewer, await loaders.creditRecordsOfSubject.load(subjectKey(SubjectType.AGENCY, agency.id))));
  }

  @FieldResolver(() => [CommitmentType])
  async commitments(@Root() agency: AgencySubject, @Ctx() { loaders }: GraphQLContext) {
    return capped('Agency.commitments', await loaders.commitmentsOfAgency.load(agency.id));
  }

  @FieldResolver(() => [CourtCaseType])
  async courtCases(@Root() agency: AgencySubject, @Ctx() { loaders }: GraphQLContext) {
    return capped('Agency.courtCases', await loaders.courtCasesOfAgency.load(agency.id));
  }

  @FieldResolver(() => CivilServantConnection, { description: 'The civil servants of this agency, a page at a time (the paged form of civilServants, in its order: by name, for the public by id).' })
  civilServantsConnection(@Root() agency: AgencySubject, @Args() page: PageArgs, @Ctx() { loaders, viewer }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return (seesCivilServants(viewer) ? loaders.civilServantPages : loaders.civilServantPagesById).load({ parent: [agency.id], page, withTotal: asksFor(info, ['totalCount']) });
  }

  @FieldResolver(() => CreditRecordConnection, { description: 'Credit records about this agency, newest first, a page at a time (the paged form of creditRecords, with the same visibility: the public gets only those publicly disclosed today).' })
  creditRecordsConnection(@Root() agency: AgencySubject, @Args() page: PageArgs, @Ctx() { loaders, viewer }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return loaders.creditRecordPages.load({ parent: [SubjectType.AGENCY, agency.id], page, condition: disclosedOnlySql(viewer), withTotal: asksFor(info, ['totalCount']) });
  }

  @FieldResolver(() => CommitmentConnection, { description: 'Commitments of this agency, latest due first, a page at a time (the paged form of commitments).' })
  commitmentsConnection(@Root() agency: AgencySubject, @Args() page: PageArgs, @Ctx() { loaders }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return loaders.commitmentPagesOfAgency.load({ parent: [agency.id], page, withTotal: asksFor(info, ['totalCount']) });
  }

  @FieldResolver(() => CourtCaseConnection, { description: 'Court cases of this agency, latest filed first, a page at a time (the paged form of courtCases).' })
  courtCasesConnection(@Root() agency: AgencySubject, @Args() page: PageArgs, @Ctx() { loaders }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return loaders.courtCasePagesOfAgency.load({ parent: [agency.id], page, withTotal: asksFor(info, ['totalCount']) });
  }
}
