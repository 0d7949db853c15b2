import type { Viewer } from '../auth/role';
import type { CommitmentDomain } from '../domain/commitment';
import type { CommitmentSelection } from '../domain/commitment-facts';
import type { CreditOptions, SeverityPeriods } from '../domain/counting-period';
import { creditFacts } from '../domain/credit-facts';
import { RecordCategory, type Severity } from '../domain/credit-record';
import { chinaDate } from '../domain/day';
import { listFacts } from '../domain/list-membership';
import { listingEndedRecords } from '../domain/listing-ended-record';
import { parsePeriod, type Period } from '../domain/period';
import { reviewPeriodOn, type ReviewPeriod } from '../domain/review-period';
import { periodProblem, yearStartProblem } from '../domain/facts-arguments';
import type { SubjectType } from '../domain/subject';
import { BadUserInputError } from '../errors';
import { factsOnce } from './facts-memo';
import { subjectKey, type Loaders } from './loaders';
import type { SeverityPeriodsInput } from './types/credit-facts.type';
import { visibleRecords } from './visibility';
import { factsRows } from './list-caps';
import type { FactsField } from '../engine/query-cost';
import type { FindingObjectionRow, ObjectionRow, RecordRow, RepairRow } from './fact-rows';

/**
 * What the facts resolvers (src/graphql/resolvers/*-facts.resolver.ts) share: their policy
 * arguments read and checked, and the credit and list facts of a subject computed from the plain
 * rows of src/graphql/fact-rows.ts.
 */

/** A period argument, or BAD_USER_INPUT naming the argument. */
export function period(value: string | null | undefined, field: string): Period | null {
  if (value == null) return null;
  const parsed = parsePeriod(value);
  if (!parsed) throw new BadUserInputError(field, periodProblem(value)!.en);
  return parsed;
}

function periods(input: SeverityPeriodsInput | null | undefined): SeverityPeriods | null {
  if (!input) return null;
  return {
    minor: period(input.minor, 'countsFor.minor')!,
    general: period(input.general, 'countsFor.general')!,
    major: period(input.major, 'countsFor.major')!,
    severe: period(input.severe, 'countsFor.severe')!,
  };
}

/** How a credit field reads the records: its policy arguments, as the parameters in force give them. */
export interface CreditReading {
  countsFor: SeverityPeriodsInput | null;
  trustworthyFor: string | null;
  actsFrom: string | null;
  dishonestyCategories: RecordCategory[] | null;
  inOfficeCategories?: RecordCategory[] | null;
  graveSeverities: Severity[] | null;
}

function creditOptions(reading: CreditReading): CreditOptions {
  const countsFor = periods(reading.countsFor);
  const trustworthy = period(reading.trustworthyFor, 'trustworthyFor');
  return { countsFor: countsFor || trustworthy ? { ...(countsFor ?? {}), trustworthy } as SeverityPeriods : null, actsFrom: reading.actsFrom, dishonestyCategories: reading.dishonestyCategories, inOfficeCategories: reading.inOfficeCategories ?? null, graveSeverities: reading.graveSeverities };
}

/** A loader's answer, or its error thrown: a facts read never counts from a list it could not read. */
function throwIf<T>(value: T | Error): T {
  if (value instanceof Error) throw value;
  return value;
}

/** Repairs of many records, each list loaded in one batch. */
async function repairsOf(loaders: Loaders, ids: string[]) {
  const lists = await loaders.factRows.repairsOfRecord.loadMany(ids);
  const byId = new Map(ids.map((rid, i) => [rid, lists[i] instanceof Error ? [] : (lists[i] as Exclude<(typeof lists)[number], Error>)]));
  return (rid: string) => byId.get(rid) ?? [];
}

/** The repairs and objections of a subject's records, by record id. */
interface RecordHistories {
  repairs: (recordId: string) => RepairRow[];
  objections: (recordId: string) => ObjectionRow[];
  /** A 四(四) entry's unit objections to the finding it rests on (lawyer14 R1); none for other records. */
  findingObjections: (recordId: string) => FindingObjectionRow[];
}

/**
 * Histories already gathered, by the list of records they are of. A civil servant's facts read
 * `credit` five times over (personal, government dishonesty, findings …) and their agency's once
 * for each of its servants in a sweep's chunk, and each read gathered the same records' repairs and
 * objections again (a promise per record per field). The fields differ in how they count, not in
 * what they count from: a list the loader gave (its cached array, per read or request) gathers its
 * histories once. A list cut for one field (the public's disclosed records, `occurredFrom`) is a new
 * array and gathers its own, as before: no record's history is read that the field does not count.
 */
const gathered = new WeakMap<readonly RecordRow[], Promise<RecordHistories>>();

