import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { CreditRecord, ListMembership } from '../db/entities';
import type { CreditList } from '../domain/list-membership';
import type { SubjectType } from '../domain/subject';
import { BadUserInputError, ConflictError } from '../errors';
import { assertDateOrder, findOrFail } from './lookup';
import { assertListingTerm } from './listing-term';
import { findSubject } from './subjects';

export interface ListingFields {
  subjectType: SubjectType;
  subjectId: string;
  list: CreditList;
  listedOn: string;
  listedBy: string;
  documentNumber: string;
  recordId?: string | null;
  termEndsOn?: string | null;
}

export interface RemovalFields {
  membershipId: string;
  removedOn: string;
  removedBy: string;
  documentNumber: string;
}

/**
 * Enters a subject in a list from a day. One open listing per subject and list at a time: a second
 * listing while the first is open is refused, so a removal always says which listing it ends.
 * The subject's row is locked first, so parallel listings run one after the other; a partial
 * unique index (list_membership_one_open_per_list) backs the rule in the database.
 */
export async function listSubject(em: EntityManager, actor: Viewer, input: ListingFields): Promise<ListMembership> {
  return withAudit(em, actor, AuditAction.LIST_SUBJECT, async (tx) => {
    assertListingTerm(input);
    await findSubject(tx, input.subjectType, input.subjectId, { lock: true });
    const record = input.recordId ? await findOrFail(tx, CreditRecord, 'credit record', input.recordId, 'recordId') : null;
    if (record && (record.subjectType !== input.subjectType || record.subjectId !== input.subjectId)) {
      throw new BadUserInputError('recordId', 'names a record of another subject; give the record of this subject that the listing rests on.');
    }
    const open = await tx.findOne(ListMembership, { subjectType: input.subjectType, subjectId: input.subjectId, list: input.list, removedOn: null });
    if (open) {
      throw new ConflictError('list', `the subject is already on ${input.list} since ${open.listedOn} (${open.documentNumber}); remove that listing first.`);
    }
    const membership = tx.create(ListMembership, { ...input, record });
    return membership;
  }, (m) => ({ subjectType: m.subjectType, subjectId: m.subjectId, targetId: m.id, outcome: m.list }));
}

/**
 * Takes a subject off a list from a day (移出名单). The listing stays, with its removal. Its row is
 * locked first, so of two parallel removals the second sees the first and is refused instead of
 * overwriting the first one's day and document.
 */
export async function removeFromList(em: EntityManager, actor: Viewer, input: RemovalFields): Promise<ListMembership> {
  return withAudit(em, actor, AuditAction.REMOVE_FROM_LIST, async (tx) => {
    const membership = await findOrFail(tx, ListMembership, 'list membership', input.membershipId, 'membershipId', { lock: true });
    if (membership.removedOn) {
      throw new ConflictError('membershipId', `the listing was already removed on ${membership.removedOn} (${membership.removalDocumentNumber}).`);
    }
    assertDateOrder('listedOn', membership.listedOn, 'removedOn', input.removedOn);
    Object.assign(membership, { removedOn: input.removedOn, removedBy: input.removedBy, removalDocumentNumber: input.documentNumber });
    return membership;
  }, (m) => ({ subjectType: m.subjectType, subjectId: m.subjectId, targetId: m.id, outcome: `removed ${m.list}` }));
}
