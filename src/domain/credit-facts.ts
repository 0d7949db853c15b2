import { RecordCategory, RecordKind, Severity } from './credit-record';
import { countingRecord, type CountingRecord } from './counting-record';
import type { ObjectionLike, RecordLike, RepairLike } from './credit-facts-input';
import { recordCounts, type CreditOptions } from './counting-period';
import { withCopies } from './decision-copies';
import { notCountedBecause, NotCountedReason, type NotCountedRecord } from './not-counted';
import { noListingEnded, type ListingEnded } from './listing-ended-record';

/**
 * What the records of one subject say as of a date: the facts the rule files read. Pure
 * functions over plain data, so the API, the rules' own cases and the tests agree.
 *
 * A dishonesty record counts on day D when it is not revoked (a revoked record was a mistake, so
 * it counts for no date), it had been decided (认定) by D — a past day sees only what had been
 * decided by then —, and — where the rules' parameters give one — D lies in the calendar period its
 * severity counts for, from the decision day (its first day) through the day before the anniversary
 * (see period.ts). The end of its public disclosure (`disclosureEndsOn`) does not end its counting:
 * it only hides the record from the public (三(二)), and a record still restricts and disqualifies
 * within its counting period after disclosure ends. The 2018 document does not decide this; it is
 * a proposed local choice (catalogue 三(七) localChoices, "公示期届满不终止计入"; lawyer19 R8).
 *
 * An approved repair that waives (免于) ends the record's effect on measures from its approval day:
 * the record stays in `records` (marked repaired) and every count and flag a measure reads
 * (`unrepaired*`, the list flags, `categories`) leaves it out. It is still a dishonesty record:
 * 三(七) waives 失信惩戒措施, the punishment, not the record, so `dishonest` (and the severity
 * counts) keep it for what asks whether there is any record at all (守信激励). An approved repair
 * that lightens (从轻, 三(七), civil servants) keeps it counting, marked `lightened`, for a
 * mitigating rule to act on.
 *
 * A second entry of one decision already on file (`duplicateOnFile`, Migration20261205300000OneActOnce)
 * counts once: the copy is left out of every count, flag and `records`, and listed in `notCounted`
 * (DUPLICATE_ON_FILE), so "有2条" never reports one decision twice (lawyer11 W4). A repair or an
 * objection a clerk filed against the copy is one filed against the decision, so the kept record reads
 * them together with its own (三(七) 异议处理、信用修复; lawyer12 W1): the stored rows stay as they are.
 *
 * A record behind a listing its keeper ended (removed, or its recorded term run out) counts towards
 * nothing from that day (`listingEnded`, src/domain/listing-ended-record.ts, lawyer21 R1): listed in
 * `notCounted` as LISTING_REMOVED, naming the listing.
 *
 * `options` (policy parameters the facts queries pass) leave out records of acts before the
 * document took effect and, for a clause that speaks of some conduct only, records of other
 * categories: those are listed in `notCounted` with the reason, and count towards nothing.
 */
export interface CreditFacts {
  /** Counting dishonesty records, waived by a repair or not: whether the subject has any record at all. */
  dishonest: number;
  minor: number;
  general: number;
  major: number;
  severe: number;
  unrepaired: number;
  unrepairedMinor: number;
  unrepairedGeneral: number;
  unrepairedMajor: number;
  unrepairedSevere: number;
  repaired: number;
  /** Unrepaired records whose measures an approved repair lightened. */
  lightened: number;
  /** Unrepaired records with no lightening: what a mitigating rule cannot lower. */
  unlightened: number;
  /**
   * Unrepaired records with no lightening and under no pending objection: what a mitigating rule
   * cannot lower and a restriction may rest on (a disputed record decides nothing: a local choice beside 三(七) 异议处理, catalogue 三(七) localChoices).
   */
  unlightenedUndisputed: number;
  disputed: number;
  /**
   * Unrepaired records under no pending objection (a local choice beside 三(七) 异议处理): what a restriction or a
   * disqualification may rest on, since a disputed record may yet be corrected or revoked.
   */
  unrepairedUndisputed: number;
  /** Unrepaired records of a grave severity (the graveSeverities given) under no pending objection; null when none was given. */
  unrepairedGraveUndisputed: number | null;
  /** The largest loss of one unrepaired record under no pending objection, in yuan (0 when none). */
  largestUndisputedLoss: number;
  trustworthy: number;
  judgmentDefaulter: boolean;
  seriousIllegalDishonest: boolean;
  categories: RecordCategory[];
  lastDishonestOn: string | null;
  records: CountingRecord[];
  /** Dishonesty records that would count on the day but are left out, each with why. */
  notCounted: NotCountedRecord[];
}

const none = (): ObjectionLike[] => [];

