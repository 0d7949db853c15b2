import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { GraphQLError, getNamedType, isListType, isNonNullType, type GraphQLOutputType } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/** Deepest selection allowed: the deepest real query (a page of agencies down to record history) needs 8. */
export const MAX_DEPTH = 12;
/** Highest estimated cost allowed for one operation. */
export const MAX_COMPLEXITY = 100_000;
/** Nested lists without `first` (an agency's civil servants) are assumed to hold this many items. */
const ASSUMED_LIST_SIZE = 5;

export const depthRule = depthLimit(MAX_DEPTH);

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * A connection costs `first` (default 20) times its items, and its `edges` are those same items; a
 * plain list costs ASSUMED_LIST_SIZE times its items; any other field one.
 */
const listEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (getNamedType(field.type).name.endsWith('Connection')) return 1 + (typeof args.first === 'number' ? args.first : 20) * childComplexity;
  if (field.name === 'edges') return 1 + childComplexity;
  return isList(field.type) ? 1 + ASSUMED_LIST_SIZE * childComplexity : undefined;
};

/** Refuses operations whose estimated cost is above MAX_COMPLEXITY, before any resolver runs. */
export function complexityPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            return; // variables that do not fit: execution reports them as BAD_USER_INPUT
          }
          if (complexity > MAX_COMPLEXITY) {
            throw new GraphQLError(`The query is too expensive: its estimated cost is ${complexity}, the limit is ${MAX_COMPLEXITY}. Ask for smaller pages (first) or fewer nested lists.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 }, complexity, limit: MAX_COMPLEXITY },
            });
          }
        },
      };
    },
  };
}
