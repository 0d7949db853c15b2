import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { Agency, CivilServant, Commitment, CreditRecord } from '../db/entities';
import { BreachFinding, CommitmentStatus, coveredBy44, type CommitmentDomain, type CommitmentKind } from '../domain/commitment';
import { RecordCategory, RecordKind, RevisionAction, Severity } from '../domain/credit-record';
import { SubjectType } from '../domain/subject';
import { appendRevision, auditRecordCreatedIn } from './credit-record.service';
import { BadUserInputError, ConflictError } from '../errors';
import { assertDateOrder, findOrFail } from './lookup';

export interface CommitmentFields {
  agencyId: string;
  responsiblePersonId?: string | null;
  kind: CommitmentKind;
  /** The field of the project or work; 四(四) speaks of three fields only. */
  domain: CommitmentDomain;
  /** Disclosed to the public (向社会公开, 四(四)). */
  publiclyDisclosed: boolean;
  content: string;
  publishedOn: string;
  dueOn: string;
}

export async function createCommitment(em: EntityManager, actor: Viewer, input: CommitmentFields): Promise<Commitment> {
  assertDateOrder('publishedOn', input.publishedOn, 'dueOn', input.dueOn);
  return withAudit(em, actor, AuditAction.RECORD_COMMITMENT, async (tx) => {
    const agency = await findOrFail(tx, Agency, 'agency', input.agencyId, 'agencyId');
    const responsiblePerson = input.responsiblePersonId
      ? await findOrFail(tx, CivilServant, 'civil servant', input.responsiblePersonId, 'responsiblePersonId')
      : null;
    // The person answers for their own unit's promise (四(四)): a breach found through 履职不力
    // enters their integrity file, so a person of another agency would be charged with a promise
    // that was never theirs to keep.
    if (responsiblePerson && responsiblePerson.agency.id !== agency.id) {
      throw new BadUserInputError(
        'responsiblePersonId',
        `责任人须为作出承诺的机关本单位人员：该公务员属于另一机关（${responsiblePerson.agency.id}）。 ` +
          `The responsible person must belong to the agency that makes the commitment (${agency.id}); this civil servant belongs to agency ${responsiblePerson.agency.id}. Name a person of ${agency.name}, or leave responsiblePersonId out.`,
      );
    }
    const commitment = tx.create(Commitment, {
      agency,
      responsiblePerson,
      kind: input.kind,
      domain: input.domain,
      publiclyDisclosed: input.publiclyDisclosed,
      content: input.content,
      publishedOn: input.publishedOn,
      dueOn: input.dueOn,
    });
    return commitment;
  }, (c) => ({ subjectType: SubjectType.AGENCY, subjectId: c.agency.id, targetId: c.id, outcome: 'recorded' }));
}

export interface CommitmentChanges {
  domain?: CommitmentDomain | null;
  publiclyDisclosed?: boolean | null;
}

/**
 * Records or corrects a commitment's field and public disclosure — for commitments registered
 * before they were recorded, which 四(四)'s rules do not count until they are. Refused once a
 * 履职不力 finding is on record: whether that finding entered the responsible person's integrity
 * file rested on them.
 */
export async function updateCommitment(em: EntityManager, actor: Viewer, id: string, input: CommitmentChanges): Promise<Commitment> {
  return withAudit(em, actor, AuditAction.UPDATE_COMMITMENT, async (tx) => {
    const commitment = await findOrFail(tx, Commitment, 'commitment', id, 'id', { lock: true });
    if (commitment.breachFinding === BreachFinding.DERELICTION) {
      throw new ConflictError('id', `已于 ${commitment.breachFoundOn} 认定履职不力，其是否计入责任人诚信档案以当时的领域和公开情况为准，不能再改 / a 履职不力 finding was recorded on ${commitment.breachFoundOn}; whether it entered the responsible person's integrity file rested on the field and disclosure as they stood, so they can no longer change.`);
    }
    if (input.domain != null) commitment.domain = input.domain;
    if (input.publiclyDisclosed != null) commitment.publiclyDisclosed = input.publiclyDisclosed;
    return commitment;
  }, (c) => ({ subjectType: SubjectType.AGENCY, subjectId: c.agency.id, targetId: c.id, outcome: 'updated' }));
}

export interface SettleCommitmentFields {
  commitmentId: string;
  status: CommitmentStatus;
  settledOn: string;
  breachFinding?: BreachFinding | null;
  settlementDocument?: string | null;
  foundBy?: string | null;
}

const FINDINGS = 'DERELICTION (履职不力), LAWFUL_CHANGE (依法改变, 四(三)) or FORCE_MAJEURE (不可抗力)';

interface Finding {
  finding: BreachFinding;
  foundOn: string;
  foundBy?: string | null;
  document?: string | null;
}

/**
 * Puts a finding on a breached commitment. 履职不力 on a commitment 四(四) speaks of (public, in one
 * of its three fields) with a responsible person enters that person's integrity file (并计入相关责任人
 * 诚信档案) as a dishonesty record decided on the finding day, with its document and body; on other
 * commitments it counts against the unit only. A 履职不力 finding about a person needs the commitment's
 * field and disclosure first, since they decide whether it enters the file. The person's record is
 * audited and announced as a record created about them (CREATE_RECORD), in the same transaction.
 */
