import { print } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from './context';

/**
 * Identical root query fields share one result within a request. `a: agencies(first: 100) { … }`,
 * `b: agencies(first: 100) { … }` … with the same arguments and the same selection ran one page
 * statement each (60 aliases, 60 statements reading the same 101 rows); the first now runs it, and
 * the others take its result, so the statements of a request grow with what it asks, not with how
 * often it repeats it. Fields differ by name, arguments (as coerced, variables filled in) or
 * selection (printed: the resolvers read their selection, e.g. whether `totalCount` is asked),
 * and those are priced and run each (src/engine/query-cost.ts). Queries only: a mutation's root
 * fields are its writes, each its own.
 */
const sharedOf = new WeakMap<object, Map<string, Promise<unknown>>>();

export const ShareIdenticalRootFields: MiddlewareFn<GraphQLContext> = ({ args, info, context }, next) => {
  if (info.operation.operation !== 'query' || info.parentType !== info.schema.getQueryType()) return next();
  const key = JSON.stringify([info.fieldName, args, info.fieldNodes.map((node) => (node.selectionSet ? print(node.selectionSet) : ''))]);
  let shared = sharedOf.get(context);
  if (!shared) sharedOf.set(context, (shared = new Map()));
  let result = shared.get(key);
  if (!result) {
    result = Promise.resolve().then(next);
    shared.set(key, result);
  }
  return result;
};
