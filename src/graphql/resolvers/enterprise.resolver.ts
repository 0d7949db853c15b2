import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { Enterprise } from '../../db/entities';
import { SubjectType } from '../../domain/subject';
import { withdrawCreditGrade } from '../../registry/credit-grade.service';
import { createEnterprise, updateEnterprise } from '../../registry/enterprise.service';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { disclosedOnlySql, visibleRecords } from '../visibility';
import { EnterpriseFilter } from '../inputs/filter.input';
import { CreateEnterpriseInput, UpdateEnterpriseInput, WithdrawCreditGradeInput } from '../inputs/subject.input';
import { type EnterpriseSubject, loadOrFail, subjectKey } from '../loaders';
import { CreditRecordConnection, CreditRecordType } from '../types/credit-record.type';
import { EnterpriseConnection, EnterpriseType } from '../types/enterprise.type';
import { containsPattern, definedOnly } from '../where';
import { capped } from '../list-caps';
import { asksFor } from '../selection';

@Resolver(() => EnterpriseType)
export class EnterpriseResolver {
  @Query(() => EnterpriseType, { nullable: true, description: 'One enterprise by id; NOT_FOUND when there is none.' })
  enterprise(@Arg('id', () => ID) id: string, @Ctx() { loaders }: GraphQLContext) {
    return loadOrFail(loaders.enterprise, 'enterprise', id);
  }

  @Query(() => EnterpriseConnection, { description: 'Enterprises by name, a page at a time.' })
  enterprises(
    @Args() page: PageArgs,
    @Arg('filter', () => EnterpriseFilter, { nullable: true }) filter: EnterpriseFilter | undefined,
    @Ctx() { em }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = definedOnly({
      name: filter?.nameContains ? { $ilike: containsPattern(filter.nameContains) } : undefined,
      creditGrade: filter?.creditGrade,
      uscc: filter?.uscc,
    });
    return paginate(em, Enterprise, where, { name: 'asc', id: 'asc' }, page, info);
  }

  @Mutation(() => EnterpriseType, { description: 'Registers an enterprise. CONFLICT when its USCC is already registered.' })
  @Authorized(PERMISSIONS.writeRegistry)
  createEnterprise(@Arg('input', () => CreateEnterpriseInput) input: CreateEnterpriseInput, @Ctx() context: GraphQLContext) {
    return createEnterprise(context.em, context.viewer, input);
  }

  @Mutation(() => EnterpriseType, { description: 'Changes an enterprise, e.g. a new credit grade (the one in force ends that day). The USCC cannot change; a grade is cleared with withdrawCreditGrade.' })
  @Authorized(PERMISSIONS.writeRegistry)
  updateEnterprise(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEnterpriseInput) input: UpdateEnterpriseInput,
    @Ctx() context: GraphQLContext,
  ) {
    return updateEnterprise(context.em, context.viewer, id, input);
  }

  @Mutation(() => EnterpriseType, { description: '清除企业现行信用等级 / Clears the enterprise\'s grade in force, saying how: WITHDRAWN from a day (it held until then) or ENTERED_IN_ERROR (it never held; the grade it had replaced holds again). BAD_USER_INPUT when it has no grade in force. CLERK and ADMIN; a grade that holds again because the one entered after it was withdrawn in error is withdrawn in error only by OFFICER or ADMIN (a second person: each such step erases one more grade from the past), FORBIDDEN otherwise.' })
  @Authorized([...new Set([...PERMISSIONS.writeRegistry, ...PERMISSIONS.correctGradeHistory])])
  withdrawCreditGrade(
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('input', () => WithdrawCreditGradeInput) input: WithdrawCreditGradeInput,
    @Ctx() context: GraphQLContext,
  ) {
    return withdrawCreditGrade(context.em, context.viewer, enterpriseId, input);
  }

  @FieldResolver(() => [CreditRecordType], { description: 'Credit records about this enterprise, newest first; revoked and expired ones included for roles with rights, the public gets only those publicly disclosed today.' })
  async creditRecords(@Root() enterprise: EnterpriseSubject, @Ctx() { loaders, viewer }: GraphQLContext) {
    return capped('Enterprise.creditRecords', visibleRecords(viewer, await loaders.creditRecordsOfSubject.load(subjectKey(SubjectType.ENTERPRISE, enterprise.id))));
  }

  @FieldResolver(() => CreditRecordConnection, { description: 'Credit records about this enterprise, newest first, a page at a time (the paged form of creditRecords, with the same visibility: the public gets only those publicly disclosed today).' })
  creditRecordsConnection(@Root() enterprise: EnterpriseSubject, @Args() page: PageArgs, @Ctx() { loaders, viewer }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return loaders.creditRecordPages.load({ parent: [SubjectType.ENTERPRISE, enterprise.id], page, condition: disclosedOnlySql(viewer), withTotal: asksFor(info, ['totalCount']) });
  }
}