async function applyFinding(tx: EntityManager, actor: Viewer, commitment: Commitment, { finding, foundOn, foundBy, document }: Finding, documentField: string): Promise<void> {
  const dereliction = finding === BreachFinding.DERELICTION;
  const person = commitment.responsiblePerson;
  if (dereliction && person && (commitment.domain == null || commitment.publiclyDisclosed == null)) {
    throw new BadUserInputError('commitmentId', '该承诺尚未登记所属领域和是否向社会公开，无法判断是否属于四(四)所指承诺；请先用 updateCommitment 登记 / the commitment\'s field (domain) and public disclosure (publiclyDisclosed) are not recorded, so whether 四(四) speaks of it cannot be told: record them with updateCommitment first.');
  }
  const entersFile = dereliction && !!person && coveredBy44(commitment);
  if (entersFile && (!document || !foundBy)) {
    throw new BadUserInputError(
      document ? 'foundBy' : documentField,
      'is required for a DERELICTION finding on a public commitment of 四(四) with a responsible person: the finding enters their integrity file as a record with its document number and deciding body.',
    );
  }
  Object.assign(commitment, { breachFinding: finding, breachFoundOn: foundOn, breachFoundBy: foundBy ?? null, breachFindingDocument: document ?? null });
  if (entersFile) {
    const record = tx.create(CreditRecord, {
      subjectType: SubjectType.CIVIL_SERVANT,
      subjectId: person!.id,
      kind: RecordKind.DISHONEST,
      category: RecordCategory.UNFULFILLED_COMMITMENT,
      severity: Severity.GENERAL,
      summary: `履职不力导致公开承诺未能实现（四(四)）：${commitment.content}`,
      occurredOn: commitment.dueOn < commitment.settledOn! ? commitment.dueOn : commitment.settledOn!,
      recordedOn: foundOn,
      decidedOn: foundOn,
      sourceDepartment: foundBy!,
      documentNumber: document!,
    });
    appendRevision(tx, record, RevisionAction.CREATED, null, commitment.id);
    await auditRecordCreatedIn(tx, actor, record);
  }
}

/**
 * Records that a pending commitment was fulfilled or breached. Settled once; never re-opened.
 * A breach needs a finding (四(四)): only 履职不力 counts against the unit (see applyFinding).
 * The commitment's row is locked first: of two parallel settlements the second is refused, so a
 * breach never enters the responsible person's file twice.
 */
export async function settleCommitment(em: EntityManager, actor: Viewer, input: SettleCommitmentFields): Promise<Commitment> {
  if (input.status === CommitmentStatus.PENDING) throw new BadUserInputError('status', 'must be FULFILLED or BREACHED.');
  if (input.status === CommitmentStatus.BREACHED && !input.breachFinding) {
    throw new BadUserInputError('breachFinding', `is required for BREACHED: ${FINDINGS}.`);
  }
  if (input.status === CommitmentStatus.FULFILLED && input.breachFinding) {
    throw new BadUserInputError('breachFinding', 'applies to a breach only; leave it out for FULFILLED.');
  }
  return withAudit(em, actor, AuditAction.SETTLE_COMMITMENT, async (tx) => {
    const commitment = await findOrFail(tx, Commitment, 'commitment', input.commitmentId, 'commitmentId', { lock: true });
    if (commitment.status !== CommitmentStatus.PENDING) {
      throw new ConflictError('commitmentId', `the commitment was already settled as ${commitment.status} on ${commitment.settledOn}.`);
    }
    assertDateOrder('publishedOn', commitment.publishedOn, 'settledOn', input.settledOn);
    Object.assign(commitment, { status: input.status, settledOn: input.settledOn, settlementDocument: input.settlementDocument ?? null });
    if (input.breachFinding) {
      await applyFinding(tx, actor, commitment, { finding: input.breachFinding, foundOn: input.settledOn, foundBy: input.foundBy, document: input.settlementDocument }, 'settlementDocument');
    }
    return commitment;
  }, (c) => ({ subjectType: SubjectType.AGENCY, subjectId: c.agency.id, targetId: c.id, outcome: c.status }));
}

export interface BreachFindingFields {
  commitmentId: string;
  breachFinding: BreachFinding;
  foundOn: string;
  foundBy: string;
  findingDocument?: string | null;
}

/**
 * Records the finding of a breach settled without one (unreviewed, 未认定: breaches settled before
 * findings were recorded). From `foundOn` on it counts as found; a past day before it does not see
 * it. Once recorded, a finding stands (CONFLICT): a wrong one is for the objection procedure of
 * the record it produced.
 */
export async function recordBreachFinding(em: EntityManager, actor: Viewer, input: BreachFindingFields): Promise<Commitment> {
  return withAudit(em, actor, AuditAction.RECORD_BREACH_FINDING, async (tx) => {
    const commitment = await findOrFail(tx, Commitment, 'commitment', input.commitmentId, 'commitmentId', { lock: true });
    if (commitment.status !== CommitmentStatus.BREACHED) {
      throw new ConflictError('commitmentId', `the commitment is ${commitment.status}, not BREACHED: only a breach takes a finding (settle it first with settleCommitment).`);
    }
    if (commitment.breachFinding) {
      throw new ConflictError('commitmentId', `a finding (${commitment.breachFinding}) was already recorded on ${commitment.breachFoundOn}; a finding is recorded once.`);
    }
    assertDateOrder('settledOn', commitment.settledOn, 'foundOn', input.foundOn);
    await applyFinding(tx, actor, commitment, { finding: input.breachFinding, foundOn: input.foundOn, foundBy: input.foundBy, document: input.findingDocument }, 'findingDocument');
    return commitment;
  }, (c) => ({ subjectType: SubjectType.AGENCY, subjectId: c.agency.id, targetId: c.id, outcome: c.breachFinding ?? 'unreviewed' }));
}
