import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CivilServant } from '../../db/entities';
import { SubjectType } from '../../domain/subject';
import { createCivilServant, updateCivilServant } from '../../registry/civil-servant.service';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { CivilServantFilter } from '../inputs/filter.input';
import { CreateCivilServantInput, UpdateCivilServantInput } from '../inputs/subject.input';
import { loadOrFail, subjectKey } from '../loaders';
import { AgencyType } from '../types/agency.type';
import { CivilServantConnection, CivilServantType } from '../types/civil-servant.type';
import { CreditRecordType } from '../types/credit-record.type';
import { containsPattern, definedOnly } from '../where';

@Resolver(() => CivilServantType)
export class CivilServantResolver {
  @Query(() => CivilServantType, { nullable: true, description: 'One civil servant by id; NOT_FOUND when there is none.' })
  civilServant(@Arg('id', () => ID) id: string, @Ctx() { loaders }: GraphQLContext) {
    return loadOrFail(loaders.civilServant, 'civil servant', id);
  }

  @Query(() => CivilServantConnection, { description: 'Civil servants by name, a page at a time.' })
  civilServants(
    @Args() page: PageArgs,
    @Arg('filter', () => CivilServantFilter, { nullable: true }) filter: CivilServantFilter | undefined,
    @Ctx() { em }: GraphQLContext,
  ) {
    const where = definedOnly({
      name: filter?.nameContains ? { $ilike: containsPattern(filter.nameContains) } : undefined,
      agency: filter?.agencyId,
      leadingCadre: filter?.leadingCadre,
    });
    return paginate(em, CivilServant, where, { name: 'asc', id: 'asc' }, page);
  }

  @Mutation(() => CivilServantType, { description: 'Registers a civil servant. CONFLICT when the ID-card number is already registered.' })
  createCivilServant(@Arg('input', () => CreateCivilServantInput) input: CreateCivilServantInput, @Ctx() { em }: GraphQLContext) {
    return createCivilServant(em, input);
  }

  @Mutation(() => CivilServantType, { description: 'Changes a civil servant. The ID-card number cannot change.' })
  updateCivilServant(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCivilServantInput) input: UpdateCivilServantInput,
    @Ctx() { em }: GraphQLContext,
  ) {
    return updateCivilServant(em, id, input);
  }

  @FieldResolver(() => AgencyType)
  agency(@Root() servant: CivilServant, @Ctx() { loaders }: GraphQLContext) {
    return loaders.agency.load(servant.agency.id);
  }

  @FieldResolver(() => [CreditRecordType], { description: 'Credit records about this civil servant, newest first, revoked ones included.' })
  creditRecords(@Root() servant: CivilServant, @Ctx() { loaders }: GraphQLContext) {
    return loaders.creditRecordsOfSubject.load(subjectKey(SubjectType.CIVIL_SERVANT, servant.id));
  }
}
