import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import type { FindingObjection } from '../../db/entities';
import { decideFindingObjection, fileFindingObjection } from '../../registry/finding-objection.service';
import type { GraphQLContext } from '../context';
import { DecideFindingObjectionInput, FileFindingObjectionInput } from '../inputs/finding-objection.input';
import { FindingObjectionType } from '../types/finding-objection.type';

/** The objection as the API shows it: its relations as ids. */
function shown(o: FindingObjection): FindingObjectionType {
  return {
    id: o.id, finding: o.finding, agencyId: o.agency.id, commitmentId: o.commitment?.id ?? null, courtCaseId: o.courtCase?.id ?? null,
    filedBy: o.filedBy, reason: o.reason, filedOn: o.filedOn, status: o.status, resolution: o.resolution ?? null, resolvedOn: o.resolvedOn ?? null,
  };
}

/** A unit's objections to the findings against it; the same roles as objections to records. */
@Resolver(() => FindingObjectionType)
export class FindingObjectionResolver {
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
}
