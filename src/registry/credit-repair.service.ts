import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { CreditRecord, CreditRepair } from '../db/entities';
import { RecordKind, RecordStatus, RevisionAction } from '../domain/credit-record';
import { RepairRelief, RepairStatus, type RepairAction } from '../domain/credit-repair';
import { SubjectType } from '../domain/subject';
import { BadUserInputError, ConflictError } from '../errors';
import { type DecisionRecord, decisionSuffix } from '../domain/decision-record';
import { appendRevision } from './credit-record.service';
import { checkedDecision } from './decision-record';
import { findOrFail } from '../db/repositories/lookup';
import { assertDateOrder } from './date-order';
import { assertMayApproveFrom, assertMayRestateRelief } from './repair-past-days';
import { assertSecondPerson } from './second-person';
import { assertLightenable, type LightenReach } from './lighten-reach';

export interface RequestRepairFields {
  recordId: string;
  actions: RepairAction[];
  description: string;
  appliedOn: string;
}

export interface StateReliefFields {
  repairId: string;
  relief: RepairRelief;
  /** The day the approving body stated it. */
  statedOn: string;
  /** The document it stated it by. */
  documentNumber: string;
}

export interface DecideRepairFields extends DecisionRecord {
  repairId: string;
  decision: RepairStatus;
  decidedOn: string;
  relief?: RepairRelief | null;
  note?: string | null;
}

/**
 * Applies for credit repair of a dishonesty record (三(七)). At most one repair per record is
 * pending or approved: the record's row is locked first, so parallel applications run one after
 * the other and the second sees the first; a partial unique index (credit_repair_one_live_per_record)
 * backs the rule in the database.
 */
export async function requestCreditRepair(em: EntityManager, actor: Viewer, input: RequestRepairFields): Promise<CreditRepair> {
  return withAudit(em, actor, AuditAction.REQUEST_REPAIR, async (tx) => {
    const record = await findOrFail(tx, CreditRecord, 'credit record', input.recordId, 'recordId', { lock: true });
    if (record.kind !== RecordKind.DISHONEST) {
      throw new BadUserInputError('recordId', 'names a trustworthy record; only dishonesty records can be repaired.');
    }
    if (record.status === RecordStatus.REVOKED) {
      throw new ConflictError('recordId', 'the record is revoked; a revoked record needs no repair.');
    }
    // lawyer28 N2: 三(七)'s grounds (主动挽回损失…) are for 公务员; an agency's or enterprise's repair falls
    // under other credit-repair rules, so it need not give them.
    if (record.subjectType === SubjectType.CIVIL_SERVANT && !input.actions.length) {
      throw new BadUserInputError('actions', '公务员的信用修复申请须写明三(七)所列的至少一种修复方式（RECOVERED_LOSS 主动挽回损失、ELIMINATED_EFFECT 消除不良影响、PREVENTED_HARM 有效阻止危害结果发生）。 / A civil servant\'s repair application must give at least one of the ways of repair 三(七) names (RECOVERED_LOSS, ELIMINATED_EFFECT, PREVENTED_HARM) in actions.');
    }
    if (await tx.count(CreditRepair, { record, status: { $in: [RepairStatus.PENDING, RepairStatus.APPROVED] } })) {
      throw new ConflictError('recordId', 'the record already has a pending or approved repair; decide that one first.');
    }
    // hostile8 F3: a repair repairs a decided, registered record; one applied for before either would
    // (once approved) erase the record's effect on every day it ever had one.
    const registered = record.decidedOn > record.recordedOn ? ['decidedOn', record.decidedOn] : ['recordedOn', record.recordedOn];
    if (input.appliedOn < registered[1]) {
      throw new BadUserInputError('appliedOn', `${input.appliedOn} 早于该记录的${registered[0] === 'decidedOn' ? '认定之日' : '登记之日'} ${registered[1]}：信用修复只能在记录认定并登记之后申请，请核对申请日期。 / ${input.appliedOn} is before the record's ${registered[0]} ${registered[1]}: a repair is applied for once the record is decided and registered. Check appliedOn.`);
    }
    const repair = tx.create(CreditRepair, { record, actions: [...new Set(input.actions)], description: input.description, appliedOn: input.appliedOn, enteredBy: actor.subject });
    return repair;
  }, (r) => ({ subjectType: r.record.subjectType, subjectId: r.record.subjectId, targetId: r.record.id, outcome: 'requested' }));
}

