import { GraphQLError } from 'graphql';
import type { Decision } from '../domain/verdict';
import { assessSubject, assessSubjects } from '../evaluation/assess.service';
import type { SubjectRef } from '../evaluation/facts';
import { evaluationDeps, type GraphQLContext } from './context';

/**
 * Assessments (statuses that are shown, not recorded) run the whole evaluation on reading, so one
 * request may ask for this many: a page of 100 subjects for one matter.
 */
export const MAX_ASSESSMENTS_PER_REQUEST = 100;

const assessedIn = new WeakMap<GraphQLContext, number>();

/** Takes `count` assessments from the request's allowance, or refuses before any runs. */
export function reserveAssessments(context: GraphQLContext, count: number): void {
  const assessed = assessedIn.get(context) ?? 0;
  if (assessed + count > MAX_ASSESSMENTS_PER_REQUEST) {
    throw new GraphQLError(
      `A request may assess at most ${MAX_ASSESSMENTS_PER_REQUEST} subject-matter pairs (this one asks for more than that); ask for fewer subjects or one matter, or run a sweep for many.`,
      { extensions: { code: 'QUERY_TOO_COMPLEX', limit: MAX_ASSESSMENTS_PER_REQUEST } },
    );
  }
  assessedIn.set(context, assessed + count);
}

/**
 * The API's calls to assess without storing: the evaluate pipeline (the facts runner → decide)
 * through assess.service. Reserve the allowance first.
 */
export function assessNow(context: GraphQLContext, subject: SubjectRef, matter: string, asOf: Date): Promise<Decision> {
  return assessSubject(evaluationDeps(context), subject, matter, asOf);
}

export function assessManyNow(context: GraphQLContext, subjects: SubjectRef[], matter: string, asOf: Date): Promise<(Decision | Error)[]> {
  return assessSubjects(evaluationDeps(context), subjects, matter, asOf);
}