function historiesOf(loaders: Loaders, records: readonly RecordRow[]): Promise<RecordHistories> {
  let histories = gathered.get(records);
  if (!histories) {
    const ids = records.map((r) => r.id);
    // Only 四(四) entries rest on a unit's finding: no statement for a subject without one.
    const entries = records.filter((r) => r.category === RecordCategory.COMMITMENT_DERELICTION).map((r) => r.id);
    histories = Promise.all([repairsOf(loaders, ids), loaders.factRows.objectionsOfRecord.loadMany(ids), loaders.factRows.findingObjectionsOfEntry.loadMany(entries)]).then(([repairs, objections, ofFindings]) => {
      const objectionsById = new Map(ids.map((rid, i) => [rid, objections[i] instanceof Error ? [] : (objections[i] as ObjectionRow[])]));
      const findingById = new Map(entries.map((rid, i) => [rid, throwIf(ofFindings[i])]));
      return { repairs, objections: (rid: string) => objectionsById.get(rid) ?? [], findingObjections: (rid: string) => findingById.get(rid) ?? [] };
    });
    gathered.set(records, histories);
  }
  return histories;
}

/**
 * Credit facts of any subject: records, their repairs and objections, each loaded in one batch.
 * The public's facts come from the records publicly disclosed today only, whatever asOf it asks
 * (a past asOf must not bring back a record whose disclosure has ended). Evaluations never read
 * as the public: their facts queries run as the system.
 */
export function creditFactsOf(loaders: Loaders, viewer: Viewer, field: FactsField, type: SubjectType, id: string, asOf: Date, reading: CreditReading, occurredFrom?: string) {
  // Once per request for the same field, subject, day and reading, however many aliases and parents ask (facts-memo.ts).
  return factsOnce(loaders, viewer, field, id, asOf, [reading, occurredFrom ?? null], (perReading) => computeCreditFacts(loaders, viewer, field, type, id, asOf, () => perReading(() => creditOptions(reading)), occurredFrom));
}

async function computeCreditFacts(loaders: Loaders, viewer: Viewer, field: FactsField, type: SubjectType, id: string, asOf: Date, options: () => CreditOptions, occurredFrom?: string) {
  const key = subjectKey(type, id);
  // A record behind a listing its keeper ended counts no more (lawyer21 R1): the subject's listings, a row or two,
  // asked with its records, so that they go out in the tick the other subjects' listings do (a civil servant's
  // own `listings`): one statement for the servant's and the agency's, not one each (issue 13, perf20).
  const [recordRows, memberships] = await Promise.all([loaders.factRows.recordsOfSubject.load(key), loaders.factRows.membershipsOfSubject.load(key)]);
  const all = visibleRecords(viewer, recordRows);
  // The rows computed over: at most the cap the field is priced at, for callers (list-caps.ts).
  const records = factsRows(viewer, field, occurredFrom ? all.filter((r) => r.occurredOn >= occurredFrom) : all);
  const { repairs, objections, findingObjections } = await historiesOf(loaders, records);
  const on = chinaDate(asOf);
  return { on, ...creditFacts(records, repairs, objections, on, options(), findingObjections, listingEndedRecords(memberships, on)) };
}

/** List memberships of any subject on the day, with the repairs and objections (a revocation) of the records behind them. */
export function listFactsOf(loaders: Loaders, viewer: Viewer, field: FactsField, type: SubjectType, id: string, asOf: Date) {
  return factsOnce(loaders, viewer, field, id, asOf, [], () => computeListFacts(loaders, viewer, field, type, id, asOf));
}

async function computeListFacts(loaders: Loaders, viewer: Viewer, field: FactsField, type: SubjectType, id: string, asOf: Date) {
  const memberships = factsRows(viewer, field, await loaders.factRows.membershipsOfSubject.load(subjectKey(type, id)));
  const ids = memberships.flatMap((m) => (m.recordId ? [m.recordId] : []));
  const [repairs, objections] = await Promise.all([repairsOf(loaders, ids), loaders.factRows.objectionsOfRecord.loadMany(ids)]);
  // A read that failed fails the facts: a revocation must not go unseen (throwIf).
  const objectionsById = new Map(ids.map((rid, i) => [rid, throwIf(objections[i])]));
  return listFacts(memberships, repairs, chinaDate(asOf), (rid) => objectionsById.get(rid) ?? []);
}

/** The review period containing the day, from the first day of the review year, checked. */
export function reviewOn(on: string, startsOn: string | null): ReviewPeriod | null {
  if (startsOn == null) return null;
  const problem = yearStartProblem(startsOn);
  if (problem) throw new BadUserInputError('reviewYearStartsOn', problem.en);
  return reviewPeriodOn(on, startsOn);
}

export function selection(domains: CommitmentDomain[] | null, publiclyDisclosed: boolean | null, actsFrom: string | null, review: ReviewPeriod | null = null): CommitmentSelection {
  return { domains, publiclyDisclosed, actsFrom, review };
}
