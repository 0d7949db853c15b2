import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, CivilServant, Commitment, CreditRecord } from '../db/entities';
import { BreachFinding, CommitmentStatus, type CommitmentKind } from '../domain/commitment';
import { RecordCategory, RecordKind, RevisionAction, Severity } from '../domain/credit-record';
import { SubjectType } from '../domain/subject';
import { appendRevision } from './credit-record.service';
import { BadUserInputError, ConflictError } from '../errors';
import { assertDateOrder, findOrFail } from './lookup';

export interface CommitmentFields {
  agencyId: string;
  responsiblePersonId?: string | null;
  kind: CommitmentKind;
  content: string;
  publishedOn: string;
  dueOn: string;
}

export async function createCommitment(em: EntityManager, input: CommitmentFields): Promise<Commitment> {
  assertDateOrder('publishedOn', input.publishedOn, 'dueOn', input.dueOn);
  return em.transactional(async (tx) => {
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
      content: input.content,
      publishedOn: input.publishedOn,
      dueOn: input.dueOn,
    });
    await tx.flush();
    return commitment;
  });
}

export interface SettleCommitmentFields {
  commitmentId: string;
  status: CommitmentStatus;
  settledOn: string;
  breachFinding?: BreachFinding | null;
  settlementDocument?: string | null;
  foundBy?: string | null;
}

/**
 * Records that a pending commitment was fulfilled or breached. Settled once; never re-opened.
 * A breach needs a finding (四(四)): only 履职不力 counts against the unit, and it enters the named
 * responsible person's integrity file as a dishonesty record decided on the settling day.
 * The commitment's row is locked first: of two parallel settlements the second is refused, so a
 * breach never enters the responsible person's file twice.
 */
export async function settleCommitment(em: EntityManager, input: SettleCommitmentFields): Promise<Commitment> {
  if (input.status === CommitmentStatus.PENDING) throw new BadUserInputError('status', 'must be FULFILLED or BREACHED.');
  if (input.status === CommitmentStatus.BREACHED && !input.breachFinding) {
    throw new BadUserInputError('breachFinding', 'is required for BREACHED: DERELICTION (履职不力), LAWFUL_CHANGE (依法改变, 四(三)) or FORCE_MAJEURE (不可抗力).');
  }
  if (input.status === CommitmentStatus.FULFILLED && input.breachFinding) {
    throw new BadUserInputError('breachFinding', 'applies to a breach only; leave it out for FULFILLED.');
  }
  return em.transactional(async (tx) => {
    const commitment = await findOrFail(tx, Commitment, 'commitment', input.commitmentId, 'commitmentId', { lock: true });
    if (commitment.status !== CommitmentStatus.PENDING) {
      throw new ConflictError('commitmentId', `the commitment was already settled as ${commitment.status} on ${commitment.settledOn}.`);
    }
    assertDateOrder('publishedOn', commitment.publishedOn, 'settledOn', input.settledOn);
    const dereliction = input.breachFinding === BreachFinding.DERELICTION;
    if (dereliction && commitment.responsiblePerson && (!input.settlementDocument || !input.foundBy)) {
      throw new BadUserInputError(
        input.settlementDocument ? 'foundBy' : 'settlementDocument',
        'is required for a DERELICTION finding on a commitment with a responsible person: the finding enters their integrity file as a record with its document number and deciding body.',
      );
    }
    Object.assign(commitment, {
      status: input.status,
      settledOn: input.settledOn,
      breachFinding: input.breachFinding ?? null,
      settlementDocument: input.settlementDocument ?? null,
    });
    if (dereliction && commitment.responsiblePerson) {
      const record = tx.create(CreditRecord, {
        subjectType: SubjectType.CIVIL_SERVANT,
        subjectId: commitment.responsiblePerson.id,
        kind: RecordKind.DISHONEST,
        category: RecordCategory.UNFULFILLED_COMMITMENT,
        severity: Severity.GENERAL,
        summary: `履职不力导致公开承诺未能实现（四(四)）：${commitment.content}`,
        occurredOn: commitment.dueOn < input.settledOn ? commitment.dueOn : input.settledOn,
        recordedOn: input.settledOn,
        decidedOn: input.settledOn,
        sourceDepartment: input.foundBy!,
        documentNumber: input.settlementDocument!,
      });
      appendRevision(tx, record, RevisionAction.CREATED, null, commitment.id);
    }
    await tx.flush();
    return commitment;
  });
}
