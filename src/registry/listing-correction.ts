import type { EntityManager } from '@mikro-orm/postgresql';
import { withAudit } from '../audit/audit.service';
import { PERMISSIONS, type Viewer } from '../auth/role';
import { AuditAction } from '../domain/audit';
import { chinaDate, chinaToday } from '../domain/day';
import { CreditRecord, ListMembership } from '../db/entities';
import { findOrFail } from '../db/repositories/lookup';
import { BadUserInputError, ConflictError } from '../errors';
import { assertDateOrder } from './date-order';
import { decidingBodyProblem } from './deciding-body';
import { documentNumberProblem, keeperProblem, LIST_KEEPERS } from './document-numbers';
import { listingEnteredBy } from './entered-by';
import { assertListingTerm } from './listing-term';
import { assertMayRewritePastDays, enRoles, secondPersonsFor, zhRoles } from './past-days';

export interface ListingCorrectionFields {
  membershipId: string;
  listedOn?: string | null;
  documentNumber?: string | null;
  listedBy?: string | null;
  /** Why: the keeper's or the court's correction (法释〔2017〕7号 art. 12), or the slip found here. */
  reason: string;
}

/** The details a correction may change; withAudit records them old → new (Correction, src/audit/changes.ts). */
const CORRECTABLE = ['listedOn', 'documentNumber', 'listedBy'] as const;

/** Who enters a correction that reaches back over past days: the second persons of those who enter listings (ADMIN). */
export const PAST_LISTING_CORRECTORS = secondPersonsFor(PERMISSIONS.writeRegistry);

/**
 * lawyer24 R3, law28: corrects a standing listing's details — the listing day, the decision's number,
 * the listing body — as the keeper or the court corrected them (法释〔2017〕7号 art. 12: inaccurate
 * information is corrected, the listing stands). A listing registered against the wrong subject, or one
 * never made, is withdrawn instead (withdrawListing); its end is a removal, its term setListingTerm.
 *
 * Every check a listing passes at entry is made again on the corrected listing: its keeper, the form of
 * the number, the day the list began, the record behind it (occurred by the listing day), its removal
 * (after the listing day, by the corrected body or one above it), its term, and no overlap with another
 * listing of the same list. Past as-of evaluations and rechecks read the listing day (whether it holds)
 * and the body and number (in the facts and the explanation's words), so on a listing on record before
 * today a correction that alters a day before today takes a second person (past-days.ts): a moved
 * listing day from the earlier of the two days, a body or number from the listing day. Audited
 * CORRECT_LISTING old → new with the reason; verdicts resting on it go stale.
 */
export async function correctListing(em: EntityManager, actor: Viewer, input: ListingCorrectionFields): Promise<ListMembership> {
  if (input.listedOn == null && input.documentNumber == null && input.listedBy == null) {
    throw new BadUserInputError('input', '未给出要更正的内容：请填写更正后的 listedOn、documentNumber 或 listedBy。 / nothing to correct: give the corrected listedOn, documentNumber or listedBy.');
  }
  if (input.documentNumber != null) {
    const problem = documentNumberProblem(input.documentNumber);
    if (problem) throw new BadUserInputError('documentNumber', problem);
  }
  return withAudit(em, actor, AuditAction.CORRECT_LISTING, async (tx, correction) => {
    const m = await findOrFail(tx, ListMembership, 'list membership', input.membershipId, 'membershipId', { lock: true });
    if (m.enteredInErrorAt) {
      throw new ConflictError('membershipId', `该列入已作为误登记撤回（${m.enteredInErrorReason}），在任何一天都不计入，不再更正。 / the listing was withdrawn as entered in error (${m.enteredInErrorReason}); it counts on no day and is not corrected.`);
    }
    const next = { listedOn: input.listedOn ?? m.listedOn, documentNumber: input.documentNumber ?? m.documentNumber, listedBy: input.listedBy ?? m.listedBy };
    if (next.listedOn === m.listedOn && next.documentNumber === m.documentNumber && next.listedBy === m.listedBy) {
      throw new BadUserInputError('input', `更正后的内容与登记的相同（${m.listedOn}，${m.listedBy}，${m.documentNumber}），未作任何更改。 / the corrected details are those recorded (${m.listedOn}, ${m.listedBy}, ${m.documentNumber}); nothing was changed.`);
    }
    const record = m.record ? await tx.findOne(CreditRecord, { id: m.record.id }) : null;
    assertCorrectedListing(m, next, record?.occurredOn ?? null);
    await assertNoOverlap(tx, m, next.listedOn);
    assertMayCorrectPastDays(actor, m, next, await listingEnteredBy(tx, m.id));
    correction.of(m, CORRECTABLE);
    Object.assign(m, next);
    return m;
  }, (m, corrected) => ({ subjectType: m.subjectType, subjectId: m.subjectId, targetId: m.id, outcome: `corrected ${m.list} listing: ${corrected?.outcome ?? ''}; reason: ${input.reason}`.slice(0, 1000) }));
}

