import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { draftReader, FIELD_READERS, PERMISSIONS, readsWhole } from '../../auth/role';
import { SubjectType } from '../../domain/subject';
import type { OutcomeChange } from '../../evaluation/impact.service';
import { onePreviewAtATime } from '../preview-gate';
import { draftProblem, DraftWriteError, materializeDraft } from '../../engine/draft';
import { formatProblem, withoutFieldHints } from '../../engine/rule-problem';
import { inspectRules } from '../../engine/rule-set';
import { previewRules } from '../../evaluation/rule-admin.service';
import { BadUserInputError } from '../../errors';
import type { GraphQLContext } from '../context';
import { DraftFileInput, ImpactReportType } from '../types/impact.type';

const MAX_LISTED = 1000;

@Resolver(() => ImpactReportType)
export class ImpactResolver {
  @Mutation(() => ImpactReportType, {
    description: 'Previews draft rule files against every subject concerned: the subjects whose outcome or measures would change, and counts per matter. Nothing is stored.',
  })
  @Authorized(PERMISSIONS.manageRules)
  async previewRules(
    @Arg('files', () => [DraftFileInput]) files: DraftFileInput[],
    @Arg('matter', () => String, { nullable: true }) matter: string | null,
    @Arg('asOf', () => Date, { nullable: true, description: 'Default: now.' }) asOf: Date | null,
    @Ctx() context: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ImpactReportType> {
    const refused = draftProblem(files);
    if (refused) throw new BadUserInputError(refused.field, refused.problem);
    return onePreviewAtATime(() => this.preview(files, matter, asOf, context, info));
  }

  private async preview(files: DraftFileInput[], matter: string | null, asOf: Date | null, context: GraphQLContext, info: GraphQLResolveInfo): Promise<ImpactReportType> {
    const current = context.rules.current;
    const { reloader } = context;
    if (!reloader) throw new Error('previewRules needs the server\'s rules folder');
    const draftDir = (() => {
      try {
        return materializeDraft(reloader.dir, files);
      } catch (error) {
        if (error instanceof DraftWriteError) throw new BadUserInputError(`files[${error.index}].path`, error.message);
        throw error;
      }
    })();
    try {
      // The draft's own facts queries may read only what the caller may read (FIELD_READERS).
      const { ruleSet: draft, problems } = inspectRules(draftDir.dir, info.schema, { reader: draftReader(context.viewer.role), served: current.files });
      if (!draft) {
        throw new BadUserInputError('files', `the draft has ${problems.length} problem(s); fix them first:\n${problems.map((p) => formatProblem(context.production ? withoutFieldHints(p) : p)).join('\n')}`);
      }
      // The draft's facts queries run through the one facts runner: as the system, read-only.
      const report = await previewRules(context.em, context.viewer, context.facts, current, draft, { matter: matter ?? undefined, asOf: asOf ?? new Date() });
      // A civil servant's name as the caller's role reads it anywhere else (FIELD_READERS): the
      // preview is not a way round a mask. Per-person results carry no fact values, only outcomes,
      // scores and rule ids of a draft that may read only what the caller may (inspectRules' reader).
      const name = FIELD_READERS['CivilServant.name'];
      const shown = (change: OutcomeChange) =>
        change.subjectType === SubjectType.CIVIL_SERVANT && !readsWhole(context.viewer.role, 'CivilServant.name') ? { ...change, subjectName: name.mask(change.subjectName) } : change;
      const { civilServantsRead: _recorded, ...answer } = report;
      return { ...answer, changedTotal: report.changes.length, changes: report.changes.slice(0, MAX_LISTED).map(shown) };
    } finally {
      draftDir.remove();
    }
  }
}
