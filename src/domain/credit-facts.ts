import { RecordCategory, RecordKind, RecordStatus, Severity } from './credit-record';
import { RepairStatus } from './credit-repair';
import { ObjectionStatus } from './objection';

/**
 * What the records of one subject say as of a date: the facts the rule files read. Pure
 * functions over plain data, so the API, the rules' own cases and the tests agree.
 *
 * A dishonesty record counts on day D when it is not revoked (a revoked record was a mistake, so
 * it counts for no date), occurred on or before D, its disclosure period had not ended before D,
 * and — where the rules' parameters give one — D is within the number of days its severity counts
 * for after it occurred.
 */
export interface RecordLike {
  id: string;
  kind: RecordKind;
  category: RecordCategory;
  severity?: Severity | null;
  status: RecordStatus;
  occurredOn: string;
  recordedOn: string;
  disclosureEndsOn?: string | null;
  documentNumber: string;
  sourceDepartment: string;
}

export interface RepairLike {
  status: RepairStatus;
  decidedOn?: string | null;
}

export interface ObjectionLike {
  status: ObjectionStatus;
  filedOn: string;
  resolvedOn?: string | null;
}

/** How many days after it occurred a record of each severity counts (a policy parameter). */
export interface SeverityDays {
  general: number;
  major: number;
  severe: number;
}

export interface CountingRecord {
  id: string;
  category: RecordCategory;
  severity: Severity | null;
  occurredOn: string;
  recordedOn: string;
  documentNumber: string;
  sourceDepartment: string;
  /** An approved credit repair (信用修复) was decided on or before the date. */
  repaired: boolean;
  /** An objection was pending on the date. */
  disputed: boolean;
}

export interface CreditFacts {
  dishonest: number;
  general: number;
  major: number;
  severe: number;
  unrepaired: number;
  unrepairedGeneral: number;
  unrepairedMajor: number;
  unrepairedSevere: number;
  repaired: number;
  disputed: number;
  trustworthy: number;
  judgmentDefaulter: boolean;
  seriousIllegalDishonest: boolean;
  categories: RecordCategory[];
  lastDishonestOn: string | null;
  records: CountingRecord[];
}

const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

const SEVERITY_KEY: Record<Severity, keyof SeverityDays> = {
  [Severity.GENERAL]: 'general',
  [Severity.MAJOR]: 'major',
  [Severity.SEVERE]: 'severe',
};

/** Does the record count on day `on`? */
export function recordCounts(record: RecordLike, on: string, countsForDays?: SeverityDays | null): boolean {
  if (record.status === RecordStatus.REVOKED || record.occurredOn > on) return false;
  if (record.disclosureEndsOn && record.disclosureEndsOn < on) return false;
  if (countsForDays && record.severity && daysBetween(record.occurredOn, on) > countsForDays[SEVERITY_KEY[record.severity]]) return false;
  return true;
}

export function repairedOn(repairs: RepairLike[], on: string): boolean {
  return repairs.some((r) => r.status === RepairStatus.APPROVED && !!r.decidedOn && r.decidedOn <= on);
}

export function disputedOn(objections: ObjectionLike[], on: string): boolean {
  return objections.some((o) => o.filedOn <= on && (o.status === ObjectionStatus.PENDING || (!!o.resolvedOn && o.resolvedOn > on)));
}

/** The credit facts of one subject on day `on`. */
export function creditFacts(
  records: RecordLike[],
  repairsOf: (recordId: string) => RepairLike[],
  objectionsOf: (recordId: string) => ObjectionLike[],
  on: string,
  countsForDays?: SeverityDays | null,
): CreditFacts {
  const counting = records.filter((r) => recordCounts(r, on, countsForDays));
  const dishonest: CountingRecord[] = counting
    .filter((r) => r.kind === RecordKind.DISHONEST)
    .sort((a, b) => (a.occurredOn === b.occurredOn ? a.id.localeCompare(b.id) : a.occurredOn < b.occurredOn ? 1 : -1))
    .map((r) => ({
      id: r.id,
      category: r.category,
      severity: r.severity ?? null,
      occurredOn: r.occurredOn,
      recordedOn: r.recordedOn,
      documentNumber: r.documentNumber,
      sourceDepartment: r.sourceDepartment,
      repaired: repairedOn(repairsOf(r.id), on),
      disputed: disputedOn(objectionsOf(r.id), on),
    }));
  const count = (test: (r: CountingRecord) => boolean) => dishonest.filter(test).length;
  return {
    dishonest: dishonest.length,
    general: count((r) => r.severity === Severity.GENERAL),
    major: count((r) => r.severity === Severity.MAJOR),
    severe: count((r) => r.severity === Severity.SEVERE),
    unrepaired: count((r) => !r.repaired),
    unrepairedGeneral: count((r) => !r.repaired && r.severity === Severity.GENERAL),
    unrepairedMajor: count((r) => !r.repaired && r.severity === Severity.MAJOR),
    unrepairedSevere: count((r) => !r.repaired && r.severity === Severity.SEVERE),
    repaired: count((r) => r.repaired),
    disputed: count((r) => r.disputed),
    trustworthy: counting.filter((r) => r.kind === RecordKind.TRUSTWORTHY).length,
    judgmentDefaulter: dishonest.some((r) => r.category === RecordCategory.JUDGMENT_DEFAULTER),
    seriousIllegalDishonest: dishonest.some((r) => r.category === RecordCategory.SERIOUS_ILLEGAL_DISHONEST),
    categories: [...new Set(dishonest.map((r) => r.category))].sort(),
    lastDishonestOn: dishonest[0]?.occurredOn ?? null,
    records: dishonest,
  };
}

/** The calendar day of an instant in China Standard Time (UTC+8, no daylight saving). */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
