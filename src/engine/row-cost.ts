import { getNamedType, type DocumentNode, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { BY_IDS, FACTS_FIELDS, isList, itemsOf, NO_KNOWN_SIZES, PLAIN_LIST_CAPS, type KnownSizes } from './query-cost';

/**
 * Row pricing: what the stored rows a request's root pages and lists load cost the server, for the
 * anonymous caller's row limit (LIMITS.publicRowCost, src/graphql/limits.ts). It counts items as the
 * cost model does (itemsOf, query-cost.ts) and prices each by its type and the fields asked of it.
 */

/**
 * What loading one stored row of a root page or list costs, by GraphQL type, in units of about 5 µs
 * of one core (about a plain field's): the statement's share, the entity built from it and its
 * edge. Measured on the demo data (60 anonymous aliases of a root page, a different `first` each, so
 * none is shared; one server process): a stored verdict, with its `facts` and `rules` JSONB (about
 * 3 KB), took about 230 µs to load even for `{ id }`, an agency about 150 µs, a credit record about
 * 95 µs, an enterprise about 60 µs. Rows of other root pages count DEFAULT_ROW_COST. Read by
 * estimateRows for the anonymous caller's limit (LIMITS.publicRowCost): priced at one field each, 60
 * such verdict pages were 12,750 and took 1 to 2 CPU-seconds (hostile13 F1).
 */
export const ROW_COSTS: Readonly<Record<string, number>> = {
  Verdict: 50,
  Agency: 30,
  CivilServant: 20,
  CreditRecord: 20,
  Enterprise: 15,
};
export const DEFAULT_ROW_COST = 10;

/**
 * A subject's facts fields (FACTS_FIELDS) for the anonymous row limit: each computes its counts over
 * every row it reads, at most the cap of the list they come from, again for every parent row and
 * alias that is not the same computation (src/graphql/facts-memo.ts shares those). Measured on
 * hostile17 F2's enterprise (98 records): about 1.3 ms of one core for `credit`, about 13 µs a row,
 * so FACTS_UNITS_PER_ROW units a row at the cap: 260 for 100 rows. Unpriced, 100 records' `subject`
 * with 9 aliases of `credit` (900 computations, 1.1 CPU-s) passed the limit; now a page of at most
 * 36 enterprises with one facts field each does, and the attack is refused before any statement.
 */
const FACTS_UNITS_PER_ROW = 2.6;
const FACTS_ROW_FIELD_COSTS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(FACTS_FIELDS).map(([field, source]) => [field, Math.ceil(PLAIN_LIST_CAPS[source].cap * FACTS_UNITS_PER_ROW)]),
);

/**
 * An enterprise's public status, assessed on reading for one matter: the facts query over all its
 * rows and the matter's rules, like a facts field (hostile19 F2). Measured with the status cache
 * missing (a registry larger than PUBLIC_STATUS_CACHE_SIZE keeps every page cold): ten anonymous pages
 * of 100 `publicStatus` took 1.49 CPU-s, about 1.5 ms a pair, so 300 units. Priced as a bare row (15)
 * such a page passed the limit, and ten of them from one address held /healthz about a second.
 * `publicStatuses` assesses every enterprise matter of the rules in force: this much for each
 * (ROW_ITEM_COSTS, counted per item at the rule set's number of enterprise matters).
 */
export const PUBLIC_STATUS_UNITS = 300;

/**
 * Lists whose every item computes, in the same units per item: `publicStatuses` one assessment per
 * matter it holds (its items are the enterprise matters of the rules in force, rule-set-sizes.ts).
 */
export const ROW_ITEM_COSTS: Readonly<Record<string, number>> = {
  'Enterprise.publicStatuses': PUBLIC_STATUS_UNITS,
};

/**
 * What a field computed for each row of a root page costs beyond the row itself, in the same units
 * (added per row by estimateRows): a verdict's explanation is built from its stored facts and the
 * rule texts of its snapshot (about 1 ms each under the hostile13 shape: 600 explanations took
 * 0.54 CPU-s), `provisional` and `stale` compare its rows and rules with today's (about 0.1 ms each:
 * 60 pages with `provisional` took 1.9 CPU-s against 1.0 for `{ id }`). A page of 100 verdicts with
 * `stale` and `provisional` stays within the anonymous limit; with their explanations and summaries
 * at most 43 do (hostile13 F1's remainder: two pages of 100 explanations were served at 0.2 to 0.5 CPU-s).
 */
export const ROW_FIELD_COSTS: Readonly<Record<string, number>> = {
  'Verdict.explanation': 150,
  'Verdict.provisional': 20,
  'Verdict.stale': 20,
  // Counted once per alias: each alias is answered (and sent) again. hostile14 F1: 45 aliases of
  // `summary` on a page of 40 verdicts answered 6.25 MB for 0.2 CPU-s; they are 62,000 and refused.
  'Explanation.summary': 30,
  'Explanation.facts': 20,
  'Enterprise.publicStatus': PUBLIC_STATUS_UNITS,
  ...FACTS_ROW_FIELD_COSTS,
};

/** The type of the items a page (`…Connection`) or list field returns. */
function itemType(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (!named.name.endsWith('Connection') || !('getFields' in named)) return named.name;
  const edge = getNamedType(named.getFields().edges?.type ?? named);
  const node = 'getFields' in edge ? edge.getFields().node : undefined;
  return node ? getNamedType(node.type).name : named.name;
}

/**
 * What loading the stored rows of an operation's root pages and lists costs (ROW_COSTS, plus the
 * ROW_FIELD_COSTS of the fields asked of each row and the ROW_ITEM_COSTS of each item of such a list): each root page `first` (clamped) rows, a read by ids one row per id, a root list its cap; aliases and
 * fragments counted each time, since each alias of a root page runs its own statement and builds
 * its rows again (identical root fields excepted, shared-root-fields.ts; counted each here). Nested
 * pages' rows are not counted: their aliases share one statement per list (src/graphql/nested-pages.ts),
 * and what they return is held by the answer's field count; what each of their items computes
 * (ROW_FIELD_COSTS: a child agency's `credit`) is, per item. Throws as estimateCost does.
 */
export function estimateRows(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, maxNodes: number, known: KnownSizes = NO_KNOWN_SIZES): number {
  const estimator: ComplexityEstimator = ({ type, args, field, childComplexity }) => {
    const name = `${type.name}.${field.name}`;
    const rows = type.name === 'Query' && (getNamedType(field.type).name.endsWith('Connection') || isList(field.type) || BY_IDS.has(name));
    // Below a root page, childComplexity sums what one row's fields compute (ROW_FIELD_COSTS), once.
    // A nested list's items each compute their fields again (a facts field per parent row: hostile17 F2).
    if (!rows) return itemsOf(name, field, args, known) * (childComplexity + (ROW_ITEM_COSTS[name] ?? 0)) + (ROW_FIELD_COSTS[name] ?? 0);
    return itemsOf(name, field, args, known) * ((ROW_COSTS[itemType(field.type)] ?? DEFAULT_ROW_COST) + childComplexity);
  };
  return getComplexity({ schema, query: document, operationName, variables, estimators: [estimator], maxQueryNodes: maxNodes } as Parameters<typeof getComplexity>[0]);
}
