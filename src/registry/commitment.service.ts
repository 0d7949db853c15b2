import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, CivilServant, Commitment } from '../db/entities';
import { CommitmentStatus, type CommitmentKind } from '../domain/commitment';
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

/** Records that a pending commitment was fulfilled or breached. Settled once; never re-opened. */
export async function settleCommitment(
  em: EntityManager,
  input: { commitmentId: string; status: CommitmentStatus; settledOn: string },
): Promise<Commitment> {
  if (input.status === CommitmentStatus.PENDING) throw new BadUserInputError('status', 'must be FULFILLED or BREACHED.');
  return em.transactional(async (tx) => {
    const commitment = await findOrFail(tx, Commitment, 'commitment', input.commitmentId, 'commitmentId');
    if (commitment.status !== CommitmentStatus.PENDING) {
      throw new ConflictError('commitmentId', `the commitment was already settled as ${commitment.status} on ${commitment.settledOn}.`);
    }
    assertDateOrder('publishedOn', commitment.publishedOn, 'settledOn', input.settledOn);
    commitment.status = input.status;
    commitment.settledOn = input.settledOn;
    await tx.flush();
    return commitment;
  });
}