/**
 * Why an approved repair of an agency's or an enterprise's record can only WAIVE (end the record's effect
 * from the approval day) — law, not a policy choice, so no rule-set parameter (law14a R8):
 * - The relief is the approving body's decision, stated in its approval (relief): Chengxin records it and
 *   the facts apply it from that day (src/domain/credit-facts.ts); a rule set may not re-decide another
 *   body's decision.
 * - The only partial relief in 鄂州政发〔2018〕17号 is 三(七)'s: “公务员在政务失信行为发生后主动挽回损失、消除不良
 *   影响或者有效阻止危害结果发生的,可从轻或免于实施失信惩戒措施” — for 公务员 only. No clause lightens for an
 *   agency or an enterprise (the catalogue lists 三(七)'s mitigation for CIVIL_SERVANT only, and rules check
 *   refuses a mitigating rule for anyone else): a LIGHTEN there would be a relief no listed clause gives,
 *   and would keep counting a record the approval meant to end.
 * - The document has no repair clause for agencies or enterprises: their records are repaired under the
 *   credit-repair rules outside it (the 湖北省社会信用信息管理条例 it cites, national rules on repairing
 *   credit information once dishonesty is corrected), under which a repaired record no longer grounds
 *   measures; issue 11 (4.) requires exactly that.
 * What stays policy is how long a record counts (parameter countsFor) and what a waived record still
 * withholds (the rules, e.g. cs-trustworthy-incentive). Should a document be added that lightens for
 * another subject type, this check must follow its catalogue entry.
 */
export const LIGHTEN_FOR_CIVIL_SERVANTS_ONLY =
  '从轻（LIGHTEN）不能登记：三(七)“公务员在政务失信行为发生后主动挽回损失、消除不良影响或者有效阻止危害结果发生的,可从轻或免于实施失信惩戒措施”只及公务员，本文件没有对机构或企业从轻的条款。机构、企业的信用修复依其他规定办理，本系统只能登记免于（WAIVE，自批准之日起终止该记录对措施的效力）的批准；批准机关作出的是从轻或其他不同决定的，本系统不代为改登为免于：请将该决定退回作出决定的机关。 / LIGHTEN (从轻) cannot be recorded: 三(七) (“公务员……可从轻或免于实施失信惩戒措施”) speaks of civil servants, and no clause of the document lightens for an agency or an enterprise. Their records are repaired under other rules, and only a waiver (WAIVE, ending the record\'s effect on measures from the approval day) can be recorded here; a lightening or any other decision is not recorded as a waiver instead: return it to the body that decided it.';

/**
 * Approves or rejects a pending repair; an approval is written into the record's history. The
 * record's row is locked first (as every change of a record does), so one repair is decided once.
 * A repair of a record revoked meanwhile can only be rejected: there is nothing left to repair.
 */
export async function decideCreditRepair(em: EntityManager, actor: Viewer, input: DecideRepairFields, reach: LightenReach): Promise<CreditRepair> {
  if (input.decision === RepairStatus.PENDING) throw new BadUserInputError('decision', 'must be APPROVED or REJECTED.');
  if (input.relief && input.decision !== RepairStatus.APPROVED) throw new BadUserInputError('relief', 'is granted by an approval only; leave it out when rejecting.');
  // 三(七) allows lightening or waiving: which one is the approving body's decision, never a default in its favour.
  if (input.decision === RepairStatus.APPROVED && !input.relief) {
    throw new BadUserInputError('relief', 'an approval must state its relief as the approval decision does: WAIVE (免于, ends the record\'s effect) or LIGHTEN (从轻, lowers its measures one step; civil servants only). 批准须写明救济方式（WAIVE 免于 或 LIGHTEN 从轻）。');
  }
  const decision = checkedDecision(input);
  return withAudit(em, actor, AuditAction.DECIDE_REPAIR, async (tx) => {
    const found = await findOrFail(tx, CreditRepair, 'credit repair', input.repairId, 'repairId');
    const record = await findOrFail(tx, CreditRecord, 'credit record', found.record.id, 'repairId', { lock: true });
    const repair = await findOrFail(tx, CreditRepair, 'credit repair', input.repairId, 'repairId', { lock: true });
    if (repair.status !== RepairStatus.PENDING) {
      throw new ConflictError('repairId', `the repair was already decided (${repair.status}) on ${repair.decidedOn}.`);
    }
    if (input.decision === RepairStatus.APPROVED && record.status === RecordStatus.REVOKED) {
      throw new ConflictError('repairId', 'the record was revoked; a revoked record has no effect left to repair. Decide the application as REJECTED.');
    }
    assertDateOrder('appliedOn', repair.appliedOn, 'decidedOn', input.decidedOn);
    // An application stored before F3 was checked may predate the record; its decision may not.
    assertDateOrder('the record\'s decidedOn', record.decidedOn, 'decidedOn', input.decidedOn);
    assertDateOrder('the record\'s recordedOn', record.recordedOn, 'decidedOn', input.decidedOn);
    if (input.decision === RepairStatus.APPROVED) {
      assertSecondPerson(actor, repair.enteredBy, { zh: '信用修复的批准', en: 'Approving this credit repair', field: 'repairId' });
      // hostile21 F6: dated before today, an approval reaches back over past days (repair-past-days.ts).
      assertMayApproveFrom(actor, record, input.decidedOn);
    }
    const relief = input.decision === RepairStatus.APPROVED ? input.relief! : null;
    // Law, not policy (law14a R8): see LIGHTEN_FOR_CIVIL_SERVANTS_ONLY.
    if (relief === RepairRelief.LIGHTEN && record.subjectType !== SubjectType.CIVIL_SERVANT) {
      throw new BadUserInputError('relief', LIGHTEN_FOR_CIVIL_SERVANTS_ONLY);
    }
    // lawyer23 R3: and for a civil servant, for government dishonesty only (lighten-reach.ts).
    if (relief === RepairRelief.LIGHTEN) assertLightenable(record, reach);
    Object.assign(repair, { status: input.decision, decidedOn: input.decidedOn, relief, decisionNote: input.note ?? null, ...decision });
    if (input.decision === RepairStatus.APPROVED) {
      // Who approved and by which document, where given, in the history line (lawyer13 R8).
      appendRevision(tx, record, RevisionAction.REPAIRED, `${input.note ?? repair.description}${decisionSuffix(decision)}`, repair.id);
    }
    return repair;
  }, (r) => ({ subjectType: r.record.subjectType, subjectId: r.record.subjectId, targetId: r.record.id, outcome: r.status }));
}

