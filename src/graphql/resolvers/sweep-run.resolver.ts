import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { SweepError, SweepRun } from '../../db/entities';
import { findOrFail } from '../../registry/lookup';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { SweepErrorConnection, SweepRunConnection, SweepRunType } from '../types/sweep-run.type';

/** Sweeps are started from the command line; the API shows how they went. Their verdicts: `verdicts(sweepRunId:)`. */
@Resolver(() => SweepRunType)
export class SweepRunResolver {
  @Query(() => SweepRunType, { description: 'A sweep and how it went; NOT_FOUND when there is none.' })
  @Authorized(PERMISSIONS.readSweeps)
  sweepRun(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext) {
    return findOrFail(em, SweepRun, 'sweep', id, 'id');
  }

  @Query(() => SweepRunConnection, { description: 'Sweeps, newest first.' })
  @Authorized(PERMISSIONS.readSweeps)
  sweepRuns(@Args() page: PageArgs, @Ctx() { em }: GraphQLContext) {
    return paginate(em, SweepRun, {}, { startedAt: 'desc', id: 'asc' }, page);
  }

  @FieldResolver(() => SweepErrorConnection, { description: 'The subjects it could not evaluate, with the reason.' })
  errors(@Root() run: SweepRun, @Args() page: PageArgs, @Ctx() { em }: GraphQLContext) {
    return paginate(em, SweepError, { runId: run.id }, { subjectType: 'asc', subjectId: 'asc' }, page);
  }
}
