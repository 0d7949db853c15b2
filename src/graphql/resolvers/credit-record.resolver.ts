import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { FIELD_READERS, PERMISSIONS, SEES_CIVIL_SERVANTS } from '../../auth/role';
import { assertMayRead, assertMaySee, disclosedOnly, publiclyDisclosed } from '../visibility';
import { CreditRecord } from '../../db/entities';
import { SubjectType } from '../../domain/subject';
import { createCreditRecord } from '../../registry/credit-record.service';
import { findOrFail } from '../../db/repositories/lookup';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { loadSubject } from '../loaders';
import { CreditRecordFilter } from '../inputs/filter.input';
import { CreateCreditRecordInput } from '../inputs/record.input';
import { CreditRecordConnection, CreditRecordRevisionType, CreditRecordType } from '../types/credit-record.type';
import { CreditRepairType } from '../types/credit-repair.type';
import { ObjectionType } from '../types/objection.type';
import { SubjectUnion } from '../types/subject.type';
import { definedOnly } from '../where';
import { capped } from '../list-caps';
import { notePersonalRead } from '../personal-reads';

@Resolver(() => CreditRecordType)
export class CreditRecordResolver {
  @Query(() => CreditRecordType, { nullable: true, description: 'One credit record by id; NOT_FOUND when there is none, and for the public when it is not publicly disclosed.' })
  async creditRecord(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: GraphQLContext) {
    const record = await findOrFail(em, CreditRecord, 'credit record', id);
    assertMayRead(viewer, record);
    return record;
  }

  @Query(() => CreditRecordConnection, { description: 'Credit records, newest occurrence first, a page at a time. The public gets only records publicly disclosed today (in force, disclosure period not ended).' })
  async creditRecords(
    @Args() page: PageArgs,
    @Arg('filter', () => CreditRecordFilter, { nullable: true }) filter: CreditRecordFilter | undefined,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { em, viewer } = context;
    if (filter?.subjectType) assertMaySee(viewer, filter.subjectType);
    // Narrowed to one civil servant, the list is their file even when only totalCount is read
    // (as CivilServant.creditRecordsConnection is): recorded as theirs whatever is selected.
    if (filter?.subjectId && SEES_CIVIL_SERVANTS.includes(viewer.role) && (filter.subjectType ?? SubjectType.CIVIL_SERVANT) === SubjectType.CIVIL_SERVANT
      && (await context.loaders.civilServant.load(filter.subjectId))) {
      notePersonalRead(context, filter.subjectId, 'creditRecords');
    }
    // The public sees agencies' and enterprises' records; civil servants' are personal (三(二)).
    const visibleTypes = SEES_CIVIL_SERVANTS.includes(viewer.role) ? undefined : { $ne: SubjectType.CIVIL_SERVANT };
    const occurredOn = definedOnly({ $gte: filter?.occurredFrom, $lte: filter?.occurredTo });
    const disclosed = disclosedOnly(viewer);
    const where = definedOnly({
      $and: disclosed ? [disclosed] : undefined,
      subjectType: filter?.subjectType ?? visibleTypes,
      subjectId: filter?.subjectId,
      kind: filter?.kind,
      category: filter?.category,
      severity: filter?.severity,
      status: filter?.status,
      occurredOn: Object.keys(occurredOn).length ? occurredOn : undefined,
      updatedAt: filter?.updatedAfter ? { $gt: filter.updatedAfter } : undefined,
    });
    return paginate(em, CreditRecord, where, { occurredOn: 'desc', id: 'asc' }, page, info);
  }

  @Mutation(() => CreditRecordType, { description: 'Records a credit record about an existing subject; its history starts with this version.' })
  @Authorized(PERMISSIONS.writeRegistry)
  createCreditRecord(@Arg('input', () => CreateCreditRecordInput) input: CreateCreditRecordInput, @Ctx() context: GraphQLContext) {
    return createCreditRecord(context.em, context.viewer, input);
  }

  @FieldResolver(() => SubjectUnion, { description: 'The agency, civil servant or enterprise the record is about.' })
  subject(@Root() record: CreditRecord, @Ctx() { loaders }: GraphQLContext) {
    return loadSubject(loaders, record.subjectType, record.subjectId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the public sees the record today: it is not revoked and its disclosure period (disclosureEndsOn) has not ended (公示期满停止公示).' })
  publiclyDisclosed(@Root() record: CreditRecord): boolean {
    return publiclyDisclosed(record);
  }

  @FieldResolver(() => [CreditRecordRevisionType], { description: 'Every version of the record, the original first.' })
  @Authorized(FIELD_READERS['CreditRecord.history'].roles)
  async history(@Root() record: CreditRecord, @Ctx() { loaders }: GraphQLContext) {
    return capped('CreditRecord.history', await loaders.revisionsOfRecord.load(record.id));
  }

  @FieldResolver(() => [ObjectionType])
  @Authorized(FIELD_READERS['CreditRecord.objections'].roles)
  async objections(@Root() record: CreditRecord, @Ctx() { loaders }: GraphQLContext) {
    return capped('CreditRecord.objections', await loaders.objectionsOfRecord.load(record.id));
  }

  @FieldResolver(() => [CreditRepairType])
  @Authorized(FIELD_READERS['CreditRecord.repairs'].roles)
  async repairs(@Root() record: CreditRecord, @Ctx() { loaders }: GraphQLContext) {
    return capped('CreditRecord.repairs', await loaders.repairsOfRecord.load(record.id));
  }
}
