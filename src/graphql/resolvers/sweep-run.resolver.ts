import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PERMISSIONS } from '../../auth/role';
import { SweepError, SweepRun } from '../../db/entities';
import { SubjectType } from '../../domain/subject';
import { cancelRun } from '../../sweep/cancel';
import { assertInForceEverywhere } from '../../evaluation/rule-admin.service';
import { runProgress } from '../../db/repositories/sweep.repository';
import { findOrFail } from '../../db/repositories/lookup';
import { PageArgs, paginate } from '../connection';
import type { GraphQLContext } from '../context';
import { SweepErrorConnection, SweepRunConnection, SweepRunType } from '../types/sweep-run.type';
import { CHUNK_SIZE } from '../../sweep/chunk-size';

/** Sweeps are started here or from the command line; the API shows how they went. Their verdicts: `verdicts(sweepRunId:)`. */
@Resolver(() => SweepRunType)
export class SweepRunResolver {
  @Mutation(() => SweepRunType, {
    description: 'Starts a sweep: every subject the matter concerns (or of the types given), evaluated as of one moment (today or earlier, China Standard Time) under the rules in force, a stored verdict each. One sweep per matter runs at a time: SWEEP_RUNNING (with runId) while another is RUNNING. RULES_NOT_EVERYWHERE when the server\'s processes do not all have this rule set in force (reloadRules brings them in line). Writes the same run record, plan and SWEEP audit event as `npx chengxin evaluate --all` and puts its chunks on the queue; `npx chengxin worker` processes take them (the server runs none). Follow it with sweepRun(id) { status subjectsDone }.',
  })
  @Authorized(PERMISSIONS.startSweeps)
  async startSweep(
    @Arg('matter', { description: 'A matter code from rules/matters.json, e.g. PROMOTION.' }) matter: string,
    @Arg('subjectTypes', () => [SubjectType], { nullable: true, description: 'Only these subject types (at least one; an empty list is BAD_USER_INPUT); left out: every type the matter concerns.' }) subjectTypes: SubjectType[] | null,
    @Arg('asOf', () => Date, { nullable: true, description: 'The moment judged: on or before today (China Standard Time). Default: now.' }) asOf: Date | null,
    @Arg('chunkSize', () => Int, { defaultValue: CHUNK_SIZE.default, description: `Subjects per chunk (1–${CHUNK_SIZE.max}): the unit a worker takes and commits whole.` }) chunkSize: number,
    @Ctx() { em, rules, viewer, sweeps, reloader }: GraphQLContext,
  ) {
    if (!sweeps) throw new Error('this process cannot start sweeps; use npx chengxin evaluate --all.');
    const ruleSet = rules.current;
    if (reloader) await assertInForceEverywhere(reloader, ruleSet.version);
    return sweeps.start(em, ruleSet, viewer, { matter, subjectTypes: subjectTypes ?? undefined, asOf: asOf ?? new Date(), chunkSize });
  }

  @Mutation(() => SweepRunType, {
    description: 'Cancels a RUNNING sweep that cannot or need not finish (its rules changed, it was started by mistake), freeing its matter for a new one: one sweep per matter runs at a time. Verdicts of chunks already committed stay; no further chunk is committed. Audited as SWEEP. CONFLICT when the run is not RUNNING. The same as `npx chengxin evaluate --cancel <id>`.',
  })
  @Authorized(PERMISSIONS.startSweeps)
  cancelSweep(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: GraphQLContext) {
    return cancelRun(em, viewer, id);
  }

  @Query(() => SweepRunType, { description: 'A sweep and how it went; NOT_FOUND when there is none.' })
  @Authorized(PERMISSIONS.readSweeps)
  sweepRun(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext) {
    return findOrFail(em, SweepRun, 'sweep', id, 'id');
  }

  @Query(() => SweepRunConnection, { description: 'Sweeps, newest first.' })
  @Authorized(PERMISSIONS.readSweeps)
  sweepRuns(@Args() page: PageArgs, @Ctx() { em }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return paginate(em, SweepRun, {}, { startedAt: 'desc', id: 'asc' }, page, info);
  }

  @FieldResolver(() => Int, { description: 'Subjects of the committed chunks so far (evaluated or failed); equals subjects once COMPLETED.' })
  async subjectsDone(@Root() run: SweepRun, @Ctx() { em }: GraphQLContext): Promise<number> {
    return (await runProgress(em, run.id)).subjectsDone;
  }

  @FieldResolver(() => SweepErrorConnection, { description: 'The subjects it could not evaluate, with the reason.' })
  errors(@Root() run: SweepRun, @Args() page: PageArgs, @Ctx() { em }: GraphQLContext) {
    return paginate(em, SweepError, { runId: run.id }, { subjectType: 'asc', subjectId: 'asc' }, page);
  }
}
