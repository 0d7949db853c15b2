import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { ObjectionStatus } from '../../domain/objection';
import { ConflictError } from '../../errors';
import { Objection } from '../../db/entities';
import { findOrFail } from '../../db/repositories/lookup';
import { fileObjection, resolveObjection } from '../../registry/objection.service';
import { admitObjection } from '../../registry/objection-admission.service';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { ObjectionFilter } from '../inputs/filter.input';
import { AdmitObjectionInput, FileObjectionInput, ResolveObjectionInput } from '../inputs/record.input';
import { CreditRecordType } from '../types/credit-record.type';
import { ObjectionConnection, ObjectionType } from '../types/objection.type';
import { definedOnly } from '../where';
import { notePersonalRead } from '../personal-reads';
import { SubjectType } from '../../domain/subject';

@Resolver(() => ObjectionType)
export class ObjectionResolver {
  @Query(() => ObjectionType, { nullable: true, description: 'One objection by id; NOT_FOUND when there is none.' })
  @Authorized(PERMISSIONS.readHistory)
  objection(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext) {
    return findOrFail(em, Objection, 'objection', id);
  }

  @Query(() => ObjectionConnection, { description: 'Objections, newest first, a page at a time.' })
  @Authorized(PERMISSIONS.readHistory)
  async objections(
    @Args() page: PageArgs,
    @Arg('filter', () => ObjectionFilter, { nullable: true }) filter: ObjectionFilter | undefined,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { em } = context;
    // Narrowed to one record of a civil servant, the list is that person's (as the record's own
    // `objections` field is) even when only totalCount is read: recorded as theirs whatever is selected.
    if (filter?.recordId) {
      const record = await context.loaders.creditRecord.load(filter.recordId).catch(() => null);
      if (record?.subjectType === SubjectType.CIVIL_SERVANT) notePersonalRead(context, record.subjectId, 'CreditRecord.objections');
    }
    const where = definedOnly({ record: filter?.recordId, status: filter?.status });
    return paginate(em, Objection, where, { filedOn: 'desc', id: 'asc' }, page, info);
  }

  @Mutation(() => ObjectionType, { description: 'Files an objection (异议); the record is marked DISPUTED until it is decided.' })
  @Authorized(PERMISSIONS.writeRegistry)
  fileObjection(@Arg('input', () => FileObjectionInput) input: FileObjectionInput, @Ctx() context: GraphQLContext) {
    return fileObjection(context.em, context.viewer, input);
  }

  @Mutation(() => ObjectionType, {
    description: 'Decides an objection: UPHELD corrects or revokes the record (its history kept), REJECTED puts it back in force.',
  })
  @Authorized(PERMISSIONS.decide)
  resolveObjection(@Arg('input', () => ResolveObjectionInput) input: ResolveObjectionInput, @Ctx() context: GraphQLContext) {
    return resolveObjection(context.em, context.viewer, input);
  }

  @Mutation(() => ObjectionType, {
    description: 'Admits, on new grounds, an objection filed after an earlier one to the record was rejected (受理再次异议): from admittedOn it suspends the record. OFFICER or ADMIN; audited ADMIT_OBJECTION.',
  })
  @Authorized(PERMISSIONS.admitRenewedObjection)
  async admitObjection(@Arg('input', () => AdmitObjectionInput) input: AdmitObjectionInput, @Ctx() context: GraphQLContext) {
    try {
      return await admitObjection(context.em, context.viewer, input);
    } catch (error) {
      throw await refusalToAdmit(context, input.objectionId, error);
    }
  }

  @FieldResolver(() => CreditRecordType)
  record(@Root() objection: Objection, @Ctx() { loaders }: GraphQLContext) {
    return loaders.creditRecord.load(objection.record.id);
  }
}

/**
 * An admission refused because the objection was decided or admitted already tells its status and the
 * day, which a role that does not read objections (OFFICER: PERMISSIONS.readHistory) may not read
 * (hostile29 N2); it is told only that the objection no longer awaits admission. The objection is read
 * again after the refusal: a decision and an admission are never undone, so what refused it still holds.
 */
async function refusalToAdmit(context: GraphQLContext, objectionId: string, error: unknown): Promise<unknown> {
  if (!(error instanceof ConflictError) || (PERMISSIONS.readHistory as readonly string[]).includes(context.viewer.role)) return error;
  const objection = await context.em.fork().findOne(Objection, { id: objectionId });
  if (!objection || (objection.status === ObjectionStatus.PENDING && !objection.admittedOn)) return error;
  return new ConflictError('objectionId', '该异议已不在待受理状态（已处理或已受理），不能再受理；其处理情况由登记或监督人员（CLERK、INSPECTOR）查阅。 / the objection no longer awaits admission (it was decided or admitted already); it cannot be admitted. A CLERK or INSPECTOR reads how it stands.');
}
