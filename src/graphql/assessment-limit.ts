import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { SubjectType } from '../domain/subject';
import { estimateAssessments } from '../engine/query-cost';
import { MAX_ASSESSMENTS_PER_REQUEST } from './assessing';
import type { GraphQLContext } from './context';
import { LIMITS } from './limits';

/**
 * Refuses, before anything runs, a request that may ask for more assessments than
 * MAX_ASSESSMENTS_PER_REQUEST: `publicStatus` counts one pair, `publicStatuses` one per enterprise
 * matter of the rules in force, `assess` one per subject, each times the items of every list it
 * sits in (a page counted at `first`). The resolvers keep their own count (reserveAssessments,
 * src/graphql/assessing.ts), but they count as they resolve: a page of 100 enterprises'
 * `publicStatuses` was refused at the 51st, after the page was read and the first 50 enterprises'
 * facts read and assessed (sec13 L2). Counted here, such a request runs no statement.
 */
export function assessmentLimitPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const matters = contextValue.rules.current.matters.filter((m) => m.subjectTypes.includes(SubjectType.ENTERPRISE)).length;
          let found: number;
          try {
            found = estimateAssessments(schema, document, request.operationName ?? undefined, request.variables ?? {}, LIMITS.costNodes, {
              'Enterprise.publicStatus': () => 1,
              'Enterprise.publicStatuses': () => matters,
              'Query.assess': (args) => (Array.isArray(args.subjects) ? args.subjects.length : 1),
            });
          } catch {
            // The cost check (complexityPlugin, before this one) refuses what cannot be estimated.
            return;
          }
          if (found <= MAX_ASSESSMENTS_PER_REQUEST) return;
          throw new GraphQLError(
            `The query may assess ${found} subject-matter pairs (publicStatus 1, publicStatuses ${matters} per enterprise, assess 1 per subject, times each page's \`first\`); the limit is ${MAX_ASSESSMENTS_PER_REQUEST}. Ask for a smaller page, one matter (publicStatus) or fewer subjects, or run a sweep for many. Nothing was run.`,
            { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 }, limit: MAX_ASSESSMENTS_PER_REQUEST, found } },
          );
        },
      };
    },
  };
}
