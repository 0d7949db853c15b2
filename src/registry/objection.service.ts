import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { CivilServant, CreditRecord, Objection } from '../db/entities';
import { RecordCategory, RecordStatus, RevisionAction, type Severity } from '../domain/credit-record';
import { ObjectionRemedy, ObjectionStatus } from '../domain/objection';
import { BadUserInputError, ConflictError } from '../errors';
import { type DecisionRecord, decisionSuffix } from '../domain/decision-record';
import { checkedDecision } from './decision-record';
import { appendRevision, assertInOfficeApplies, assertRecordConsistent } from './credit-record.service';
import { findOrFail } from '../db/repositories/lookup';
import { assertDateOrder } from './date-order';
import { assertSecondPerson } from './second-person';
import { assertPrincipalOn } from './principal-terms';
import { shownText } from '../domain/plain-text';
import { assertMayDecideFrom, assertMayFileFrom } from './backdated-objection';

export interface FileObjectionFields {
  recordId: string;
  filedBy: string;
  reason: string;
  filedOn: string;
}

export interface RecordCorrection {
  category?: RecordCategory | null;
  severity?: Severity | null;
  summary?: string | null;
  occurredOn?: string | null;
  /** The real decision day; it replaces an estimated one. */
  decidedOn?: string | null;
  disclosureEndsOn?: string | null;
  loss?: number | null;
  /** Whether the act was done in office (履职行为). */
  inOffice?: boolean | null;
}

export interface ResolveObjectionFields extends DecisionRecord {
  objectionId: string;
  decision: ObjectionStatus;
  remedy?: ObjectionRemedy | null;
  correction?: RecordCorrection | null;
  resolution: string;
  resolvedOn: string;
}

/**
 * Files an objection; the record is marked DISPUTED until the objection is decided — unless an earlier
 * objection to it was rejected: then the objection is `renewed`, and suspends nothing until an officer
 * admits it on new grounds (admitObjection; lawyer21 R5). One pending
 * objection per record: a second one, while the first waits for its decision, is refused (CONFLICT)
 * — the subject adds its new grounds to the pending one, or files again once it is decided. Two
 * pending objections could otherwise be decided in an order that leaves the record wrong.
 * The record's row is locked first, so parallel filings run one after the other; a partial unique
 * index (objection_one_pending_per_record) backs the rule in the database.
 */
export async function fileObjection(em: EntityManager, actor: Viewer, input: FileObjectionFields): Promise<Objection> {
  // hostile31 F3: whether the record's status changed, for who is told of it (ChangeNotice.recordUnchanged).
  let recordUnchanged = true;
  return withAudit(em, actor, AuditAction.FILE_OBJECTION, async (tx) => {
    const record = await findOrFail(tx, CreditRecord, 'credit record', input.recordId, 'recordId', { lock: true });
    if (record.status === RecordStatus.REVOKED) {
      throw new ConflictError('recordId', 'the record is already revoked; there is nothing left to object to.');
    }
    const pending = await tx.findOne(Objection, { record, status: ObjectionStatus.PENDING });
    if (pending) {
      throw new ConflictError(
        'recordId',
        `the record already has a pending objection (id ${pending.id}, filed ${pending.filedOn}); one objection is decided at a time. Wait for its decision, then file again if needed.`,
      );
    }
    assertDateOrder('the record\'s recordedOn', record.recordedOn, 'filedOn', input.filedOn);
    assertMayFileFrom(actor, input.filedOn, { zh: '记录', en: 'record' });
    // lawyer21 R5: after a rejection, an objection is registered and decided but suspends nothing until an
    // officer admits it on new grounds (objection-admission.service.ts); the record stays in force meanwhile.
    // lawyer22 R3: a correction makes a new state of the record (a new version) that no review has yet
    // looked at, so only rejections since the record's last correction make an objection renewed. One
    // objection is pending at a time, so the objections filed after the correcting one are exactly those.
    const corrected = await tx.findOne(Objection, { record, status: ObjectionStatus.UPHELD, remedy: ObjectionRemedy.CORRECT }, { orderBy: { createdAt: 'desc' } });
    const renewed = (await tx.count(Objection, { record, status: ObjectionStatus.REJECTED, ...(corrected ? { createdAt: { $gt: corrected.createdAt } } : {}) })) > 0;
    const objection = tx.create(Objection, { record, filedBy: input.filedBy, reason: input.reason, filedOn: input.filedOn, enteredBy: actor.subject, renewed });
    if (!renewed && record.status !== RecordStatus.DISPUTED) {
      recordUnchanged = false;
      record.status = RecordStatus.DISPUTED;
      appendRevision(tx, record, RevisionAction.DISPUTED, input.reason, objection.id);
    }
    return objection;
  }, (o) => ({ subjectType: o.record.subjectType, subjectId: o.record.subjectId, targetId: o.record.id, outcome: 'filed', recordUnchanged }));
}

