import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import type { Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { CreditRecord, ListMembership } from '../db/entities';
import { RecordKind, RecordStatus } from '../domain/credit-record';
import type { CreditList } from '../domain/list-membership';
import type { SubjectType } from '../domain/subject';
import { BadUserInputError, ConflictError } from '../errors';
import { documentNumberProblem, keeperProblem, LIST_KEEPERS } from './document-numbers';
import { findOrFail } from '../db/repositories/lookup';
import { assertDateOrder } from './date-order';
import { assertListingTerm, assertTermExtended } from './listing-term';
import { decidingBodyProblem } from './deciding-body';
import { assertMayEndFirstTermOn, assertMayRemoveFrom, assertMayWithdrawListing } from './listing-past-days';
import { listingEnteredBy } from './entered-by';
import { findSubject } from '../db/repositories/subjects';

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
 * unique index (list_membership_one_open_per_list) backs the rule in the database. Nor may a listing
 * begin inside an earlier one (hostile9 F4): two listings of one list never overlap, which a trigger
 * (list_membership_no_overlap) backs.
 *
 * hostile8 F6: only the list's keeper lists (a court for JUDGMENT_DEFAULTER, a market regulation
 * department for SERIOUS_ILLEGAL_DISHONEST, see LIST_KEEPERS), by a decision with a plausible number,
 * a subject its list can hold, on or after the day the list began; the record it rests on is an
 * unrevoked dishonesty record of the same subject that had occurred by the listing day.
 */
export async function listSubject(em: EntityManager, actor: Viewer, input: ListingFields): Promise<ListMembership> {
  assertListingPlausible(input);
  return withAudit(em, actor, AuditAction.LIST_SUBJECT, async (tx) => {
    assertListingTerm(input);
    await findSubject(tx, input.subjectType, input.subjectId, { lock: true });
    const record = input.recordId ? await findOrFail(tx, CreditRecord, 'credit record', input.recordId, 'recordId', { lock: true }) : null;
    if (record && (record.subjectType !== input.subjectType || record.subjectId !== input.subjectId)) {
      throw new BadUserInputError('recordId', 'names a record of another subject; give the record of this subject that the listing rests on.');
    }
    if (record && record.kind !== RecordKind.DISHONEST) {
      throw new BadUserInputError('recordId', '所列记录为守信记录，列入失信名单只能依据失信记录；请填写名单所依据的失信记录。 / names a trustworthy record; a dishonesty listing rests on a dishonesty record: give that one.');
    }
    if (record && record.status === RecordStatus.REVOKED) {
      throw new BadUserInputError('recordId', '所列记录已撤销，不能作为列入名单的依据；请填写名单所依据的有效失信记录。 / names a revoked record, which cannot be a listing\'s basis: give the standing dishonesty record the listing rests on.');
    }
    if (record) assertDateOrder('the record\'s occurredOn', record.occurredOn, 'listedOn', input.listedOn);
    // A listing withdrawn as entered in error never held: it neither blocks nor bounds a new one.
    const open = await tx.findOne(ListMembership, { subjectType: input.subjectType, subjectId: input.subjectId, list: input.list, removedOn: null, enteredInErrorAt: null });
    if (open) {
      throw new ConflictError('list', `the subject is already on ${input.list} since ${open.listedOn} (${open.documentNumber}); remove that listing first.`);
    }
    // hostile9 F4: a listing is not back-dated into an earlier one of the same list (its period runs
    // from listedOn until the removal day, which is the first day off the list).
    const earlier = await tx.findOne(ListMembership, { subjectType: input.subjectType, subjectId: input.subjectId, list: input.list, removedOn: { $gt: input.listedOn }, enteredInErrorAt: null }, { orderBy: { removedOn: 'desc' } });
    if (earlier) {
      throw new BadUserInputError('listedOn', `${input.listedOn} 落在该主体此前一次列入 ${input.list} 的期间内（${earlier.listedOn} 至 ${earlier.removedOn} 移出，${earlier.documentNumber}）；新的列入须在 ${earlier.removedOn} 或其后。 / ${input.listedOn} falls within the subject's earlier listing on ${input.list} (${earlier.listedOn} until its removal on ${earlier.removedOn}, ${earlier.documentNumber}); a new listing begins on or after ${earlier.removedOn}.`);
    }
    const membership = tx.create(ListMembership, { ...input, record });
    return membership;
  }, (m) => ({ subjectType: m.subjectType, subjectId: m.subjectId, targetId: m.id, outcome: m.list }));
}

/**
 * Takes a subject off a list from a day (移出名单). The listing stays, with its removal. Its row is
 * locked first, so of two parallel removals the second sees the first and is refused instead of
 * overwriting the first one's day and document. Dated before today on a listing on record before
 * today it takes a second person (hostile21 F4, listing-past-days.ts).
 */
