import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { auditIn, withAudit } from '../audit/audit.service';
import { notifyIn } from '../audit/change-notice';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { BreachFinding } from '../domain/commitment';
import { AbsenceFinding } from '../domain/court-absence';
import { RecordCategory, RecordStatus, RevisionAction } from '../domain/credit-record';
import { type DecisionRecord, decisionSuffix } from '../domain/decision-record';
import { UnitFindingKind } from '../domain/finding-objection';
import { checkedDecision } from './decision-record';
import { ObjectionRemedy, ObjectionStatus } from '../domain/objection';
import { SubjectType } from '../domain/subject';
import { Commitment, CourtCase, CreditRecord, CreditRecordRevision, FindingObjection, Objection } from '../db/entities';
import { appendRevision } from './credit-record.service';
import { BadUserInputError, ConflictError } from '../errors';
import { findOrFail } from '../db/repositories/lookup';
import { assertDateOrder } from './date-order';
import { assertSecondPerson } from './second-person';
import { assertMayDecideFrom, assertMayFileFrom } from './backdated-objection';

export interface FileFindingObjectionFields {
  /** The breached commitment whose 履职不力 finding (四(四)) the unit objects to. */
  commitmentId?: string | null;
  /** The case whose absence finding (三(八)) the unit objects to. */
  courtCaseId?: string | null;
  filedBy: string;
  reason: string;
  filedOn: string;
}

export interface DecideFindingObjectionFields extends DecisionRecord {
  objectionId: string;
  decision: ObjectionStatus;
  resolution: string;
  resolvedOn: string;
}

/** A finding's row, locked, with what the objection needs of it. */
export interface LockedFinding {
  kind: UnitFindingKind;
  agencyId: string;
  foundOn: string;
  row: Commitment | CourtCase;
  field: 'commitmentId' | 'courtCaseId';
  revokedOn: string | null | undefined;
  setDisputed(disputed: boolean): void;
  revoke(on: string): void;
}

/** What the objection's finding is on, for its change notice (ChangeNotice.findingOn). */
export const findingOn = (objection: FindingObjection): 'Commitment' | 'CourtCase' => (objection.commitment ? 'Commitment' : 'CourtCase');

export async function lockFinding(tx: EntityManager, commitmentId: string | null | undefined, courtCaseId: string | null | undefined): Promise<LockedFinding> {
  if (commitmentId) {
    const c = await findOrFail(tx, Commitment, 'commitment', commitmentId, 'commitmentId', { lock: true });
    if (c.breachFinding !== BreachFinding.DERELICTION || !c.breachFoundOn) {
      throw new BadUserInputError('commitmentId', `该承诺没有履职不力的认定（认定：${c.breachFinding ?? '无'}），没有可提出异议的认定；只有认定为履职不力（DERELICTION）的才计入单位的考核。 / the commitment has no 履职不力 (DERELICTION) finding (finding: ${c.breachFinding ?? 'none'}), so there is no finding against the unit to object to.`);
    }
    return {
      kind: UnitFindingKind.COMMITMENT_DERELICTION, agencyId: c.agency.id, foundOn: c.breachFoundOn, row: c, field: 'commitmentId', revokedOn: c.breachFindingRevokedOn,
      setDisputed: (d) => { c.breachFindingDisputed = d; },
      revoke: (on) => { c.breachFindingRevokedOn = on; },
    };
  }
  const k = await findOrFail(tx, CourtCase, 'court case', courtCaseId!, 'courtCaseId', { lock: true });
  if (k.absenceFinding !== AbsenceFinding.UNEXCUSED || !k.absenceFoundOn) {
    throw new BadUserInputError('courtCaseId', `该案件没有负责人无正当理由未出庭的认定（认定：${k.absenceFinding ?? '无'}），没有可提出异议的认定。 / the case has no finding that the head was absent without valid reason (UNEXCUSED; finding: ${k.absenceFinding ?? 'none'}), so there is no finding against the unit to object to.`);
  }
  return {
    kind: UnitFindingKind.COURT_ABSENCE, agencyId: k.agency.id, foundOn: k.absenceFoundOn, row: k, field: 'courtCaseId', revokedOn: k.absenceFindingRevokedOn,
    setDisputed: (d) => { k.absenceFindingDisputed = d; },
    revoke: (on) => { k.absenceFindingRevokedOn = on; },
  };
}

