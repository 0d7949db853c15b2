import type { EntityManager } from '@mikro-orm/postgresql';
import { CreditRecord, CreditRepair } from '../db/entities';
import { RecordKind, RecordStatus, RevisionAction } from '../domain/credit-record';
import { RepairStatus, type RepairAction } from '../domain/credit-repair';
import { BadUserInputError, ConflictError } from '../errors';
import { appendRevision } from './credit-record.service';
import { assertDateOrder, findOrFail } from './lookup';

export interface RequestRepairFields {
  recordId: string;
  actions: RepairAction[];
  description: string;
  appliedOn: string;
}

export interface DecideRepairFields {
  repairId: string;
  decision: RepairStatus;
  decidedOn: string;
  note?: string | null;
}

/** Applies for credit repair of a dishonesty record (三(七)). */
export async function requestCreditRepair(em: EntityManager, input: RequestRepairFields): Promise<CreditRepair> {
  return em.transactional(async (tx) => {
    const record = await findOrFail(tx, CreditRecord, 'credit record', input.recordId, 'recordId');
    if (record.kind !== RecordKind.DISHONEST) {
      throw new BadUserInputError('recordId', 'names a trustworthy record; only dishonesty records can be repaired.');
    }
    if (record.status === RecordStatus.REVOKED) {
      throw new ConflictError('recordId', 'the record is revoked; a revoked record needs no repair.');
    }
    if (await tx.count(CreditRepair, { record, status: { $in: [RepairStatus.PENDING, RepairStatus.APPROVED] } })) {
      throw new ConflictError('recordId', 'the record already has a pending or approved repair; decide that one first.');
    }
    assertDateOrder('the record\'s occurredOn', record.occurredOn, 'appliedOn', input.appliedOn);
    const repair = tx.create(CreditRepair, { record, actions: [...new Set(input.actions)], description: input.description, appliedOn: input.appliedOn });
    await tx.flush();
    return repair;
  });
}

/** Approves or rejects a pending repair; an approval is written into the record's history. */
export async function decideCreditRepair(em: EntityManager, input: DecideRepairFields): Promise<CreditRepair> {
  if (input.decision === RepairStatus.PENDING) throw new BadUserInputError('decision', 'must be APPROVED or REJECTED.');
  return em.transactional(async (tx) => {
    const repair = await findOrFail(tx, CreditRepair, 'credit repair', input.repairId, 'repairId');
    if (repair.status !== RepairStatus.PENDING) {
      throw new ConflictError('repairId', `the repair was already decided (${repair.status}) on ${repair.decidedOn}.`);
    }
    assertDateOrder('appliedOn', repair.appliedOn, 'decidedOn', input.decidedOn);
    Object.assign(repair, { status: input.decision, decidedOn: input.decidedOn, decisionNote: input.note ?? null });
    if (input.decision === RepairStatus.APPROVED) {
      const record = await tx.findOneOrFail(CreditRecord, repair.record.id);
      appendRevision(tx, record, RevisionAction.REPAIRED, input.note ?? repair.description, repair.id);
    }
    await tx.flush();
    return repair;
  });
}