export async function removeFromList(em: EntityManager, actor: Viewer, input: RemovalFields): Promise<ListMembership> {
  const numberProblem = documentNumberProblem(input.documentNumber);
  if (numberProblem) throw new BadUserInputError('documentNumber', numberProblem);
  return withAudit(em, actor, AuditAction.REMOVE_FROM_LIST, async (tx) => {
    const membership = await findOrFail(tx, ListMembership, 'list membership', input.membershipId, 'membershipId', { lock: true });
    assertNotEnteredInError(membership, 'membershipId');
    if (membership.removedOn) {
      throw new ConflictError('membershipId', `the listing was already removed on ${membership.removedOn} (${membership.removalDocumentNumber}).`);
    }
    // hostile11 F5: only the listing body, or a court above a listing court, takes a subject off (deciding-body.ts).
    const body = decidingBodyProblem(membership.list, membership.listedBy, input.removedBy, 'removedBy');
    if (body) throw new BadUserInputError('removedBy', body);
    assertRemovedAfterListing(membership.listedOn, input.removedOn);
    assertMayRemoveFrom(actor, membership, input.removedOn);
    Object.assign(membership, { removedOn: input.removedOn, removedBy: input.removedBy, removalDocumentNumber: input.documentNumber });
    return membership;
  }, (m) => ({ subjectType: m.subjectType, subjectId: m.subjectId, targetId: m.id, outcome: `removed ${m.list}` }));
}

export interface TermFields {
  membershipId: string;
  termEndsOn: string;
  documentNumber: string;
  decidedBy: string;
}

/**
 * Records or extends the court's term on an existing listing (法释〔2017〕7号 art. 2: generally two
 * years, extendable by one to three years), with the decision that set it and the court that made it;
 * audited old → new. hostile11 F3: the deciding court is the listing court or one above it
 * (deciding-body.ts); a term is set where none is recorded or extended, never shortened (an early end
 * is a removal); it ends after the listing day and at most MAX_TERM_YEARS after it (listing-term.ts).
 * A first term that would take past days off a listing on record before today takes a second person,
 * as a back-dated removal does (hostile21 F5, listing-past-days.ts).
 * Refused for a list without terms, and for a listing already removed (CONFLICT). The row is locked
 * first, so of two parallel changes the later sees the first.
 */
export async function setListingTerm(em: EntityManager, actor: Viewer, input: TermFields): Promise<ListMembership> {
  const numberProblem = documentNumberProblem(input.documentNumber);
  if (numberProblem) throw new BadUserInputError('documentNumber', numberProblem);
  let outcome = '';
  return withAudit(em, actor, AuditAction.SET_LISTING_TERM, async (tx) => {
    const membership = await findOrFail(tx, ListMembership, 'list membership', input.membershipId, 'id', { lock: true });
    assertNotEnteredInError(membership, 'id');
    if (membership.removedOn) {
      throw new ConflictError('id', `该列入已于 ${membership.removedOn} 移出（${membership.removalDocumentNumber}），不再登记期限。 / the listing was removed on ${membership.removedOn} (${membership.removalDocumentNumber}); no term is recorded on it.`);
    }
    assertListingTerm({ list: membership.list, listedOn: membership.listedOn, termEndsOn: input.termEndsOn });
    const body = decidingBodyProblem(membership.list, membership.listedBy, input.decidedBy, 'decidedBy');
    if (body) throw new BadUserInputError('decidedBy', body);
    assertTermExtended(membership.termEndsOn, input.termEndsOn);
    assertMayEndFirstTermOn(actor, membership, input.termEndsOn);
    // The deciding court has no column of its own: the audit event keeps it beside the decision's number.
    outcome = `term ${membership.termEndsOn ?? 'none'} → ${input.termEndsOn} (${input.documentNumber}, ${input.decidedBy})`;
    Object.assign(membership, { termEndsOn: input.termEndsOn, termDocumentNumber: input.documentNumber });
    return membership;
  }, (m) => ({ subjectType: m.subjectType, subjectId: m.subjectId, targetId: m.id, outcome }));
}

/**
 * hostile11 F5: a removal takes effect after the listing day. A removal on the listing day would erase
 * the listing from every past day it stood (removedOn is the first day off the list); a listing entered
 * in error is withdrawn as such (withdrawListing), not removed.
 */
