import { GraphQLError } from 'graphql';
import DataLoader from 'dataloader';
import type { Decision } from '../domain/verdict';
import { SubjectType } from '../domain/subject';
import { chinaDate } from '../domain/day';
import { assessPairs, assessPairsWithVersions, assessSubjects, type SubjectMatter } from '../evaluation/assess.service';
import { rowVersionsOf } from '../evaluation/row-versions';
import type { SubjectRef } from '../evaluation/facts';
import { evaluationDeps, type GraphQLContext } from './context';
import type { PublicStatusCache, PublicStatusKey } from './public-status-cache';
import { atMost, type StatementGate } from './statement-gate';

/**
 * Assessments (statuses that are shown, not recorded) run the whole evaluation on reading, so one
 * request may ask for this many: a page of 100 subjects for one matter.
 */
export const MAX_ASSESSMENTS_PER_REQUEST = 100;

/**
 * Facts reads of one request running at once. Each is a read-only transaction holding one pooled
 * connection (src/db/orm.ts: 10) for its whole read; without a bound, a request's reads could take
 * every connection while other callers, even a trivial count, waited (hostile4 H1). Batched as
 * below, a request rarely has more than one read to run.
 */
export const FACTS_READS_AT_ONCE = 2;

interface RequestAssessing {
  assessed: number;
  /** The request's facts reads, FACTS_READS_AT_ONCE at a time. */
  reads: StatementGate;
  /** publicStatus by "MATTER:enterprise id": one facts read for all those asked in a tick. */
  enterpriseStatus?: DataLoader<string, Decision | Error>;
}

const requests = new WeakMap<GraphQLContext, RequestAssessing>();

function assessingOf(context: GraphQLContext): RequestAssessing {
  let found = requests.get(context);
  if (!found) requests.set(context, (found = { assessed: 0, reads: atMost(FACTS_READS_AT_ONCE) }));
  return found;
}

/** Takes `count` assessments from the request's allowance, or refuses before any runs. */
export function reserveAssessments(context: GraphQLContext, count: number): void {
  const request = assessingOf(context);
  if (request.assessed + count > MAX_ASSESSMENTS_PER_REQUEST) {
    throw new GraphQLError(
      `A request may assess at most ${MAX_ASSESSMENTS_PER_REQUEST} subject-matter pairs (this one asks for more than that); ask for fewer subjects or one matter, or run a sweep for many.`,
      { extensions: { code: 'QUERY_TOO_COMPLEX', limit: MAX_ASSESSMENTS_PER_REQUEST } },
    );
  }
  request.assessed += count;
}

/**
 * An enterprise's assessment for a matter, as publicStatus shows it. Every publicStatus of a page
 * asks in the same tick, so the page is assessed in one facts read (as `assess` does), not one
 * read per enterprise; all of a request's are as of one moment. Reserve the allowance first.
 */
export function assessEnterpriseNow(context: GraphQLContext, enterpriseId: string, matter: string): Promise<Decision> {
  const request = assessingOf(context);
  if (!request.enterpriseStatus) {
    const asOf = new Date();
    request.enterpriseStatus = new DataLoader<string, Decision | Error>(async (keys) => {
      const pairs = keys.map((key) => {
        const at = key.indexOf(':');
        return { subject: { type: SubjectType.ENTERPRISE, id: key.slice(at + 1) }, matter: key.slice(0, at) };
      });
      const cache = context.publicStatuses;
      if (!cache || cache.size <= 0) return request.reads(() => assessPairs(evaluationDeps(context), pairs, asOf));
      return assessThroughCache(context, request, cache, pairs, asOf);
    });
  }
  return request.enterpriseStatus.load(`${matter}:${enterpriseId}`) as Promise<Decision>;
}

/**
 * A page's statuses through the cache (public-status-cache.ts): one statement reads the digests of
 * the enterprises' row versions now; a status cached under the same enterprise, matter, day, rule
 * set and digest is the one an assessment would give, and is served with this request's moment.
 * The others are assessed in one facts read, which reads their digests in its own snapshot: each
 * new status is cached under the rows it was decided from, never under rows read before or after.
 */
async function assessThroughCache(context: GraphQLContext, request: RequestAssessing, cache: PublicStatusCache, pairs: SubjectMatter[], asOf: Date): Promise<(Decision | Error)[]> {
  const deps = evaluationDeps(context);
  const day = chinaDate(asOf);
  const keyOf = (pair: SubjectMatter, rowVersions: string): PublicStatusKey => ({ enterpriseId: pair.subject.id, matter: pair.matter, day, ruleSetVersion: deps.ruleSet.version, rowVersions });
  const now = await request.reads(() => rowVersionsOf(context.em, pairs.map((pair) => pair.subject)));
  const answers: (Decision | Error | undefined)[] = pairs.map((pair, i) => {
    const hit = cache.get(keyOf(pair, now[i]));
    return hit && { ...hit, asOf };
  });
  const missing = pairs.flatMap((pair, i) => (answers[i] ? [] : [i]));
  if (missing.length) {
    const { decisions, versions } = await request.reads(() => assessPairsWithVersions(deps, missing.map((i) => pairs[i]), asOf));
    missing.forEach((i, j) => {
      const decision = decisions[j];
      answers[i] = decision;
      if (!(decision instanceof Error)) cache.set(keyOf(pairs[i], versions[j]), decision);
    });
  }
  return answers as (Decision | Error)[];
}

/**
 * The API's call to assess without storing: the evaluate pipeline (the facts runner → decide)
 * through assess.service, in one facts read. Reserve the allowance first.
 */
export function assessManyNow(context: GraphQLContext, subjects: SubjectRef[], matter: string, asOf: Date): Promise<(Decision | Error)[]> {
  return assessingOf(context).reads(() => assessSubjects(evaluationDeps(context), subjects, matter, asOf));
}
