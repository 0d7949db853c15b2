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
 * (chinaDate), so two instants of one day are one computation. The arguments are compared as JSON,
 * in the order the resolver passes them. The answer (or the error, e.g. LIST_TOO_LONG) is the same
 * object for every alias and parent: callers must not change it (none does: resolvers build new
 * objects from it).
 */
const computed = new WeakMap<Loaders, Map<string, Promise<unknown>>>();

export function factsOnce<T>(loaders: Loaders, viewer: Viewer, field: string, subjectId: string, asOf: Date, args: readonly unknown[], compute: () => T | Promise<T>): Promise<T> {
  let memo = computed.get(loaders);
  if (!memo) computed.set(loaders, (memo = new Map()));
  const key = JSON.stringify([field, viewer.role, viewer.subject, subjectId, chinaDate(asOf), args]);
  let answer = memo.get(key) as Promise<T> | undefined;
  if (!answer) {
    // An async thunk: a synchronous throw (a bad period argument) becomes the memoised rejection too.
    answer = (async () => compute())();
    memo.set(key, answer);
  }
  return answer;
}
