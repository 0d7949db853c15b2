import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { Role } from '../auth/role';
import { NO_KNOWN_SIZES } from '../engine/query-cost';
import type { GraphQLContext } from './context';
import { estimateOnce } from './cost-estimates';
import { LIMITS } from './limits';
import { ruleSetSizes } from './rule-set-sizes';

/** QUERY_TOO_COMPLEX, with the limit (LIMITS.cost unless told) and what was found. */
function tooComplex(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 }, limit: LIMITS.cost, ...extensions } });
}

/**
 * Refuses operations whose estimated cost is above LIMITS.cost, before any resolver runs. The
 * estimate uses graphql-query-complexity (variables resolved, `first` clamped); when it cannot be
 * made (too many fields to visit, a fragment fan-out) the request is refused, never let through.
 * Armor's own cost rule reads `first` only when written in the query, not from variables (a page
 * of `first: $n` costs what a page of 1 does), and knows no unpaged lists, so it cannot hold the
 * model above.
 */
export function complexityPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          assertAffordable(schema, document, request.operationName, request.variables ?? {}, contextValue);
        },
      };
    },
  };
}

/**
 * The cost check of complexityPlugin, for any operation (subscriptions over WebSocket too): throws the
 * coded error. The lists of the rule set in force count their real sizes (rule-set-sizes.ts); a
 * caller without a token is also held to LIMITS.publicFields.
 */
export function assertAffordable(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>, caller?: Pick<GraphQLContext, 'rules' | 'viewer'>): void {
  const sizes = caller ? ruleSetSizes(caller.rules.current, schema) : NO_KNOWN_SIZES;
  let complexity: number;
  let fields = 0;
  let rows = 0;
  try {
    complexity = estimateOnce(schema, document, operationName ?? undefined, variables, 'cost', sizes);
    if (caller?.viewer.role === Role.PUBLIC) {
      fields = estimateOnce(schema, document, operationName ?? undefined, variables, 'fields', sizes);
      rows = estimateOnce(schema, document, operationName ?? undefined, variables, 'rows', sizes);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/^Variable "\$/.test(message)) {
      throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, field: /^Variable "\$([^"]+)"/.exec(message)?.[1] } });
    }
    throw tooComplex(`The query's cost could not be estimated (${message.replace(/\.$/, '')}; at most ${LIMITS.costNodes} fields are counted, fragments each time they are spread). Send a smaller query. Nothing was run.`);
  }
  if (!Number.isFinite(complexity) || complexity > LIMITS.cost) {
    throw tooComplex(`The query is too expensive: its estimated cost is ${complexity}, the limit is ${LIMITS.cost}. Ask for smaller pages (first) or fewer nested lists. Nothing was run.`, { complexity });
  }
  if (fields > LIMITS.publicFields) {
    throw tooComplex(
      `The answer may hold ${fields} fields (each list counted at its largest, aliases each time); a request without a token may ask for at most ${LIMITS.publicFields}. Ask for fewer aliases, smaller pages (first) or fewer fields, or sign in with a token. Nothing was run.`,
      { limit: LIMITS.publicFields, fields },
    );
  }
  if (rows > LIMITS.publicRowCost) {
    throw tooComplex(
      `The query's root pages would load too many stored rows for a request without a token: ${rows}, each row priced by what loading it costs (a verdict 50, an agency 30, a civil servant or credit record 20, an enterprise 15, another row 10) plus what is computed for each (a verdict's explanation 150, its summary 30 and facts 20 each time asked, its provisional or stale 20, a subject's facts field such as credit or listings 260 for each row it sits under, an enterprise's publicStatus 300 and its publicStatuses 300 per matter) and each alias counted, where the limit is ${LIMITS.publicRowCost}. Ask for fewer aliases, smaller pages (first) or fewer computed fields, or sign in with a token. Nothing was run.`,
      { limit: LIMITS.publicRowCost, rows },
    );
  }
}
