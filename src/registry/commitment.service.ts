import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { Agency, CivilServant, Commitment, CreditRecord } from '../db/entities';
import { BreachFinding, CommitmentStatus, coveredBy44, type CommitmentDomain, type CommitmentKind } from '../domain/commitment';
import { RecordCategory, RecordKind, RevisionAction, Severity } from '../domain/credit-record';
import { SubjectType } from '../domain/subject';
import { appendRevision, auditRecordCreatedIn } from './credit-record.service';
import { confirmAnswerable, unconfirmedEntriesOf } from './answerable-confirmation';
import { BadUserInputError, ConflictError } from '../errors';
import { findOrFail } from '../db/repositories/lookup';
import { assertDateOrder } from './date-order';

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
 * 履职不力 finding is on record: whether that finding entered the answerable persons' integrity
 * files rested on them.
 */
/** What updateCommitment may change, as its audit event records it. */
const COMMITMENT_FIELDS = ['domain', 'publiclyDisclosed'] as const;

export async function updateCommitment(em: EntityManager, actor: Viewer, id: string, input: CommitmentChanges): Promise<Commitment> {
  return withAudit(em, actor, AuditAction.UPDATE_COMMITMENT, async (tx, correction) => {
    const commitment = await findOrFail(tx, Commitment, 'commitment', id, 'id', { lock: true });
    if (commitment.breachFinding === BreachFinding.DERELICTION) {
      throw new ConflictError('id', `已于 ${commitment.breachFoundOn} 认定履职不力，其是否计入相关责任人诚信档案以当时的领域和公开情况为准，不能再改 / a 履职不力 finding was recorded on ${commitment.breachFoundOn}; whether it entered the answerable persons' integrity files rested on the field and disclosure as they stood, so they can no longer change.`);
    }
    correction.of(commitment, COMMITMENT_FIELDS);
    if (input.domain != null) commitment.domain = input.domain;
    if (input.publiclyDisclosed != null) commitment.publiclyDisclosed = input.publiclyDisclosed;
    return commitment;
  }, (c) => ({ subjectType: SubjectType.AGENCY, subjectId: c.agency.id, targetId: c.id }));
}

export interface SettleCommitmentFields {
  commitmentId: string;
  status: CommitmentStatus;
  settledOn: string;
  breachFinding?: BreachFinding | null;
  settlementDocument?: string | null;
  foundBy?: string | null;
  answerablePersonIds?: string[] | null;
  answerableSeverity?: Severity | null;
  /** Accept answerable persons of another agency than the commitment's (hostile7 F3). */
  answerableFromOtherAgencies?: boolean | null;
}

const FINDINGS = 'DERELICTION (履职不力), LAWFUL_CHANGE (依法改变, 四(三)) or FORCE_MAJEURE (不可抗力)';

interface Finding {
  finding: BreachFinding;
  foundOn: string;
  foundBy?: string | null;
  document?: string | null;
  /** The persons the finding names as answerable (相关责任人), whose files it enters. */
  answerablePersonIds?: string[] | null;
  /** How grave the body found the 履职不力, for the entries it makes. */
  answerableSeverity?: Severity | null;
  /** Accept answerable persons of another agency than the commitment's (hostile7 F3). */
  answerableFromOtherAgencies?: boolean | null;
}

/**
 * Puts a finding on a breached commitment. 履职不力 counts against the unit (追究相关单位责任). It enters
 * a person's integrity file (并计入相关责任人诚信档案) only where the finding names that person as
 * answerable (相关责任人) — being the person named on the promise is not a finding that they failed —
 * and only on a commitment 四(四) speaks of (public, in one of its three fields). Each entry is a
 * record of its own category (COMMITMENT_DERELICTION), decided on the finding day with the finding's
 * document, body and severity, audited and announced as a record created about the person
 * (CREATE_RECORD), in the same transaction.
 */
