import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { civilServantOrder, nameFilter } from '../visibility';
import { FIELD_READERS, PERMISSIONS } from '../../auth/role';
import { Guarded } from '../guarded';
import { CivilServant } from '../../db/entities';
import { SubjectType } from '../../domain/subject';
import { createCivilServant, updateCivilServant } from '../../registry/civil-servant.service';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { CivilServantFilter } from '../inputs/filter.input';
import { CreateCivilServantInput, UpdateCivilServantInput } from '../inputs/subject.input';
import { type CivilServantSubject, loadOrFail, subjectKey } from '../loaders';
import { AgencyType } from '../types/agency.type';
import { CivilServantConnection, CivilServantType, PrincipalTermType } from '../types/civil-servant.type';
import { CreditRecordConnection, CreditRecordType } from '../types/credit-record.type';
import { asksFor } from '../selection';
import { definedOnly } from '../where';
import { capped } from '../list-caps';

@Resolver(() => CivilServantType)
export class CivilServantResolver {
  @Query(() => CivilServantType, { nullable: true, description: 'One civil servant by id; NOT_FOUND when there is none.' })
  civilServant(@Arg('id', () => ID) id: string, @Ctx() { loaders }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    // A query reading the servant's agency (a facts query does) gets it in the servant's statement.
    return loadOrFail(asksFor(info, ['agency']) ? loaders.civilServantWithAgency : loaders.civilServant, 'civil servant', id);
  }

  @Query(() => CivilServantConnection, { description: 'Civil servants by name (for the public: by id, which hints at no hidden character), a page at a time. For the public, nameContains matches the masked name (王*明) only.' })
  async civilServants(
    @Args() page: PageArgs,
    @Arg('filter', () => CivilServantFilter, { nullable: true }) filter: CivilServantFilter | undefined,
    @Ctx() { em, viewer, loaders }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = () => definedOnly({
      ...nameFilter(viewer, filter?.nameContains),
      agency: filter?.agencyId,
      leadingCadre: filter?.leadingCadre,
    });
    // A list page showing each servant's agency gets the agencies in the page's own statement (a
    // join), handed to the agency loader, instead of a second statement.
    const withAgency = asksFor(info, ['edges', 'node', 'agency']);
    // A page asking totalCount gets it from the page's own statement.
    const found = await paginate(em, CivilServant, where, civilServantOrder(viewer), page, info, withAgency ? ['agency'] : []);
    if (withAgency) for (const { node } of found.edges) loaders.agency.prime(node.agency.id, node.agency);
    return found;
  }

  @Mutation(() => CivilServantType, { description: 'Registers a civil servant. CONFLICT when the ID-card number is already registered.' })
  @Authorized(PERMISSIONS.writeRegistry)
  createCivilServant(@Arg('input', () => CreateCivilServantInput) input: CreateCivilServantInput, @Ctx() context: GraphQLContext) {
    return createCivilServant(context.em, context.viewer, input);
  }

  @Mutation(() => CivilServantType, { description: 'Changes a civil servant. The ID-card number cannot change.' })
  @Authorized(PERMISSIONS.writeRegistry)
  updateCivilServant(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCivilServantInput) input: UpdateCivilServantInput,
    @Ctx() context: GraphQLContext,
  ) {
    return updateCivilServant(context.em, context.viewer, id, input);
  }

  @FieldResolver(() => String, { description: '居民身份证号码 / Resident ID-card number (居民身份证号码); masked (4207**********0013) unless the role is CLERK, INSPECTOR or ADMIN.' })
  @Guarded('CivilServant.idCardNumber')
  idCardNumber(@Root() servant: CivilServantSubject): string {
    return servant.idCardNumber;
  }

  @FieldResolver(() => String, { description: '姓名 / The name; masked for the public: 王*明, 张*, and * for a one-character name.' })
  @Guarded('CivilServant.name')
  name(@Root() servant: CivilServantSubject): string {
    return servant.name;
  }

  @FieldResolver(() => AgencyType)
  agency(@Root() servant: CivilServantSubject, @Ctx() { loaders }: GraphQLContext) {
    return loaders.agency.load(servant.agency.id);
  }

  @FieldResolver(() => [PrincipalTermType], { description: '主要负责人任期 / Every term they served as an agency\'s principal, the earliest first (三(六)); ended terms stay. Not public.' })
  @Authorized(FIELD_READERS['CivilServant.principalTerms'].roles)
  async principalTerms(@Root() servant: CivilServantSubject, @Ctx() { loaders }: GraphQLContext) {
    return capped('CivilServant.principalTerms', await loaders.principalTermsOfServant.load(servant.id));
  }

  @FieldResolver(() => [CreditRecordType], { description: 'Credit records about this civil servant, newest first, revoked ones included. Not public.' })
  @Authorized(FIELD_READERS['CivilServant.creditRecords'].roles)
  async creditRecords(@Root() servant: CivilServantSubject, @Ctx() { loaders }: GraphQLContext) {
    return capped('CivilServant.creditRecords', await loaders.creditRecordsOfSubject.load(subjectKey(SubjectType.CIVIL_SERVANT, servant.id)));
  }

  @FieldResolver(() => CreditRecordConnection, { description: 'Credit records about this civil servant, newest first, a page at a time (the paged form of creditRecords). Not public.' })
  @Authorized(FIELD_READERS['CivilServant.creditRecordsConnection'].roles)
  creditRecordsConnection(@Root() servant: CivilServantSubject, @Args() page: PageArgs, @Ctx() { loaders }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return loaders.creditRecordPages.load({ parent: [SubjectType.CIVIL_SERVANT, servant.id], page, withTotal: asksFor(info, ['totalCount']) });
  }
}
