import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { PERMISSIONS, readsWhole } from '../../auth/role';
import { admitFindingObjection } from '../../registry/finding-objection-admission.service';
import { AdmitObjectionInput } from '../inputs/record.input';
import { FindingObjection } from '../../db/entities';
import { UnitFindingKind } from '../../domain/finding-objection';
import { PageArgs, paginate } from '../connection';
import { FindingObjectionFilter } from '../inputs/filter.input';
import { definedOnly } from '../where';
import { decideFindingObjection, fileFindingObjection } from '../../registry/finding-objection.service';
import type { GraphQLContext } from '../context';
import { DecideFindingObjectionInput, FileFindingObjectionInput } from '../inputs/finding-objection.input';
import { FindingObjectionConnection, FindingObjectionType } from '../types/finding-objection.type';

/** The objection as the API shows it: its relations as ids. */
function shown(o: FindingObjection): FindingObjectionType {
  return {
    id: o.id, finding: o.finding, agencyId: o.agency.id, commitmentId: o.commitment?.id ?? null, courtCaseId: o.courtCase?.id ?? null,
    filedBy: o.filedBy, reason: o.reason, filedOn: o.filedOn, status: o.status, resolution: o.resolution ?? null, resolvedOn: o.resolvedOn ?? null,
    decidedBy: o.decidedBy ?? null, documentNumber: o.documentNumber ?? null, renewed: o.renewed, admittedOn: o.admittedOn ?? null,
  };
}

/** A unit's objections to the findings against it; the same roles as objections to records. */
@Resolver(() => FindingObjectionType)
export class FindingObjectionResolver {
  @Query(() => FindingObjectionConnection, {
    description: '单位对认定的异议 / Units\' objections to findings against them, newest filed first, a page at a time. Read as the finding is: ' +
      'the public, which does not read a commitment\'s 履职不力 finding (breachFinding), gets no objection to one, and of an objection to a head\'s absence it gets no filedBy, reason or resolution.',
  })
  @Authorized(PERMISSIONS.readRegistry)
  async findingObjections(
    @Args() page: PageArgs,
    @Arg('filter', () => FindingObjectionFilter, { nullable: true }) filter: FindingObjectionFilter | undefined,
    @Ctx() { em, viewer }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // An objection to a 履职不力 finding tells that the finding exists: only those who read the finding see it.
    const readsDereliction = readsWhole(viewer.role, 'Commitment.breachFinding');
    const where = definedOnly({ agency: filter?.agencyId, commitment: filter?.commitmentId, courtCase: filter?.courtCaseId, status: filter?.status, finding: filter?.finding });
    const narrowed = readsDereliction ? where : { ...where, $and: [{ finding: UnitFindingKind.COURT_ABSENCE }, ...(where.finding ? [{ finding: where.finding }] : [])] };
    const found = await paginate(em, FindingObjection, narrowed as never, { filedOn: 'desc', id: 'asc' }, page, info);
    return {
      edges: found.edges.map((edge) => ({ get cursor() { return edge.cursor; }, node: shown(edge.node) })),
      pageInfo: found.pageInfo,
      get totalCount() { return found.totalCount; },
    };
  }

  @Mutation(() => FindingObjectionType, { description: '单位对认定提出异议 / A unit objects to a finding against it (a commitment\'s 履职不力 finding, 四(四), or its head\'s absence without valid reason, 三(八)); the finding is disputed until it is decided.' })
  @Authorized(PERMISSIONS.writeRegistry)
  async fileFindingObjection(@Arg('input', () => FileFindingObjectionInput) input: FileFindingObjectionInput, @Ctx() context: GraphQLContext) {
    return shown(await fileFindingObjection(context.em, context.viewer, input));
  }

  @Mutation(() => FindingObjectionType, { description: '处理单位对认定的异议 / Decides a unit\'s objection: UPHELD revokes the finding from resolvedOn (kept on file), REJECTED leaves it standing.' })
  @Authorized(PERMISSIONS.decide)
  async decideFindingObjection(@Arg('input', () => DecideFindingObjectionInput) input: DecideFindingObjectionInput, @Ctx() context: GraphQLContext) {
    return shown(await decideFindingObjection(context.em, context.viewer, input));
  }

  @Mutation(() => FindingObjectionType, {
    description: '受理单位对认定的再次异议 / Admits, on new grounds, a unit\'s objection filed after an earlier one to the same finding was rejected: from admittedOn it disputes the finding (as admitObjection does for a record). OFFICER or ADMIN; audited ADMIT_FINDING_OBJECTION.',
  })
  @Authorized(PERMISSIONS.admitRenewedObjection)
  async admitFindingObjection(@Arg('input', () => AdmitObjectionInput) input: AdmitObjectionInput, @Ctx() context: GraphQLContext) {
    return shown(await admitFindingObjection(context.em, context.viewer, input));
  }
}
