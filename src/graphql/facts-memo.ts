import type { Viewer } from '../auth/role';
import { chinaDate } from '../domain/day';
import type { Loaders } from './loaders';

/**
 * Facts already computed in this request (or facts read), by field, reader, subject, day and
 * arguments. A facts field (`credit`, `listings`, `commitmentFacts`, `courtFacts`,
 * `agencyCreditAsPrincipal`) computes its counts over every row of its subject each time it is
 * resolved: the loads were shared per request, the computing was not. A page of 100 records of one
 * enterprise, each asking its `subject`'s `credit` under 9 aliases, computed the same facts 900
 * times (1.1 CPU-s for a 645-byte anonymous request, hostile17 F2). Keyed by the request's loaders
 * (one set per request, and per facts read: src/graphql/facts-runner.ts), so nothing is shared
 * between requests or readers, and a row written after the request began is never hidden by it.
 *
 * The day counts, not the instant: every facts field reads `asOf` as its China Standard Time day
 * (chinaDate), so two instants of one day are one computation. The arguments are compared by value
 * (sameValue: arrays and plain objects member by member, dates by instant), not by identity: GraphQL
 * gives each alias and parent arguments of its own. The answer (or the error, e.g. LIST_TOO_LONG) is
 * the same object for every alias and parent: callers must not change it (none does: resolvers
 * build new objects from it).
 *
 * No key is built per call (issue 13, perf18): a sweep's facts read asks 7 facts fields per civil
 * servant, of which only their agency's `credit` repeats (shared by the agency's servants in the
 * batch); a JSON key per field and subject cost more than the look-up it served. The answers are
 * found through the field, then the few readings of it this request made (one per distinct reader,
 * day and arguments: at most one per use of the field in the query), then the subject's id. The
 * readings are looked at from the one after the last found: a query asks its uses of a field in the
 * same order for each subject (a civil servant's five `credit` fields), so the first looked at is
 * mostly the one.
 */
interface Reading {
  role: Viewer['role'];
  reader: Viewer['subject'];
  day: string;
  args: readonly unknown[];
  /** By subject id. */
  answers: Map<string, Promise<unknown>>;
  /** What compute derived from the arguments alone (perReading): the same for every subject. */
  derived?: { value: unknown };
}

/**
 * Gives compute what it derives from the arguments alone once per reading rather than once per
 * subject: a credit field's periods parsed (facts-of.ts creditOptions), made again for each of a
 * sweep batch's subjects before (issue 13, stop 28). Per request, like the answers, so a rule set
 * reloaded between requests is read anew. A `make` that throws (a bad period argument) keeps
 * nothing: each subject's answer is its own rejection, as before.
 */
export type PerReading = <U>(make: () => U) => U;

/** A field's readings, and where the next look-up starts. */
interface Readings {
  list: Reading[];
  next: number;
}

const computed = new WeakMap<Loaders, Map<string, Readings>>();

/** Equal for the memo: the same primitive, or arrays, dates and plain objects equal member by member. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  let members = 0;
  for (const key in a) {
    if (!Object.prototype.hasOwnProperty.call(a, key)) continue;
    if (!Object.prototype.hasOwnProperty.call(b, key) || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
    members++;
  }
  for (const key in b) if (Object.prototype.hasOwnProperty.call(b, key)) members--;
  return members === 0;
}

export function factsOnce<T>(loaders: Loaders, viewer: Viewer, field: string, subjectId: string, asOf: Date, args: readonly unknown[], compute: (perReading: PerReading) => T | Promise<T>): Promise<T> {
  let memo = computed.get(loaders);
  if (!memo) computed.set(loaders, (memo = new Map()));
  let readings = memo.get(field);
  if (!readings) memo.set(field, (readings = { list: [], next: 0 }));
  const day = chinaDate(asOf);
  const { list } = readings;
  let reading: Reading | undefined;
  for (let k = 0; k < list.length && !reading; k++) {
    const i = (readings.next + k) % list.length;
    const r = list[i];
    if (r.day === day && r.role === viewer.role && r.reader === viewer.subject && sameValue(r.args, args)) {
      reading = r;
      readings.next = (i + 1) % list.length;
    }
  }
  if (!reading) {
    list.push((reading = { role: viewer.role, reader: viewer.subject, day, args, answers: new Map() }));
    readings.next = 0;
  }
  let answer = reading.answers.get(subjectId) as Promise<T> | undefined;
  if (!answer) {
    // An async thunk: a synchronous throw (a bad period argument) becomes the memoised rejection too.
    const found = reading;
    const perReading: PerReading = <U>(make: () => U): U => {
      found.derived ??= { value: make() };
      return found.derived.value as U;
    };
    answer = (async () => compute(perReading))();
    reading.answers.set(subjectId, answer);
  }
  return answer;
}