/**
 * A unit objects to a finding against it (三(七) 健全信用信息异议处理制度): the 履职不力 finding on a
 * breached commitment (四(四)) or the finding that its head was absent from a hearing without valid
 * reason (三(八)). Until it is decided the finding is disputed — unless an earlier objection to it was
 * rejected: then the objection is `renewed` and disputes nothing until an officer admits it on new
 * grounds (admitFindingObjection; lawyer23 R4, as records, lawyer21 R5): whether it still counts meanwhile
 * is the parameter findingsCountWhileDisputed (a local choice; the document does not say). As with
 * records (fileObjection), one objection is pending at a time (CONFLICT), and a revoked finding takes
 * none. The finding's row is locked first, so parallel filings run one after the other; partial
 * unique indexes back the rule in the database.
 */
export async function fileFindingObjection(em: EntityManager, actor: Viewer, input: FileFindingObjectionFields): Promise<FindingObjection> {
  if (!!input.commitmentId === !!input.courtCaseId) {
    throw new BadUserInputError('commitmentId', '请给出且只给出一项认定：commitmentId（承诺的履职不力认定，四(四)）或 courtCaseId（负责人未出庭的认定，三(八)）。 / give exactly one finding: commitmentId (a commitment\'s 履职不力 finding, 四(四)) or courtCaseId (a head\'s absence finding, 三(八)).');
  }
  return withAudit(em, actor, AuditAction.FILE_FINDING_OBJECTION, async (tx) => {
    const finding = await lockFinding(tx, input.commitmentId, input.courtCaseId);
    if (finding.revokedOn) {
      throw new ConflictError(finding.field, `该认定已于 ${finding.revokedOn} 因异议成立而撤销，没有可再提出异议的内容。 / the finding was revoked on ${finding.revokedOn} on an upheld objection; there is nothing left to object to.`);
    }
    const where = finding.kind === UnitFindingKind.COMMITMENT_DERELICTION ? { commitment: finding.row.id } : { courtCase: finding.row.id };
    const pending = await tx.findOne(FindingObjection, { ...where, status: ObjectionStatus.PENDING });
    if (pending) {
      throw new ConflictError(finding.field, `该认定已有尚未处理的异议（${pending.id}，${pending.filedOn} 提出）；一次只处理一项异议，请在原异议中补充理由，或待其处理后再提出。 / the finding already has a pending objection (id ${pending.id}, filed ${pending.filedOn}); one objection is decided at a time. Add the new grounds to it, or file again once it is decided.`);
    }
    assertDateOrder('the finding\'s day (foundOn)', finding.foundOn, 'filedOn', input.filedOn);
    assertMayFileFrom(actor, input.filedOn, { zh: '认定', en: 'finding' });
    // lawyer23 R4, the rule records follow (objection-stay.ts): after a rejection, an objection is
    // registered and decided but disputes nothing until an officer admits it on new grounds
    // (admitFindingObjection); the finding keeps counting meanwhile. An upheld objection revokes the
    // finding for good (no correction makes a new state), so any earlier rejection makes it renewed.
    const renewed = (await tx.count(FindingObjection, { ...where, status: ObjectionStatus.REJECTED })) > 0;
    if (!renewed) finding.setDisputed(true);
    return tx.create(FindingObjection, {
      renewed,
      finding: finding.kind,
      agency: finding.agencyId,
      commitment: finding.kind === UnitFindingKind.COMMITMENT_DERELICTION ? finding.row.id : null,
      courtCase: finding.kind === UnitFindingKind.COURT_ABSENCE ? finding.row.id : null,
      filedBy: input.filedBy,
      reason: input.reason,
      filedOn: input.filedOn,
      enteredBy: actor.subject,
    });
  }, (o) => ({ subjectType: SubjectType.AGENCY, subjectId: o.agency.id, targetId: (o.commitment ?? o.courtCase)!.id, findingOn: findingOn(o), outcome: `filed ${o.finding}${o.renewed ? ' (renewed: disputes nothing until admitted)' : ''}` }));
}

/**
 * The 四(四) integrity-file entries the 履职不力 finding made on its answerable persons (records of
 * category COMMITMENT_DERELICTION created on the commitment) rest on that finding alone: revoked with
 * it, each with a REVOKED revision citing the objection, audited and announced as the person's. An
 * entry already revoked stays as it is. A person's own pending objection to their entry is closed with
 * it, UPHELD with REVOKE (the entry it objected to is gone): left pending on a revoked record, no one
 * could ever decide it (resolveObjection refuses to: nothing is left to decide).
 */
