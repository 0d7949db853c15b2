import { RecordCategory, RecordKind, RecordStatus, Severity } from './credit-record';
import { normalisedNumber } from './document-number';
import { RepairRelief, RepairStatus } from './credit-repair';
import { ObjectionStatus } from './objection';
import { notCountedBecause, type NotCountedOptions, type NotCountedRecord } from './not-counted';
import { runsOn, type Period } from './period';

/**
 * What the records of one subject say as of a date: the facts the rule files read. Pure
 * functions over plain data, so the API, the rules' own cases and the tests agree.
 *
 * A dishonesty record counts on day D when it is not revoked (a revoked record was a mistake, so
 * it counts for no date), it had been decided (认定) by D — a past day sees only what had been
 * decided by then —, and — where the rules' parameters give one — D lies in the calendar period its
 * severity counts for, from the decision day through the corresponding day (民法典 arts. 201–202,
 * see period.ts). The end of its public disclosure (`disclosureEndsOn`) does not end its counting:
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
 * `options` (policy parameters the facts queries pass) leave out records of acts before the
 * document took effect and, for a clause that speaks of some conduct only, records of other
 * categories: those are listed in `notCounted` with the reason, and count towards nothing.
 */
export interface RecordLike {
  id: string;
  kind: RecordKind;
  category: RecordCategory;
  severity?: Severity | null;
  status: RecordStatus;
  occurredOn: string;
  recordedOn: string;
  /** The day the record was decided (认定/决定之日): periods count from it. */
  decidedOn: string;
  /** decidedOn was not registered but estimated (the recorded day stands in for it). */
  decidedOnEstimated?: boolean | null;
  disclosureEndsOn?: string | null;
  documentNumber: string;
  sourceDepartment: string;
  loss?: number | string | null;
  /** A 四(四) entry carried over from a named responsible person, never confirmed by a finding naming them: counts towards nothing. */
  answerableUnconfirmed?: boolean | null;
  /** Whether the act was done in office (履职行为); null: nobody recorded it. */
  inOffice?: boolean | null;
  /** A second entry of a decision already on file: counts towards nothing (one act counts once). */
  duplicateOnFile?: boolean | null;
}

export interface RepairLike {
  status: RepairStatus;
  decidedOn?: string | null;
  /** Absent on repairs decided before reliefs were told apart: those waived. */
  relief?: RepairRelief | null;
  /** False on civil servants' approvals stored before the relief was required (R6): the relief is unconfirmed. */
  reliefStated?: boolean;
  /** The day the approving body stated the relief after an approval recorded without one. */
  reliefStatedOn?: string | null;
}

export interface ObjectionLike {
  status: ObjectionStatus;
  filedOn: string;
  resolvedOn?: string | null;
}

/** The calendar period a record of each severity counts for after its decision (a policy parameter). */
export interface SeverityPeriods {
  minor: Period;
  general: Period;
  major: Period;
  severe: Period;
  /** How long a trustworthy (守信) record counts from its decision day; absent: with no end. */
  trustworthy?: Period | null;
}

/** How the facts are read: each option is a policy parameter passed by a facts query. */
export interface CreditOptions extends NotCountedOptions {
  countsFor?: SeverityPeriods | null;
  /** The severities counted as grave (unrepairedGraveUndisputed); absent: that count is null. */
  graveSeverities?: readonly Severity[] | null;
}

export interface CountingRecord {
  id: string;
  category: RecordCategory;
  severity: Severity | null;
  occurredOn: string;
  recordedOn: string;
  decidedOn: string;
  /** decidedOn is an estimate (the day it was recorded): its period was counted from that estimate. */
  decidedOnEstimated: boolean;
  documentNumber: string;
  sourceDepartment: string;
  /** Economic loss caused, in yuan; null when none was recorded. */
  loss: number | null;
  /** An approved credit repair (信用修复) waived the record's effect on or before the date. */
  repaired: boolean;
  /** An approved repair lightened (从轻) the measures of this record on or before the date. */
  lightened: boolean;
  /** The approval day of the repair that repaired or lightened it. */
  repairApprovedOn: string | null;
  /** Whether that approval stated its relief; null when no approved repair waived or lightened it. */
  repairReliefStated: boolean | null;
  /** The day the approving body stated that relief after the approval (stateRepairRelief); null when the approval stated it. */
  repairReliefStatedOn: string | null;
  /** An objection was pending on the date: the record's own, or the unit's to the finding it rests on (findingDisputed). */
  disputed: boolean;
  /**
   * A 四(四) entry whose 履职不力 finding the unit (agency) disputes, its objection pending on the date
   * (lawyer14 R1): the entry rests on that finding alone, so it is disputed as if objected to itself.
   */
  findingDisputed: boolean;
}

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

const SEVERITY_KEY: Record<Severity, keyof SeverityPeriods> = {
  [Severity.MINOR]: 'minor',
  [Severity.GENERAL]: 'general',
  [Severity.MAJOR]: 'major',
  [Severity.SEVERE]: 'severe',
};

/**
 * The day a record's counting period runs from. A dishonesty record whose decision day was never
 * registered has the recorded day standing in for it (decidedOnEstimated); that day is later than
 * the real decision, and counting from it would lengthen the period against the subject. So its
 * period runs from the act day instead — the earliest day the decision can have been — and the
 * record counts from the recorded day (the earliest day it is known to have been decided) until
 * that period ends: the estimate never extends a period past what the act day gives. A trustworthy
 * record's period runs from its (estimated) decision day: a later start only favours the subject.
 */
