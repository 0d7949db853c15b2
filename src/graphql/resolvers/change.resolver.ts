import { Arg, Ctx, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { ChangeNotice } from '../../audit/change-notice';
import { FIELD_READERS, readsWhole, Role, type Viewer } from '../../auth/role';
import { AuditAction } from '../../domain/audit';
import { SubjectType } from '../../domain/subject';
import { assertId } from '../../db/repositories/lookup';
import type { ChangeFeed } from '../change-feed';
import type { GraphQLContext } from '../context';
import '../types/audit-event.type';
import { assertMaySee, seesCivilServants } from '../visibility';

@ObjectType('SubjectChange', { description: 'A committed write that can change verdicts: about a subject, or (RELOAD_RULES) about everyone.' })
export class SubjectChangeType {
  @Field(() => AuditAction, { description: 'What was done: any audited write but REGISTER_SUBJECT (no verdict yet), the evaluations (EVALUATE, RECHECK, SWEEP), the previews and the reads. A caller who reads no commitment\'s 履职不力 finding (the public) hears of a finding on a commitment, or of an objection to one, as UPDATE_COMMITMENT of the agency without a targetId.' })
  action!: AuditAction;

  @Field(() => SubjectType, { nullable: true, description: 'Null for RELOAD_RULES: every subject may be affected.' })
  subjectType!: SubjectType | null;

  @Field(() => ID, { nullable: true })
  subjectId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The record, commitment or court case acted on. The public hears only of records that are publicly disclosed when the notice is handed out.' })
  targetId!: string | null;

  @Field(() => Date, { description: 'When the server wrote it.' })
  at!: Date;
}

const RECORD_ACTIONS = new Set<string>([
  AuditAction.CREATE_RECORD, AuditAction.FILE_OBJECTION, AuditAction.DECIDE_OBJECTION, AuditAction.ADMIT_OBJECTION,
  AuditAction.REQUEST_REPAIR, AuditAction.DECIDE_REPAIR, AuditAction.STATE_REPAIR_RELIEF,
]);

/** Objections to a record: what a role that may not read them hears of only when the record changed. */
const OBJECTION_ACTIONS = new Set<string>([AuditAction.FILE_OBJECTION, AuditAction.DECIDE_OBJECTION]);

/**
 * Writes whose target is a unit's finding: a commitment's (履职不力, withheld from the public) or a court
 * case's absence finding (public). Their notices say which (ChangeNotice.findingOn); one that does not
 * (from a use case that forgot, or a server process of an earlier release) is told as a commitment's.
 */
const FINDING_ACTIONS = new Set<string>([AuditAction.RECORD_BREACH_FINDING, AuditAction.FILE_FINDING_OBJECTION, AuditAction.DECIDE_FINDING_OBJECTION, AuditAction.ADMIT_FINDING_OBJECTION]);
const onCommitmentFinding = (notice: ChangeNotice): boolean => (notice.findingOn ? notice.findingOn === 'Commitment' : FINDING_ACTIONS.has(notice.action));

/** Corrections (their notice names the fields changed) and the type whose fields they are. */
const CORRECTED_TYPE: Partial<Record<string, string>> = { [AuditAction.UPDATE_COURT_CASE]: 'CourtCase', [AuditAction.UPDATE_COMMITMENT]: 'Commitment' };

/**
 * Per role: whether it reads every field of the corrected types whole. It depends on the role alone, so it
 * is worked out once here, not for every subscription.
 */
const READS_CORRECTIONS_WHOLE: ReadonlyMap<Role, boolean> = new Map(Object.values(Role).map((role) => [role, Object.values(CORRECTED_TYPE).every((type) =>
  Object.keys(FIELD_READERS).filter((key) => key.startsWith(`${type}.`)).every((key) => readsWhole(role, key)))]));

/** Whether a correction changed only fields the viewer may not read (a court case's representative, the head's reason for absence). */
const changedOnlyWithheld = (viewer: Viewer, notice: ChangeNotice): boolean => {
  const type = CORRECTED_TYPE[notice.action];
  return !!type && !!notice.changed?.length && notice.changed.every((field) => !readsWhole(viewer.role, `${type}.${field}`));
};

/**
 * What a subscriber may hear of, decided per notice as it is handed out (each lookup made once per
 * notice for every subscriber together, ChangeFeed):
 * - The public reads only publicly disclosed records (visibility.ts), so it hears nothing of the
 *   others — not even that one was written (hostile12: a notice without its id still told that a
 *   hidden record had just been made for this enterprise).
 * - A role that may not read a record's repairs (FIELD_READERS 'CreditRecord.repairs') hears of no
 *   repair application, and of a decision only when it approved the repair, which changes what that
 *   role reads (the record's effect ends); a rejection changes nothing it sees (hostile13 F3).
 * - A role that may not read a record's objections (FIELD_READERS 'CreditRecord.objections') hears of an
 *   objection filed or decided only when it changed the record (its status or fields): a renewed
 *   objection filed, rejected or withdrawn before an officer admitted it leaves the record ACTIVE and
 *   tells such a role nothing it reads (hostile31 F3). An admission makes the record DISPUTED: told.
 * - A correction that changed only fields the role may not read (a court case's representative or
 *   the head's reason for absence, for the public) is not told: that they changed, and when, is what
 *   the withheld value would tell (hostile29 F7, the hostile12 pattern).
 * A finding on a commitment is told coarsened instead (subjectChanged, below).
 */
function admission(viewer: Viewer, changes: ChangeFeed): ((notice: ChangeNotice) => Promise<boolean>) | undefined {
  const publicCaller = viewer.role === Role.PUBLIC;
  const readsRepairs = (FIELD_READERS['CreditRecord.repairs'].roles as readonly Role[]).includes(viewer.role);
  const readsObjections = (FIELD_READERS['CreditRecord.objections'].roles as readonly Role[]).includes(viewer.role);
  const readsWithheld = READS_CORRECTIONS_WHOLE.get(viewer.role) ?? false;
  if (!publicCaller && readsRepairs && readsObjections && readsWithheld) return undefined;
  return async (notice) => {
    if (changedOnlyWithheld(viewer, notice)) return false;
    if (!readsRepairs && notice.action === AuditAction.REQUEST_REPAIR) return false;
    if (!readsObjections && notice.recordUnchanged && OBJECTION_ACTIONS.has(notice.action)) return false;
    if (!readsRepairs && notice.action === AuditAction.DECIDE_REPAIR && !(await changes.repairApproved(notice))) return false;
    return !publicCaller || !notice.targetId || !RECORD_ACTIONS.has(notice.action) || changes.targetDisclosed(notice);
  };
}

@Resolver()
export class ChangeResolver {
  @Subscription(() => SubjectChangeType, {
    description:
      'Changes that can affect verdicts, as they are committed (graphql-ws protocol over WebSocket at /graphql; the token goes in the connection_init payload as {"authorization": "Bearer …"}, none for the public). Narrow to one subject, or a kind of subject; rule reloads reach every subscriber. The public receives no change about a civil servant, nor about a record that is not publicly disclosed; a role that may not read repairs hears of no repair application, and of a decision only when it approved the repair; a role that may not read objections hears of one filed or decided only when it changed the record (a renewed objection filed, rejected or withdrawn before admission is not told). A subscriber that falls 1,000 changes behind loses the oldest; reconcile with creditRecords(filter: { updatedAfter }).',
    subscribe: ({ args, context }) => {
      const { viewer, changes } = context as GraphQLContext;
      const { subjectType, subjectId } = args as { subjectType?: SubjectType | null; subjectId?: string | null };
      if (subjectType) assertMaySee(viewer, subjectType);
      if (subjectId) assertId(subjectId, 'subjectId');
      if (!changes) throw new Error('Subscriptions are served over WebSocket by the server only.');
      const personnel = seesCivilServants(viewer);
      const publicCaller = viewer.role === Role.PUBLIC;
      return changes.subscribe(
        (notice) => {
          if (notice.subjectType === null) return true;
          if (notice.subjectType === SubjectType.CIVIL_SERVANT && !personnel) return false;
          if (subjectType && notice.subjectType !== subjectType) return false;
          return !subjectId || notice.subjectId === subjectId;
        },
        publicCaller,
        admission(viewer, changes),
      );
    },
  })
  subjectChanged(
    @Root() notice: ChangeNotice,
    @Ctx() { viewer }: GraphQLContext,
    @Arg('subjectType', () => SubjectType, { nullable: true }) _subjectType?: SubjectType,
    @Arg('subjectId', () => ID, { nullable: true }) _subjectId?: string,
  ): SubjectChangeType {
    const told = { action: notice.action, subjectType: notice.subjectType as SubjectType | null, subjectId: notice.subjectId, targetId: notice.targetId, at: new Date(notice.at) };
    // hostile29 F7: a finding on a commitment, or a unit's objection to one, is a 履职不力 finding, which the public
    // does not read on any commitment (Commitment.breachFinding, findingObjections). It is told as a change of one of
    // the agency's commitments, naming none: no more than the agency's public counts (commitmentFacts) tell.
    if (onCommitmentFinding(notice) && !readsWhole(viewer.role, 'Commitment.breachFinding')) {
      return { ...told, action: AuditAction.UPDATE_COMMITMENT, targetId: null };
    }
    return told;
  }
}