function applyCorrection(record: CreditRecord, correction: RecordCorrection): void {
  // A 四(四) file entry rests on a 履职不力 finding that names the person; a correction turning another
  // record into one would rest on none, exactly as one entered by hand (createCreditRecord refuses that).
  if (correction.category === RecordCategory.COMMITMENT_DERELICTION && record.category !== RecordCategory.COMMITMENT_DERELICTION) {
    throw new BadUserInputError('correction.category', 'COMMITMENT_DERELICTION（四(四)计入相关责任人诚信档案）只能由认定履职不力的结论产生，不能经异议更正改入：请保留原类别或撤销该记录，并在 settleCommitment 或 recordBreachFinding 中以 answerablePersonIds 列明被认定负有责任的人员。 / COMMITMENT_DERELICTION (四(四), an entry in an answerable person\'s integrity file) is made only by the 履职不力 finding itself, never by correcting another record into it: keep the category or revoke the record, and name the persons found answerable in answerablePersonIds of settleCommitment or recordBreachFinding.');
  }
  const given = Object.entries(correction).filter(([, value]) => value !== undefined && value !== null);
  if (given.length === 0) {
    throw new BadUserInputError('correction', 'names no field to correct; give at least one corrected value, or use REVOKE.');
  }
  // hostile31 F1: a correction starts the count of rejections afresh (lawyer22 R3: a new state of the
  // record no review has looked at), so one that restates the record's values would let a second clerk
  // turn a renewed objection, which suspends nothing until an officer admits it, into a first one.
  // Only a value that differs is a correction; a real decision day replacing an estimated one differs.
  // hostile32 F1: a text differs only when it shows differently (shownText), not by a space or an invisible character.
  const differs = (name: string, value: unknown) => {
    const held = record[name as keyof RecordCorrection];
    return typeof value === 'string' && typeof held === 'string' ? shownText(value) !== shownText(held) : held !== value;
  };
  const changes = given.filter(([name, value]) => differs(name, value) || (name === 'decidedOn' && record.decidedOnEstimated));
  if (changes.length === 0) {
    throw new BadUserInputError(
      'correction',
      `更正的各项（${given.map(([name]) => name).join('、')}）与记录现有的值相同，记录未作任何更正：请给出与记录不同的更正值；记录无误的，异议应驳回（REJECTED）。 / names no value that differs from the record's (what it gives for ${given.map(([name]) => name).join(', ')} is what the record already holds), so it corrects nothing: give the corrected values that differ, or, if the record is right, REJECT the objection.`,
    );
  }
  Object.assign(record, Object.fromEntries(changes));
  if (correction.decidedOn) record.decidedOnEstimated = false;
  assertRecordConsistent(record);
  assertInOfficeApplies(record);
  record.version += 1;
}

/**
 * Decides an objection. Upheld with CORRECT: the record takes the corrected values as a new
 * version; upheld with REVOKE: the record is revoked. Either way the earlier state stays in its
 * history. Rejected: the record is in force again (unless another objection is pending).
 * A revoked record stays revoked: revocation found the record wrong, and nothing decided later can
 * bring it back, so an objection on a revoked record cannot be decided (CONFLICT). The record's row
 * is locked before anything is checked, so two decisions about one record run one after the other.
 */