export function periodStartsOn(record: Pick<RecordLike, 'kind' | 'occurredOn' | 'decidedOn' | 'decidedOnEstimated'>): string {
  return record.kind === RecordKind.DISHONEST && record.decidedOnEstimated ? record.occurredOn : record.decidedOn;
}

/** Does the record count on day `on`? */
export function recordCounts(record: RecordLike, on: string, countsFor?: SeverityPeriods | null): boolean {
  if (record.status === RecordStatus.REVOKED || record.occurredOn > on || record.decidedOn > on) return false;
  const period =
    record.kind === RecordKind.TRUSTWORTHY ? countsFor?.trustworthy : countsFor && record.severity ? countsFor[SEVERITY_KEY[record.severity]] : undefined;
  if (period && !runsOn(periodStartsOn(record), period, on)) return false;
  return true;
}

/** Does the record count towards the facts on day `on`, read with `options`? What a parameters file's period cases check. */
export function countsTowardsFacts(record: RecordLike, on: string, options: CreditOptions): boolean {
  return recordCounts(record, on, options.countsFor) && !notCountedBecause(record, options);
}

function approvedBy(repairs: RepairLike[], on: string, relief: RepairRelief): RepairLike | undefined {
  return repairs.find((r) => r.status === RepairStatus.APPROVED && !!r.decidedOn && r.decidedOn <= on && (r.relief ?? RepairRelief.WAIVE) === relief);
}

/** Had an approved repair waived the record's effect by day `on`? */
export function repairedOn(repairs: RepairLike[], on: string): boolean {
  return !!approvedBy(repairs, on, RepairRelief.WAIVE);
}

/** The approval day of the repair that had waived the record's effect by day `on`, if any. */
export function repairApprovedOn(repairs: RepairLike[], on: string): string | null {
  return approvedBy(repairs, on, RepairRelief.WAIVE)?.decidedOn ?? null;
}

export function disputedOn(objections: ObjectionLike[], on: string): boolean {
  return objections.some((o) => o.filedOn <= on && (o.status === ObjectionStatus.PENDING || (!!o.resolvedOn && o.resolvedOn > on)));
}

function countingRecord(r: RecordLike, repairs: RepairLike[], objections: ObjectionLike[], findingObjections: ObjectionLike[], on: string): CountingRecord {
  const findingDisputed = disputedOn(findingObjections, on);
  const waived = approvedBy(repairs, on, RepairRelief.WAIVE);
  const lightened = waived ? undefined : approvedBy(repairs, on, RepairRelief.LIGHTEN);
  return {
    id: r.id,
    category: r.category,
    severity: r.severity ?? null,
    occurredOn: r.occurredOn,
    recordedOn: r.recordedOn,
    decidedOn: r.decidedOn,
    decidedOnEstimated: !!r.decidedOnEstimated,
    documentNumber: r.documentNumber,
    sourceDepartment: r.sourceDepartment,
    loss: r.loss == null ? null : Number(r.loss),
    repaired: !!waived,
    lightened: !!lightened,
    repairApprovedOn: (waived ?? lightened)?.decidedOn ?? null,
    repairReliefStated: waived ?? lightened ? (waived ?? lightened)!.reliefStated !== false : null,
    repairReliefStatedOn: (waived ?? lightened)?.reliefStatedOn ?? null,
    disputed: findingDisputed || disputedOn(objections, on),
    findingDisputed,
  };
}

/**
 * The key Migration20261205300000OneActOnce groups one decision's entries by, within one subject:
 * category, decision day and document number as compared; null for what it never grouped (revoked
 * records, 四(四) file entries).
 */
function decisionKey(r: RecordLike): string | null {
  if (r.status === RecordStatus.REVOKED || r.category === RecordCategory.COMMITMENT_DERELICTION) return null;
  return `${r.category}|${r.decidedOn}|${normalisedNumber(r.documentNumber)}`;
}

/**
 * `read` for each record, with, for a kept record, that of every copy of its decision marked
 * duplicateOnFile: what was filed against a copy was filed against the decision (lawyer12 W1).
 */
function withCopies<T>(records: RecordLike[], read: (recordId: string) => T[]): (record: RecordLike) => T[] {
  const copies = new Map<string, string[]>();
  for (const r of records) {
    const key = r.duplicateOnFile ? decisionKey(r) : null;
    if (key) copies.set(key, [...(copies.get(key) ?? []), r.id]);
  }
  return (record) => {
    const key = record.duplicateOnFile ? null : decisionKey(record);
    return [...read(record.id), ...((key && copies.get(key)) || []).flatMap(read)];
  };
}

const none = (): ObjectionLike[] => [];

/**
 * The credit facts of one subject on day `on`. `findingObjectionsOf`: for a 四(四) entry
 * (COMMITMENT_DERELICTION), the unit's objections to the 履职不力 finding that made it
 * (src/domain/finding-objection.ts): one pending on the day disputes the entry as its own would.
 */
export function creditFacts(
  records: RecordLike[],
  repairsOf: (recordId: string) => RepairLike[],
  objectionsOf: (recordId: string) => ObjectionLike[],
  on: string,
  options: CreditOptions = {},
  findingObjectionsOf: (recordId: string) => ObjectionLike[] = none,
): CreditFacts {
  const inPeriod = records.filter((r) => recordCounts(r, on, options.countsFor));
  const counting = inPeriod.filter((r) => !notCountedBecause(r, options));
  const notCounted: NotCountedRecord[] = inPeriod.flatMap((r) => {
    const reason = notCountedBecause(r, options);
    return reason
      ? [{ id: r.id, category: r.category, severity: r.severity ?? null, occurredOn: r.occurredOn, decidedOn: r.decidedOn, documentNumber: r.documentNumber, reason }]
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