function assertRemovedAfterListing(listedOn: string, removedOn: string): void {
  if (removedOn > listedOn) return;
  throw new BadUserInputError('removedOn', `移出日期（${removedOn}）不晚于列入日期（${listedOn}）：移出自列入之后的某日起生效，请填写移出决定所载日期；列入本身登记有误的（如登记错了主体），不以移出处理，请以 withdrawListing 作为误登记撤回该列入（三(七)“经核实有误的信息应及时更正或撤销”；列入在今日之前登记且列入日已过的，由 OFFICER 或 ADMIN 办理），撤回后该列入在任何一天都不计入。 / the removal day (${removedOn}) is on or before the listing day (${listedOn}): a removal takes effect on a day after the listing; give the day the removal decision states. A listing entered in error (against the wrong subject, say) is not removed: withdraw it as entered in error with withdrawListing (三(七); for a listing on record before today whose listing day has passed, an OFFICER or ADMIN does it), after which it counts on no day.`);
}

/** What a listing must be before anything is read: its keeper, its decision's number, its subject type and day. */
function assertListingPlausible(input: ListingFields): void {
  const keeper = LIST_KEEPERS[input.list];
  if (!keeper.subjectTypes.includes(input.subjectType)) {
    throw new BadUserInputError('subjectType', `${input.list} 只收录 ${keeper.subjectTypes.join('、')}，不收录 ${input.subjectType}。 / ${input.list} holds ${keeper.subjectTypes.join(', ')} only, never a ${input.subjectType}.`);
  }
  const body = keeperProblem(input.list, input.listedBy, 'listedBy');
  if (body) throw new BadUserInputError('listedBy', body);
  const numberProblem = documentNumberProblem(input.documentNumber);
  if (numberProblem) throw new BadUserInputError('documentNumber', numberProblem);
  if (input.listedOn < keeper.since) {
    throw new BadUserInputError('listedOn', `${input.listedOn} 早于 ${input.list} 建立之日 ${keeper.since}；请核对列入日期。 / ${input.listedOn} is before ${input.list} began (${keeper.since}); check the listing day.`);
  }
}

/** A listing withdrawn as entered in error is history: nothing more is recorded on it (CONFLICT). */
function assertNotEnteredInError(m: ListMembership, field: string): void {
  if (!m.enteredInErrorAt) return;
  throw new ConflictError(field, `该列入已作为误登记撤回（${m.enteredInErrorReason}），在任何一天都不计入，不再登记移出或期限。 / the listing was withdrawn as entered in error (${m.enteredInErrorReason}); it counts on no day, and no removal or term is recorded on it.`);
}

export interface ListingWithdrawalFields {
  membershipId: string;
  /** What was found wrong. */
  reason: string;
  /** The document the finding rests on, when there is one (e.g. the decision on an objection). */
  documentNumber?: string | null;
}

/**
 * lawyer22 W2: withdraws a listing registered here in error (against the wrong subject, a name clash, a
 * listing the keeper never made) — 三(七) “经核实有误的信息应及时更正或撤销” covers this system's own
 * entries. Like a grade withdrawn as ENTERED_IN_ERROR it never held: it counts on no day, past days
 * included, and stays in the history with who withdrew it, when and why. The keeper's own list is not
 * touched: an enterprise the court does list is entered again as it is. It erases the listing from every
 * day since its listing day, so for a listing on record before today whose day has passed it takes a
 * second person (OFFICER or ADMIN, listing-past-days.ts); a listing entered today, or one whose day has
 * not come, stays the clerk's. Audited WITHDRAW_LISTING; the row changes, so verdicts resting on it go stale.
 */
export async function withdrawListing(em: EntityManager, actor: Viewer, input: ListingWithdrawalFields): Promise<ListMembership> {
  if (input.documentNumber) {
    const numberProblem = documentNumberProblem(input.documentNumber);
    if (numberProblem) throw new BadUserInputError('documentNumber', numberProblem);
  }
  return withAudit(em, actor, AuditAction.WITHDRAW_LISTING, async (tx) => {
    const membership = await findOrFail(tx, ListMembership, 'list membership', input.membershipId, 'membershipId', { lock: true });
    if (membership.enteredInErrorAt) {
      throw new ConflictError('membershipId', `该列入已于 ${membership.enteredInErrorAt.toISOString()} 作为误登记撤回（${membership.enteredInErrorReason}）。 / the listing was already withdrawn as entered in error at ${membership.enteredInErrorAt.toISOString()} (${membership.enteredInErrorReason}).`);
    }
    assertMayWithdrawListing(actor, membership, await listingEnteredBy(tx, membership.id));
    Object.assign(membership, { enteredInErrorAt: new Date(), enteredInErrorBy: actor.subject ?? actor.role, enteredInErrorReason: input.reason, enteredInErrorDocumentNumber: input.documentNumber ?? null });
    return membership;
  }, (m) => ({ subjectType: m.subjectType, subjectId: m.subjectId, targetId: m.id, outcome: `withdrawn ${m.list} listed ${m.listedOn} (${m.documentNumber}) as entered in error` }));
}