/** The corrected listing passes what listSubject, removeFromList and setListingTerm ask of one. */
function assertCorrectedListing(m: ListMembership, next: { listedOn: string; listedBy: string }, recordOccurredOn: string | null): void {
  const keeper = LIST_KEEPERS[m.list];
  const body = keeperProblem(m.list, next.listedBy, 'listedBy');
  if (body) throw new BadUserInputError('listedBy', body);
  if (next.listedOn < keeper.since) {
    throw new BadUserInputError('listedOn', `${next.listedOn} 早于 ${m.list} 建立之日 ${keeper.since}；请核对列入日期。 / ${next.listedOn} is before ${m.list} began (${keeper.since}); check the listing day.`);
  }
  if (recordOccurredOn) assertDateOrder('the record\'s occurredOn', recordOccurredOn, 'listedOn', next.listedOn);
  if (m.removedOn && m.removedOn <= next.listedOn) {
    throw new BadUserInputError('listedOn', `更正后的列入日期（${next.listedOn}）不早于已登记的移出日期（${m.removedOn}，${m.removalDocumentNumber}）：移出在列入之后生效。请核对列入日期或移出决定。 / the corrected listing day (${next.listedOn}) is not before the recorded removal (${m.removedOn}, ${m.removalDocumentNumber}): a removal takes effect after the listing day. Check the listing day or the removal decision.`);
  }
  if (m.removedBy && next.listedBy !== m.listedBy) {
    const removal = decidingBodyProblem(m.list, next.listedBy, m.removedBy, 'removedBy');
    if (removal) throw new BadUserInputError('listedBy', `更正后的列入机关（${next.listedBy}）与已登记的移出机关（${m.removedBy}）不合：${removal}`);
  }
  assertListingTerm({ list: m.list, listedOn: next.listedOn, termEndsOn: m.termEndsOn });
}

/** Two listings of one subject on one list never overlap (list_membership_no_overlap): said here, on listedOn. */
async function assertNoOverlap(tx: EntityManager, m: ListMembership, listedOn: string): Promise<void> {
  if (listedOn >= m.listedOn) return; // a later listing day only shortens the listing's own span
  const other = await tx.findOne(ListMembership, {
    id: { $ne: m.id }, subjectType: m.subjectType, subjectId: m.subjectId, list: m.list, enteredInErrorAt: null,
    listedOn: { $lt: m.listedOn }, $or: [{ removedOn: null }, { removedOn: { $gt: listedOn } }],
  });
  if (!other) return;
  throw new BadUserInputError('listedOn', `更正后的列入日期 ${listedOn} 落在该主体另一次列入 ${m.list} 的期间内（${other.listedOn} 列入，${other.removedOn ? `${other.removedOn} 移出` : '未移出'}，${other.documentNumber}）。 / the corrected listing day ${listedOn} falls within the subject's other listing on ${m.list} (listed ${other.listedOn}, ${other.removedOn ? `removed ${other.removedOn}` : 'not removed'}, ${other.documentNumber}).`);
}

/**
 * A listing on record before today has answered for every past day: whether it held (its listing day)
 * and what it was (body and number, kept in verdicts' facts and named in their explanations). A
 * correction that alters a day before today takes a second person (ADMIN); on a listing entered today,
 * or one whose listing day (old and new) is today or later, it stays the clerk's.
 */
function assertMayCorrectPastDays(actor: Viewer, m: ListMembership, next: { listedOn: string; documentNumber: string; listedBy: string }, enteredBy: string | null): void {
  const moved = next.listedOn !== m.listedOn;
  const field = moved ? 'listedOn' : next.listedBy !== m.listedBy ? 'listedBy' : 'documentNumber';
  const from = moved ? [m.listedOn, next.listedOn].sort()[0] : m.listedOn;
  const allowed = PAST_LISTING_CORRECTORS;
  const since = chinaDate(m.createdAt);
  const what = moved
    ? { zh: `将列入日期由 ${m.listedOn} 改为 ${next.listedOn}，会改写 ${from} 起各日是否在名单上`, en: `moving the listing day from ${m.listedOn} to ${next.listedOn} would rewrite whether it held on the days from ${from} on` }
    : { zh: `更正列入机关或文号，会改写 ${from} 以来各日的事实和结论所载的列入机关和文号`, en: `correcting the listing body or number would rewrite the body and number the facts and explanations of every day since ${from} name` };
  assertMayRewritePastDays(actor, { from, onRecordSince: m.createdAt, enteredBy }, {
    allowed,
    field,
    row: { zh: `该列入（${m.listedOn} 列入 ${m.list}，${m.documentNumber}）`, en: `The listing on ${m.list} (listed ${m.listedOn}, ${m.documentNumber})` },
    zh: `该列入（${m.listedOn} 列入 ${m.list}，${m.documentNumber}，${since} 登记）在登记簿上一直计入至今；${what.zh}（以往各日的评估和复核据此作出），须由第二人（${zhRoles(allowed)}）录入。请将列入机关或法院的更正决定交 ${zhRoles(allowed)} 录入；今日（${chinaToday()}）登记的列入，${actor.role} 可自行更正。`,
    en: `the listing on ${m.list} (listed ${m.listedOn}, ${m.documentNumber}, on record since ${since}) has counted on the registry's word every day to today; ${what.en}, which past as-of evaluations and rechecks read. Entering it takes a second person: one of ${enRoles(allowed)}. Hand the keeper's or the court's correction to ${enRoles(allowed)}; a listing entered today (${chinaToday()}) the ${actor.role} role may correct itself.`,
  });
}