/**
 * The approving body states the relief of an approval recorded without one (reliefStated false: a
 * civil servant's approval stored before the relief was required, filled with WAIVE). What it states
 * is what its approval granted, so it holds from the approval day; the day it was stated and its
 * document stay beside the repair, and the verdicts that rest on the repair say so. A relief already
 * stated — at the approval or afterwards — is a decision made: it is not restated here (CONFLICT).
 * The record's row is locked first, as for every decision about its repair.
 */
export async function stateRepairRelief(em: EntityManager, actor: Viewer, input: StateReliefFields, reach: LightenReach): Promise<CreditRepair> {
  return withAudit(em, actor, AuditAction.STATE_REPAIR_RELIEF, async (tx) => {
    const found = await findOrFail(tx, CreditRepair, 'credit repair', input.repairId, 'repairId');
    const record = await findOrFail(tx, CreditRecord, 'credit record', found.record.id, 'repairId', { lock: true });
    const repair = await findOrFail(tx, CreditRepair, 'credit repair', input.repairId, 'repairId', { lock: true });
    if (repair.status !== RepairStatus.APPROVED) {
      throw new ConflictError('repairId', `只有已批准的信用修复才有救济方式；该申请为 ${repair.status}。 / only an approved repair has a relief; this one is ${repair.status}.`);
    }
    if (repair.reliefStated) {
      throw new ConflictError('repairId', repair.reliefStatedOn
        ? `该修复的救济方式已于 ${repair.reliefStatedOn} 以 ${repair.reliefStatementDocument} 写明（${repair.relief}），不再另行写明；如认为有误，请按异议或复核程序处理。 / the relief of this repair was already stated on ${repair.reliefStatedOn} by ${repair.reliefStatementDocument} (${repair.relief}); it is not stated again — a mistaken one goes through objection or review.`
        : `该修复批准时已写明救济方式（${repair.relief}），无需补充写明。 / the approval of this repair stated its relief (${repair.relief}); there is nothing to state.`);
    }
    if (input.relief === RepairRelief.LIGHTEN && record.subjectType !== SubjectType.CIVIL_SERVANT) {
      throw new BadUserInputError('relief', LIGHTEN_FOR_CIVIL_SERVANTS_ONLY);
    }
    if (input.relief === RepairRelief.LIGHTEN) assertLightenable(record, reach);
    assertDateOrder('the approval\'s decidedOn', repair.decidedOn!, 'statedOn', input.statedOn);
    assertMayRestateRelief(actor, repair, input.relief);
    Object.assign(repair, { relief: input.relief, reliefStated: true, reliefStatedOn: input.statedOn, reliefStatementDocument: input.documentNumber });
    return repair;
  }, (r) => ({ subjectType: r.record.subjectType, subjectId: r.record.subjectId, targetId: r.record.id, outcome: `relief stated ${r.relief}` }));
}
