import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { ConflictError } from '../../errors';
import { Objection } from '../../db/entities';
import { findOrFail } from '../../db/repositories/lookup';
import { fileObjection, resolveObjection } from '../../registry/objection.service';
import { admitObjection } from '../../registry/objection-admission.service';
import { NotAwaitingAdmissionError } from '../../registry/renewed-admission';
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
      throw refusalToAdmit(context, error);
    }
  }

  @FieldResolver(() => CreditRecordType)
  record(@Root() objection: Objection, @Ctx() { loaders }: GraphQLContext) {
    return loaders.creditRecord.load(objection.record.id);
  }
}

/**
 * An admission refused because the objection is not renewed, or was decided or admitted already, says
 * which, and with it the objection's `renewed`, status and day, which a role that does not read
 * objections (OFFICER: PERMISSIONS.readHistory) may not read (hostile29 N2; sec31 item 2: "not renewed"
 * was still told apart). It is told only that the objection does not await admission, the same words
 * whichever the reason.
 */
function refusalToAdmit(context: GraphQLContext, error: unknown): unknown {
  if (!(error instanceof NotAwaitingAdmissionError) || (PERMISSIONS.readHistory as readonly string[]).includes(context.viewer.role)) return error;
  return new ConflictError('objectionId', '该异议不在待受理状态（不是再次异议，或已处理、已受理），不能受理；其情况由登记或监督人员（CLERK、INSPECTOR）查阅。 / the objection does not await admission (it is not a renewed objection, or it was decided or admitted already; which, is not told to this role); it cannot be admitted. A CLERK or INSPECTOR reads how it stands.');
}