async function applyFinding(tx: EntityManager, actor: Viewer, commitment: Commitment, input: Finding, documentField: string, unconfirmed: CreditRecord[] = []): Promise<void> {
  const { finding, foundOn, foundBy, document, answerableSeverity } = input;
  const personIds = input.answerablePersonIds ?? [];
  if (personIds.length) {
    if (finding !== BreachFinding.DERELICTION) {
      throw new BadUserInputError('answerablePersonIds', `只有履职不力（DERELICTION）的认定才列明相关责任人；${finding} 不计入任何人的诚信档案，请删去 answerablePersonIds。 / Only a 履职不力 (DERELICTION) finding names answerable persons; a ${finding} finding enters nobody's file: leave answerablePersonIds out.`);
    }
    if (commitment.domain == null || commitment.publiclyDisclosed == null) {
      throw new BadUserInputError('commitmentId', '该承诺尚未登记所属领域和是否向社会公开，无法判断是否属于四(四)所指承诺；请先用 updateCommitment 登记 / the commitment\'s field (domain) and public disclosure (publiclyDisclosed) are not recorded, so whether 四(四) speaks of it cannot be told: record them with updateCommitment first.');
    }
    if (!coveredBy44(commitment)) {
      throw new BadUserInputError('answerablePersonIds', '四(四)只把向社会公开的基础设施类、公共服务类、民生保障类项目和工作的承诺计入相关责任人诚信档案；本承诺不属于此类，履职不力只追究单位责任：请删去 answerablePersonIds。 / 四(四) enters the answerable persons\' files only for public commitments of infrastructure, public service or livelihood; this commitment is not one, so 履职不力 counts against the unit only: leave answerablePersonIds out.');
    }
    if (new Set(personIds).size !== personIds.length) {
      throw new BadUserInputError('answerablePersonIds', '同一人员列了两次；每人只计入一次。 / lists a person twice; each answerable person is entered once.');
    }
    if (!answerableSeverity) {
      throw new BadUserInputError('answerableSeverity', '列明相关责任人时必填：认定机关对履职不力轻重的认定（MINOR 轻微、GENERAL 一般、MAJOR 较重、SEVERE 严重），决定该记录的计入期间。 / is required with answerablePersonIds: how grave the finding body found the 履职不力 (MINOR, GENERAL, MAJOR or SEVERE); it sets how long the entry counts.');
    }
    if (!document || !foundBy) {
      throw new BadUserInputError(
        document ? 'foundBy' : documentField,
        'is required for a DERELICTION finding that names answerable persons: it enters their integrity files as records with the document number and deciding body.',
      );
    }
  } else if (answerableSeverity) {
    throw new BadUserInputError('answerableSeverity', '只在列明相关责任人（answerablePersonIds）时填写。 / applies only with answerablePersonIds: leave it out, or name the persons the finding holds answerable.');
  }
  const people: { person: CivilServant; otherAgency: Agency | null }[] = [];
  for (const [i, id] of personIds.entries()) {
    const person = await findOrFail(tx, CivilServant, 'civil servant', id, `answerablePersonIds[${i}]`);
    people.push({ person, otherAgency: await otherAgencyOf(tx, person, commitment, i, !!input.answerableFromOtherAgencies) });
  }
  // Confirming carried-over entries leaves the commitment's own finding (the unit's) as it stands.
  if (!unconfirmed.length) Object.assign(commitment, { breachFinding: finding, breachFoundOn: foundOn, breachFoundBy: foundBy ?? null, breachFindingDocument: document ?? null });
  for (const { person, otherAgency } of people) {
    const carried = unconfirmed.find((r) => r.subjectId === person.id);
    if (carried) {
      await confirmAnswerable(tx, actor, commitment, carried, { foundOn, foundBy: foundBy!, document: document!, severity: answerableSeverity! });
      continue;
    }
    const record = tx.create(CreditRecord, {
      subjectType: SubjectType.CIVIL_SERVANT,
      subjectId: person.id,
      kind: RecordKind.DISHONEST,
      category: RecordCategory.COMMITMENT_DERELICTION,
      severity: answerableSeverity!,
      summary: `认定为履职不力导致公开承诺未能实现的相关责任人（四(四)）：${commitment.content}${otherAgency ? `（认定时该人员属${otherAgency.name}，非作出承诺的机关）` : ''}`,
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
 * The agency an answerable person belongs to when it is not the commitment's, or null (hostile7 F3).
 * The promise's responsible person must be of the agency itself; an answerable person may have
 * moved since the unit failed, so one of another agency is accepted only when the input confirms it
 * (`answerableFromOtherAgencies`) — else a mistyped id would enter a stranger's file — and their
 * entry then says which agency they belong to now.
 */
async function otherAgencyOf(tx: EntityManager, person: CivilServant, commitment: Commitment, i: number, confirmed: boolean): Promise<Agency | null> {
  if (person.agency.id === commitment.agency.id) return null;
  const [theirs, promising] = await Promise.all([tx.findOneOrFail(Agency, person.agency.id), tx.findOneOrFail(Agency, commitment.agency.id)]);
  if (confirmed) return theirs;
  throw new BadUserInputError(
    `answerablePersonIds[${i}]`,
    `该公务员属于${theirs.name}，不是作出承诺的${promising.name}的人员；如确系其调离前的履职不力，请同时设 answerableFromOtherAgencies: true。 / ` +
      `this civil servant belongs to ${theirs.name} (${theirs.id}), not to ${promising.name} (${promising.id}), which made the commitment. ` +
      'If they are answerable for the unit\'s failure though they have moved since, confirm it with answerableFromOtherAgencies: true; otherwise check the id.',
  );
}

/**
 * Records that a pending commitment was fulfilled or breached. Settled once; never re-opened.
 * A breach needs a finding (四(四)): only 履职不力 counts against the unit (see applyFinding).
 * The commitment's row is locked first: of two parallel settlements the second is refused, so a
 * breach never enters an answerable person's file twice.
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
      await applyFinding(tx, actor, commitment, { finding: input.breachFinding, foundOn: input.settledOn, foundBy: input.foundBy, document: input.settlementDocument, answerablePersonIds: input.answerablePersonIds, answerableSeverity: input.answerableSeverity, answerableFromOtherAgencies: input.answerableFromOtherAgencies }, 'settlementDocument');
    } else if (input.answerablePersonIds?.length || input.answerableSeverity) {
      throw new BadUserInputError(input.answerablePersonIds?.length ? 'answerablePersonIds' : 'answerableSeverity', 'applies to a breach found to be DERELICTION (履职不力) only; leave it out for FULFILLED.');
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
  answerablePersonIds?: string[] | null;
  answerableSeverity?: Severity | null;
  /** Accept answerable persons of another agency than the commitment's (hostile7 F3). */
  answerableFromOtherAgencies?: boolean | null;
}

/**
 * Records the finding of a breach settled without one (unreviewed, 未认定: breaches settled before
 * findings were recorded). From `foundOn` on it counts as found; a past day before it does not see
 * it. Once recorded, a finding stands (CONFLICT): a wrong one is for the objection procedure of
 * the record it produced. One exception (lawyer8 W4): a 履职不力 finding whose file entries were
 * carried over from the commitment's named responsible person, never named answerable, takes a
 * finding naming answerable persons — it confirms the carried-over entry of each person it names
 * (from its own day, with its document, body and severity) and enters the others' files as usual;
 * the commitment's own finding stays as recorded.
 */
export async function recordBreachFinding(em: EntityManager, actor: Viewer, input: BreachFindingFields): Promise<Commitment> {
  return withAudit(em, actor, AuditAction.RECORD_BREACH_FINDING, async (tx) => {
    const commitment = await findOrFail(tx, Commitment, 'commitment', input.commitmentId, 'commitmentId', { lock: true });
    if (commitment.status !== CommitmentStatus.BREACHED) {
      throw new ConflictError('commitmentId', `the commitment is ${commitment.status}, not BREACHED: only a breach takes a finding (settle it first with settleCommitment).`);
    }
    const unconfirmed = commitment.breachFinding ? await unconfirmedEntriesOf(tx, commitment) : [];
    if (commitment.breachFinding && !unconfirmed.length) {
      throw new ConflictError('commitmentId', `a finding (${commitment.breachFinding}) was already recorded on ${commitment.breachFoundOn}; a finding is recorded once.`);
    }
    if (unconfirmed.length) assertConfirmable(commitment, input);
    assertDateOrder(unconfirmed.length ? 'breachFoundOn' : 'settledOn', unconfirmed.length ? commitment.breachFoundOn : commitment.settledOn, 'foundOn', input.foundOn);
    await applyFinding(tx, actor, commitment, { finding: input.breachFinding, foundOn: input.foundOn, foundBy: input.foundBy, document: input.findingDocument, answerablePersonIds: input.answerablePersonIds, answerableSeverity: input.answerableSeverity, answerableFromOtherAgencies: input.answerableFromOtherAgencies }, 'findingDocument', unconfirmed);
    return commitment;
  }, (c) => ({ subjectType: SubjectType.AGENCY, subjectId: c.agency.id, targetId: c.id, outcome: c.breachFinding ?? 'unreviewed', findingOn: 'Commitment' }));
}

/** A finding confirming carried-over entries is the same 履职不力 finding, and names the answerable persons. */
function assertConfirmable(commitment: Commitment, input: BreachFindingFields): void {
  if (input.breachFinding !== commitment.breachFinding) {
    throw new ConflictError('breachFinding', `${commitment.breachFoundOn} 已认定为 ${commitment.breachFinding}，认定不再更改；本次只能以同一认定（${commitment.breachFinding}）列明相关责任人，确认由承诺载明的责任人迁移而来、尚未认定的诚信档案记录。 / the finding ${commitment.breachFinding} was recorded on ${commitment.breachFoundOn} and stands; this call may only name the answerable persons under that same finding, to confirm the file entries carried over from the commitment's named responsible person.`);
  }
  if (!input.answerablePersonIds?.length) {
    throw new BadUserInputError('answerablePersonIds', '本承诺有由承诺载明的责任人迁移而来、尚未经认定的诚信档案记录：请列明认定机关认定的相关责任人（每人一条），以确认或新计入其诚信档案。 / this commitment has file entries carried over from its named responsible person that no finding confirmed: name the persons the finding body holds answerable, to confirm or enter their entries.');
  }
}
