import { GraphQLError } from 'graphql';
import { SYSTEM_VIEWER, type Viewer } from '../auth/role';
import { FACTS_FIELDS, PLAIN_LIST_CAPS, type CappedList, type FactsField } from '../engine/query-cost';

/** The items of a capped plain list (see PLAIN_LIST_CAPS for why), or LIST_TOO_LONG when there are more than its cap. */
export function capped<T>(field: CappedList, items: readonly T[]): T[] {
  const { cap, instead } = PLAIN_LIST_CAPS[field];
  if (items.length <= cap) return [...items];
  throw new GraphQLError(
    `${field} holds ${items.length} items, more than the ${cap} a plain list returns (the query cost limit counts on it). Ask for ${instead} instead. Nothing else was affected.`,
    { extensions: { code: 'LIST_TOO_LONG', field, limit: cap, found: items.length } },
  );
}

/**
 * The rows a subject's facts field computes over (FACTS_FIELDS: credit records, listings,
 * commitments, court cases). Its price counts on at most the cap of the list they come from; a
 * caller asking the field of a subject with more is refused with LIST_TOO_LONG, naming where to
 * read them a page at a time — the facts are never computed from a list cut short. The facts
 * runner (the system: evaluate, assess, publicStatus, sweeps, previews) takes every row, so no
 * verdict is decided on a truncated list, and its facts queries are not priced by callers.
 */
export function factsRows<T>(viewer: Viewer, field: FactsField, items: T[]): T[] {
  if (viewer === SYSTEM_VIEWER) return items;
  const { cap, instead } = PLAIN_LIST_CAPS[FACTS_FIELDS[field]];
  if (items.length <= cap) return items;
  throw new GraphQLError(
    `${field} would compute over ${items.length} rows (${FACTS_FIELDS[field]}), more than the ${cap} its query cost counts on. Read ${instead} a page at a time, or evaluate or assess the subject (evaluations read every row as the system). Nothing else was affected.`,
    { extensions: { code: 'LIST_TOO_LONG', field, limit: cap, found: items.length } },
  );
}