export async function resolveObjection(em: EntityManager, actor: Viewer, input: ResolveObjectionFields): Promise<Objection> {
  if (input.decision === ObjectionStatus.PENDING) {
    throw new BadUserInputError('decision', '须为 UPHELD（异议成立）、REJECTED（驳回）或 WITHDRAWN（当事人撤回异议）。 / must be UPHELD, REJECTED or WITHDRAWN (the subject withdrew its objection).');
  }
  if (input.decision === ObjectionStatus.WITHDRAWN && (input.remedy || input.correction)) {
    throw new BadUserInputError('remedy', '当事人撤回的异议不更正也不撤销记录：请删去 remedy 和 correction；核实后确有错误的，请以 UPHELD 处理。 / a withdrawn objection neither corrects nor revokes the record: leave out remedy and correction; a record verified wrong is UPHELD instead.');
  }
  if (input.decision === ObjectionStatus.UPHELD && !input.remedy) {
    throw new BadUserInputError('remedy', 'is required when the objection is UPHELD: CORRECT (更正) or REVOKE (撤销).');
  }
  if (input.remedy === ObjectionRemedy.CORRECT && !input.correction) {
    throw new BadUserInputError('correction', 'is required with the CORRECT remedy: give the corrected values.');
  }
  const decision = checkedDecision(input);
  // The history line of the decision names who decided and by which document, where given (lawyer13 R8).
  const line = `${input.resolution}${decisionSuffix(decision)}`;
  // What a correction changed, old → new, for the audit trail (the record's history keeps both versions too).
  // hostile31 F3: whether the decision left the record as it was, for who is told of it (ChangeNotice.recordUnchanged).
  let statusBefore: RecordStatus | undefined;
  return withAudit(em, actor, AuditAction.DECIDE_OBJECTION, async (tx, correction) => {
    const found = await findOrFail(tx, Objection, 'objection', input.objectionId, 'objectionId');
    const record = await findOrFail(tx, CreditRecord, 'credit record', found.record.id, 'objectionId', { lock: true });
    const objection = await findOrFail(tx, Objection, 'objection', input.objectionId, 'objectionId', { lock: true });
    if (objection.status !== ObjectionStatus.PENDING) {
      throw new ConflictError('objectionId', `the objection was already decided (${objection.status}) on ${objection.resolvedOn}.`);
    }
    if (record.status === RecordStatus.REVOKED) {
      throw new ConflictError('objectionId', 'the record this objection is about is revoked; a revoked record stays revoked, and nothing can be decided about it any more.');
    }
    statusBefore = record.status;
    assertDateOrder('filedOn', objection.filedOn, 'resolvedOn', input.resolvedOn);
    assertMayDecideFrom(actor, objection, input.resolvedOn, { zh: '记录', en: 'record' });
    if (input.decision === ObjectionStatus.UPHELD) assertSecondPerson(actor, objection.enteredBy, { zh: '异议的支持（更正或撤销记录）', en: 'Upholding this objection (correcting or revoking the record)', field: 'objectionId' });
    Object.assign(objection, {
      status: input.decision,
      remedy: input.decision === ObjectionStatus.UPHELD ? input.remedy : null,
      resolution: input.resolution,
      resolvedOn: input.resolvedOn,
      ...decision,
    });
    const othersPending = await tx.count(Objection, { record, status: ObjectionStatus.PENDING, id: { $ne: objection.id } });
    const statusAfter = othersPending > 0 ? RecordStatus.DISPUTED : RecordStatus.ACTIVE;
    if (input.decision === ObjectionStatus.REJECTED) {
      record.status = statusAfter;
      appendRevision(tx, record, RevisionAction.DISPUTE_REJECTED, line, objection.id);
    } else if (input.decision === ObjectionStatus.WITHDRAWN) {
      // lawyer24 N10: in force again from the withdrawal day, as after a rejection, but no rejection:
      // objection-stay.ts counts REJECTED only, so the subject's next objection suspends as a first one.
      record.status = statusAfter;
      appendRevision(tx, record, RevisionAction.DISPUTE_WITHDRAWN, line, objection.id);
    } else if (input.remedy === ObjectionRemedy.REVOKE) {
      record.status = RecordStatus.REVOKED;
      appendRevision(tx, record, RevisionAction.REVOKED, line, objection.id);
    } else {
      correction.of(record, CORRECTABLE);
      const { category, occurredOn } = record;
      applyCorrection(record, input.correction!);
      // hostile32 F4: a principal's-responsibility finding (三(六)) rests on a term in office on the day of
      // the act, whether it is entered or corrected into being (a new category, or a new day of the act).
      if (record.category === RecordCategory.PRINCIPAL_RESPONSIBILITY && (category !== record.category || occurredOn !== record.occurredOn)) {
        await assertPrincipalOn(tx, await tx.findOneOrFail(CivilServant, record.subjectId), record.occurredOn, 'correction');
      }
      record.status = statusAfter;
      appendRevision(tx, record, RevisionAction.CORRECTED, line, objection.id);
    }
    return objection;
  }, (o, corrected) => ({ subjectType: o.record.subjectType, subjectId: o.record.subjectId, targetId: o.record.id, outcome: `${o.status}${o.remedy ? ` ${o.remedy}` : ''}${corrected ? `; ${corrected.outcome}` : ''}`.slice(0, 1000), recordUnchanged: o.record.status === statusBefore && !corrected?.changed?.length }));
}

/** The fields a correction may change, as the audit outcome compares them. */
const CORRECTABLE = ['category', 'severity', 'summary', 'occurredOn', 'decidedOn', 'disclosureEndsOn', 'loss', 'inOffice'] as const;