async function revokeFileEntries(tx: EntityManager, actor: Viewer, commitmentId: string, objection: FindingObjection): Promise<void> {
  const made = await tx.find(CreditRecordRevision, { action: RevisionAction.CREATED, causeId: commitmentId }, { fields: ['record'] });
  const ids = made.map((r) => r.record.id);
  if (!ids.length) return;
  const entries = await tx.find(CreditRecord, { id: { $in: ids }, category: RecordCategory.COMMITMENT_DERELICTION, status: { $ne: RecordStatus.REVOKED } }, { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  for (const entry of entries) {
    entry.status = RecordStatus.REVOKED;
    appendRevision(tx, entry, RevisionAction.REVOKED, `所依据的履职不力认定因单位异议成立于${objection.resolvedOn}撤销：${objection.resolution} / the 履职不力 finding this entry rests on was revoked on ${objection.resolvedOn} on the unit's upheld objection: ${objection.resolution}${decisionSuffix(objection)}`, objection.id);
    const entryAudit = { action: AuditAction.DECIDE_FINDING_OBJECTION, subjectType: entry.subjectType, subjectId: entry.subjectId, targetId: entry.id, outcome: 'file entry revoked with the finding' };
    auditIn(tx, actor, entryAudit);
    await notifyIn(tx, entryAudit);
    for (const own of await tx.find(Objection, { record: entry, status: ObjectionStatus.PENDING })) {
      Object.assign(own, {
        status: ObjectionStatus.UPHELD,
        remedy: ObjectionRemedy.REVOKE,
        resolution: `所异议的记录已随单位异议成立（${objection.id}）撤销 / the entry objected to was revoked with the finding on the unit's upheld objection (${objection.id})`,
        resolvedOn: own.filedOn > objection.resolvedOn! ? own.filedOn : objection.resolvedOn,
      });
    }
  }
}

/**
 * Decides a unit's objection to a finding. UPHELD: the finding was found wrong and is revoked
 * (经核实有误的……撤销, 三(七)); it stays on file with the objection, and counts on no day (its
 * revocation day is kept, findingStandingOn says why). REJECTED: the finding stands, and counts again from the decision day. An upheld 履职不力 finding
 * takes the integrity-file entries it made on its answerable persons with it (revokeFileEntries). Decided
 * once (CONFLICT). The finding's row is locked before anything is checked, so two decisions about
 * one finding run one after the other.
 */
export async function decideFindingObjection(em: EntityManager, actor: Viewer, input: DecideFindingObjectionFields): Promise<FindingObjection> {
  if (input.decision === ObjectionStatus.PENDING || input.decision === ObjectionStatus.WITHDRAWN) {
    throw new BadUserInputError('decision', '须为 UPHELD（异议成立，撤销认定）或 REJECTED（驳回，认定维持）。 / must be UPHELD (the finding is revoked) or REJECTED (the finding stands).');
  }
  const decision = checkedDecision(input);
  return withAudit(em, actor, AuditAction.DECIDE_FINDING_OBJECTION, async (tx) => {
    const found = await findOrFail(tx, FindingObjection, 'finding objection', input.objectionId, 'objectionId');
    const finding = await lockFinding(tx, found.commitment?.id, found.courtCase?.id);
    const objection = await findOrFail(tx, FindingObjection, 'finding objection', input.objectionId, 'objectionId', { lock: true });
    if (objection.status !== ObjectionStatus.PENDING) {
      throw new ConflictError('objectionId', `该异议已于 ${objection.resolvedOn} 处理（${objection.status}），不再处理。 / the objection was already decided (${objection.status}) on ${objection.resolvedOn}.`);
    }
    assertDateOrder('filedOn', objection.filedOn, 'resolvedOn', input.resolvedOn);
    assertMayDecideFrom(actor, objection, input.resolvedOn, { zh: '认定', en: 'finding' });
    if (input.decision === ObjectionStatus.UPHELD) assertSecondPerson(actor, objection.enteredBy, { zh: '对单位认定的异议的支持（撤销认定）', en: 'Upholding this objection (revoking the finding)', field: 'objectionId' });
    Object.assign(objection, { status: input.decision, resolution: input.resolution, resolvedOn: input.resolvedOn, ...decision });
    finding.setDisputed(false);
    if (input.decision === ObjectionStatus.UPHELD) {
      finding.revoke(input.resolvedOn);
      if (finding.kind === UnitFindingKind.COMMITMENT_DERELICTION) await revokeFileEntries(tx, actor, finding.row.id, objection);
    }
    return objection;
  }, (o) => ({ subjectType: SubjectType.AGENCY, subjectId: o.agency.id, targetId: (o.commitment ?? o.courtCase)!.id, findingOn: findingOn(o), outcome: `${o.status} ${o.finding}${o.status === ObjectionStatus.UPHELD ? ': finding revoked' : ': finding stands'}` }));
}
