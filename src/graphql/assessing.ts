import { GraphQLError } from 'graphql';
import { assessSubject, type Assessment } from '../evaluation/assess.service';
import type { FactsRunner, SubjectRef } from '../evaluation/evaluate.service';
import { createContext, type GraphQLContext } from './context';
import { getSchema } from './schema';

/**
 * Assessments (statuses that are shown, not recorded) run the whole evaluation on reading, so one
 * request may ask for this many: a page of 100 subjects for one matter.
 */
export const MAX_ASSESSMENTS_PER_REQUEST = 100;

interface RequestState {
  runFacts: FactsRunner;
  assessed: number;
}
const perRequest = new WeakMap<GraphQLContext, RequestState>();

async function stateOf(context: GraphQLContext): Promise<RequestState> {
  let state = perRequest.get(context);
  if (!state) {
    // Facts are read as the system: what the rules see must not depend on who asks. One runner per
    // request, so a page of subjects shares its batch loads.
    state = { runFacts: createContext(context.em, context.rules, await getSchema()).runFacts, assessed: 0 };
    perRequest.set(context, state);
  }
  return state;
}

/** Takes `count` assessments from the request's allowance, or refuses the request before any runs. */
export async function reserveAssessments(context: GraphQLContext, count: number): Promise<void> {
  const state = await stateOf(context);
  if (state.assessed + count > MAX_ASSESSMENTS_PER_REQUEST) {
    throw new GraphQLError(
      `A request may assess at most ${MAX_ASSESSMENTS_PER_REQUEST} subject-matter pairs (this one asks for more than that); ask for fewer subjects or one matter, or run a sweep for many.`,
      { extensions: { code: 'QUERY_TOO_COMPLEX', limit: MAX_ASSESSMENTS_PER_REQUEST } },
    );
  }
  state.assessed += count;
}

/**
 * The one call the API makes to assess without storing: the evaluate pipeline (facts query →
 * rules → explanation) through assessSubject. Reserve the allowance first.
 */
export async function assessNow(context: GraphQLContext, subject: SubjectRef, matter: string, asOf: Date): Promise<Assessment> {
  const { runFacts } = await stateOf(context);
  return assessSubject({ em: context.em, ruleSet: context.rules.current, runFacts }, subject, matter, asOf);
}