/**
 * The credit facts of one subject on day `on`. `findingObjectionsOf`: for a 四(四) entry
 * (COMMITMENT_DERELICTION), the unit's objections to the 履职不力 finding that made it
 * (src/domain/finding-objection.ts): one pending on the day disputes the entry as its own would.
 * `listingEnded`: for a record behind a listing, the listing its keeper had ended by the day (null while one holds).
 */
export function creditFacts(
  records: RecordLike[],
  repairsOf: (recordId: string) => RepairLike[],
  objectionsOf: (recordId: string) => ObjectionLike[],
  on: string,
  options: CreditOptions = {},
  findingObjectionsOf: (recordId: string) => ObjectionLike[] = none,
  listingEnded: (recordId: string) => ListingEnded | null = noListingEnded,
): CreditFacts {
  const inPeriod = records.filter((r) => recordCounts(r, on, options.countsFor));
  // The options' reasons first (a copy, an act before the document …), then a listing its keeper ended.
  const why = (r: RecordLike): [NotCountedReason, ListingEnded | null] | null => {
    const reason = notCountedBecause(r, options);
    if (reason) return [reason, null];
    const ended = r.kind === RecordKind.DISHONEST ? listingEnded(r.id) : null;
    return ended ? [NotCountedReason.LISTING_REMOVED, ended] : null;
  };
  const counting = inPeriod.filter((r) => !why(r));
  const notCounted: NotCountedRecord[] = inPeriod.flatMap((r) => {
    const left = why(r);
    return left
      ? [{ id: r.id, category: r.category, severity: r.severity ?? null, occurredOn: r.occurredOn, decidedOn: r.decidedOn, documentNumber: r.documentNumber, reason: left[0], listingEnded: left[1] }]
      : [];
  });
  const grave = options.graveSeverities ?? null;
  const repairsWithCopies = withCopies(records, repairsOf);
  const objectionsWithCopies = withCopies(records, objectionsOf);
  const dishonest: CountingRecord[] = counting
    .filter((r) => r.kind === RecordKind.DISHONEST)
    .sort((a, b) => (a.occurredOn === b.occurredOn ? a.id.localeCompare(b.id) : a.occurredOn < b.occurredOn ? 1 : -1))
    .map((r) => countingRecord(r, repairsWithCopies(r), objectionsWithCopies(r), findingObjectionsOf(r.id), on));
  // An approved waiver ends the record's effect from its approval day, for every subject type; for agencies
  // and enterprises WAIVE is the only relief. That is law, not a policy parameter: see
  // LIGHTEN_FOR_CIVIL_SERVANTS_ONLY in src/registry/credit-repair.service.ts (law14a R8).
  const inForce = dishonest.filter((r) => !r.repaired);
  const count = (test: (r: CountingRecord) => boolean) => inForce.filter(test).length;
  const undisputed = inForce.filter((r) => !r.disputed);
  return {
    dishonest: dishonest.length,
    minor: dishonest.filter((r) => r.severity === Severity.MINOR).length,
    general: dishonest.filter((r) => r.severity === Severity.GENERAL).length,
    major: dishonest.filter((r) => r.severity === Severity.MAJOR).length,
    severe: dishonest.filter((r) => r.severity === Severity.SEVERE).length,
    unrepaired: inForce.length,
    unrepairedMinor: count((r) => r.severity === Severity.MINOR),
    unrepairedGeneral: count((r) => r.severity === Severity.GENERAL),
    unrepairedMajor: count((r) => r.severity === Severity.MAJOR),
    unrepairedSevere: count((r) => r.severity === Severity.SEVERE),
    repaired: dishonest.length - inForce.length,
    lightened: count((r) => r.lightened),
    unlightened: count((r) => !r.lightened),
    unlightenedUndisputed: undisputed.filter((r) => !r.lightened).length,
    disputed: count((r) => r.disputed),
    unrepairedUndisputed: undisputed.length,
    unrepairedGraveUndisputed: grave ? undisputed.filter((r) => !!r.severity && grave.includes(r.severity)).length : null,
    largestUndisputedLoss: Math.max(0, ...undisputed.map((r) => r.loss ?? 0)),
    trustworthy: counting.filter((r) => r.kind === RecordKind.TRUSTWORTHY).length,
    judgmentDefaulter: inForce.some((r) => r.category === RecordCategory.JUDGMENT_DEFAULTER),
    seriousIllegalDishonest: inForce.some((r) => r.category === RecordCategory.SERIOUS_ILLEGAL_DISHONEST),
    categories: [...new Set(inForce.map((r) => r.category))].sort(),
    lastDishonestOn: dishonest[0]?.occurredOn ?? null,
    records: dishonest,
    notCounted,
  };
}
