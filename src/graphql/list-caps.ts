import { GraphQLError } from 'graphql';
import { PLAIN_LIST_CAPS, type CappedList } from '../engine/query-cost';

/** The items of a capped plain list (see PLAIN_LIST_CAPS for why), or LIST_TOO_LONG when there are more than its cap. */
export function capped<T>(field: CappedList, items: readonly T[]): T[] {
  const { cap, instead } = PLAIN_LIST_CAPS[field];
  if (items.length <= cap) return [...items];
  throw new GraphQLError(
    `${field} holds ${items.length} items, more than the ${cap} a plain list returns (the query cost limit counts on it). Ask for ${instead} instead. Nothing else was affected.`,
    { extensions: { code: 'LIST_TOO_LONG', field, limit: cap, found: items.length } },
  );
}
