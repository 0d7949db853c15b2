import { correctFinding } from '../../registry/finding-correction';
import { UnitFindingKind } from '../../domain/finding-objection';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { CourtCase } from '../../db/entities';
import { createCourtCase, recordAbsenceFinding, updateCourtCase } from '../../registry/court-case.service';
import { findOrFail } from '../../db/repositories/lookup';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { CourtCaseFilter } from '../inputs/filter.input';
import { CorrectAbsenceFindingInput, CreateCourtCaseInput, RecordAbsenceFindingInput, UpdateCourtCaseInput } from '../inputs/court-case.input';
import { AgencyType } from '../types/agency.type';
import { CourtCaseConnection, CourtCaseType } from '../types/court-case.type';
import { definedOnly } from '../where';

@Resolver(() => CourtCaseType)
export class CourtCaseResolver {
  @Query(() => CourtCaseType, { nullable: true, description: 'One court case by id; NOT_FOUND when there is none.' })
  courtCase(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext) {
    return findOrFail(em, CourtCase, 'court case', id);
  }

  @Query(() => CourtCaseConnection, { description: 'Court cases, latest filed first, a page at a time.' })
  courtCases(
    @Args() page: PageArgs,
    @Arg('filter', () => CourtCaseFilter, { nullable: true }) filter: CourtCaseFilter | undefined,
    @Ctx() { em }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const where = { ...definedOnly({ agency: filter?.agencyId, judgmentDefaulter: filter?.judgmentDefaulter }), ...(filter?.kindUnrecorded === true ? { kind: null } : {}) };
    return paginate(em, CourtCase, where, { filedOn: 'desc', id: 'asc' }, page, info);
  }

  @Mutation(() => CourtCaseType, { description: 'Registers a lawsuit with an agency as defendant.' })
  @Authorized(PERMISSIONS.writeRegistry)
  createCourtCase(@Arg('input', () => CreateCourtCaseInput) input: CreateCourtCaseInput, @Ctx() context: GraphQLContext) {
    return createCourtCase(context.em, context.viewer, input);
  }

  @Mutation(() => CourtCaseType, { description: "Records the head's appearance in court and the judgment-defaulter listing." })
  @Authorized(PERMISSIONS.writeRegistry)
  updateCourtCase(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCourtCaseInput) input: UpdateCourtCaseInput,
    @Ctx() context: GraphQLContext,
  ) {
    return updateCourtCase(context.em, context.viewer, id, input);
  }

  @Mutation(() => CourtCaseType, { description: '更正出庭认定 / Corrects the finding on a head\'s absence (三(八)) — its category (UNEXCUSED, EXCUSED), day, body or document — as the finding body corrected it (law28 N11); it counts from the corrected day as the corrected category. BAD_USER_INPUT when nothing changes or foundOn is before the hearing (filing) day; CONFLICT when no finding is recorded or it was revoked (an objection upheld). Audited CORRECT_FINDING old → new with the reason; verdicts resting on it go stale. On a finding on record before today a correction reaching a day before today takes a second person: ADMIN (FORBIDDEN, reason SECOND_PERSON_REQUIRED).' })
  @Authorized(PERMISSIONS.writeRegistry)
  correctAbsenceFinding(@Arg('input', () => CorrectAbsenceFindingInput) input: CorrectAbsenceFindingInput, @Ctx() context: GraphQLContext) {
    const { courtCaseId, finding, foundOn, foundBy, document, reason } = input;
    return correctFinding(context.em, context.viewer, { kind: UnitFindingKind.COURT_ABSENCE, targetId: courtCaseId, absenceFinding: finding, foundOn, foundBy, document, reason });
  }

  @Mutation(() => CourtCaseType, { description: '认定负责人未出庭 / Records whether the head\'s absence from the hearing was without valid reason (三(八)). Until then it counts for nothing (未认定). Recorded once (CONFLICT after); refused when no absence is recorded.' })
  @Authorized(PERMISSIONS.writeRegistry)
  recordAbsenceFinding(@Arg('input', () => RecordAbsenceFindingInput) input: RecordAbsenceFindingInput, @Ctx() context: GraphQLContext) {
    return recordAbsenceFinding(context.em, context.viewer, input);
  }

  @FieldResolver(() => AgencyType)
  agency(@Root() courtCase: CourtCase, @Ctx() { loaders }: GraphQLContext) {
    return loaders.agency.load(courtCase.agency.id);
  }
}
