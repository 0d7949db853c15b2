import { Kind, getNamedType, isListType, isNonNullType, type DocumentNode, type FragmentDefinitionNode, type GraphQLOutputType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * The cost model of a GraphQL read, shared by the API's request limit (src/graphql/cost-limit.ts) and
 * the draft facts queries' limit (facts-query-check.ts): both run the same resolvers.
 */

/** A page holds 1 to this many items (src/graphql/connection.ts enforces it), 20 when `first` is not given. */
export const PAGE_SIZE = { max: 100, default: 20 } as const;

/**
 * Each plain (unpaged) list that grows with the registry, and what to ask for when it holds more
 * than its cap. A list holding more is refused with LIST_TOO_LONG (src/graphql/list-caps.ts), never
 * cut short in silence (a file review must not miss the 101st record); its paged `…Connection` form
 * reads any length. Lists bounded by the rule files (a verdict's rules, measures) are not here: the
 * estimate counts them at their size in the rule set in force (KnownSizes), else ASSUMED_LIST_SIZE.
 */
const READ_INSTEAD = {
  'Agency.children': 'agencies(filter: { parentId: … })',
  'Agency.civilServants': 'civilServantsConnection',
  'Agency.creditRecords': 'creditRecordsConnection',
  'Agency.commitments': 'commitmentsConnection',
  'Agency.courtCases': 'courtCasesConnection',
  'Agency.listMemberships': 'the listings of one subject per request',
  'CivilServant.creditRecords': 'creditRecordsConnection',
  'CivilServant.listMemberships': 'the listings of one subject per request',
  'CivilServant.principalTerms': 'the terms of one civil servant per request',
  'Enterprise.creditRecords': 'creditRecordsConnection',
  'Enterprise.listMemberships': 'the listings of one subject per request',
  'CreditRecord.history': 'the history of one record per request',
  'CreditRecord.objections': 'the objections of one record per request',
  'CreditRecord.repairs': 'the repairs of one record per request',
} as const;

/** A plain list that grows with the registry (`Type.field`). */
export type CappedList = keyof typeof READ_INSTEAD;

/** The cap of a plain list, unless CAP_EXCEPTIONS says otherwise. */
const DEFAULT_CAP = 100;

/** A record's own lists: each item is an officer's act on that record, a handful in practice. */
const CAP_EXCEPTIONS: Partial<Record<CappedList, number>> = {
  'CreditRecord.history': 50,
  'CivilServant.principalTerms': 20,
  'CreditRecord.objections': 20,
  'CreditRecord.repairs': 20,
};

/**
 * The largest number of items each capped plain list may return, and what to read instead. The
 * cost estimate below and the resolvers' check (src/graphql/list-caps.ts) both read it, so the
 * estimate assumes exactly these sizes and is an upper bound: with a guessed size (it was 5) an
 * agency's 300 civil servants made nested lists cost 3,600 times the estimate.
 */
export const PLAIN_LIST_CAPS: Readonly<Record<CappedList, { cap: number; instead: string }>> = Object.fromEntries(
  Object.entries(READ_INSTEAD).map(([field, instead]) => [field, { cap: CAP_EXCEPTIONS[field as CappedList] ?? DEFAULT_CAP, instead }]),
) as Record<CappedList, { cap: number; instead: string }>;

const capOf = (field: string): number | undefined => (Object.hasOwn(PLAIN_LIST_CAPS, field) ? PLAIN_LIST_CAPS[field as CappedList].cap : undefined);

/**
 * The lists inside the facts types (src/graphql/types/facts.type.ts, ListFacts), counted at the cap
 * of the registry list each is drawn from: a subject's counting records are some of its credit
 * records, its breached commitments some of its commitments, and so on. A caller asking
 * the facts of a subject with more rows than that cap is refused (LIST_TOO_LONG, factsRows in
 * src/graphql/list-caps.ts), so the estimate stays an upper bound; evaluations read facts as the
 * system and see every row.
 */
const FACTS_LIST_SOURCES: Readonly<Record<string, CappedList>> = {
  'CreditFacts.records': 'Agency.creditRecords',
  'CreditFacts.notCounted': 'Agency.creditRecords',
  'CommitmentFacts.breachedCommitments': 'Agency.commitments',
  'CommitmentFacts.notCounted': 'Agency.commitments',
  'CourtFacts.cases': 'Agency.courtCases',
  'CourtFacts.notCounted': 'Agency.courtCases',
  'ListFacts.memberships': 'Agency.listMemberships',
};

/**
 * The facts fields of the subjects: each loads the subject's rows (credit records with their
 * repairs and objections, commitments, court cases or listings) and computes its counts over all of
 * them, whatever is selected below it and once per alias (the loads are shared, the computing is
 * not). Each costs the rows it goes through, at the cap of the list they come from; the lists it
 * returns cost their items besides (FACTS_LIST_SOURCES). At 1 each, 60 aliases of `credit` on a page
 * of 100 agencies (6,000 computations over every record) were priced 6,100.
 */
export const FACTS_FIELDS = {
  'Agency.credit': 'Agency.creditRecords',
  'Agency.listings': 'Agency.listMemberships',
  'Agency.commitmentFacts': 'Agency.commitments',
  'Agency.courtFacts': 'Agency.courtCases',
  'CivilServant.credit': 'CivilServant.creditRecords',
  'CivilServant.agencyCreditAsPrincipal': 'Agency.creditRecords',
  'CivilServant.listings': 'CivilServant.listMemberships',
  'CivilServant.commitmentFacts': 'Agency.commitments',
  'Enterprise.credit': 'Enterprise.creditRecords',
  'Enterprise.listings': 'Enterprise.listMemberships',
} as const satisfies Readonly<Record<string, CappedList>>;

/** A subject's facts field (FACTS_FIELDS). */
export type FactsField = keyof typeof FACTS_FIELDS;

/** Statements that read one row set per item (a verdict's last change of its subject, batched per request). */
const READ_COST = 10;

/**
 * Lists bounded by the rule files (a verdict's rules, a rule's conditions) whose size is not known
 * (KnownSizes) are assumed to hold this many items. Lists that grow with the registry are not
 * guessed: they carry a cap their resolvers enforce (PLAIN_LIST_CAPS) and are counted at it.
 */
const ASSUMED_LIST_SIZE = 5;

/**
 * Sizes of lists the server knows when a request comes, `Type.field` → items: those of the rule
 * set in force (src/graphql/rule-set-sizes.ts), which replace ASSUMED_LIST_SIZE for the lists they
 * name. `key` changes whenever a size may (the rule-set version), so an estimate kept for a
 * document is not reused under other sizes.
 */
export interface KnownSizes {
  key: string;
  sizes: Readonly<Record<string, number>>;
  /**
   * Fields of the answer one leaf counts as in estimateFields, `Type.field` → weight, for leaves
   * whose values are long (a rule's conditions, a legal basis's quote): their size in FIELD_BYTES
   * (src/graphql/answer-weights.ts). Any other field counts one.
   */
  weights?: Readonly<Record<string, number>>;
}

/** No size known: every list bounded by the rule files counts ASSUMED_LIST_SIZE (the draft facts check, a caller outside a request). */
export const NO_KNOWN_SIZES: KnownSizes = { key: '', sizes: {} };

/**
 * Fields that compute rather than read, in units of a stored field read. An explanation reads the
 * verdict's rule-set snapshot, explains each rule and masks the facts; a summary renders the rule
 * templates; measured on the seed they take some hundred times a plain field (12 aliases of 100
 * explained verdicts with two summaries each ran 7 s while estimated at 13k). These weights make
 * that query cost ~300k; one page of 100 explained verdicts with a summary still fits.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Verdict.explanation': 100,
  'Assessment.explanation': 100,
  'Verdict.measures': 20,
  // Each reads the verdict's rules back with their texts (explainedRules, as measures does) and
  // walks every rule's conditions and parameters for proposed values (src/evaluation/provisional.ts).
  // An assessment's are plain fields, computed with it.
  'Verdict.provisional': 20,
  'Verdict.provisionalOn': 20,
  // One template filled from the stored rules, and whether the facts are withheld: one batched
  // statement per request for every verdict and alias (src/graphql/withheld-facts.ts), a read.
  'Verdict.reason': READ_COST,
  'Assessment.reason': 20,
  'Explanation.summary': 50,
  'Explanation.facts': 20,
  // An assessment run on reading (the facts query and the rules), dearer than a stored verdict's explanation.
  'Enterprise.publicStatus': 200,
  'Enterprise.publicStatuses': 200,
  // The newest change among the subject's rows (one batched statement per request, shared by aliases): a read.
  'Verdict.stale': READ_COST,
  ...Object.fromEntries(Object.entries(FACTS_FIELDS).map(([field, source]) => [field, PLAIN_LIST_CAPS[source].cap])),
};

/**
 * Root fields that take a list of ids and return one item per id (the sweeps' chunk reads,
 * src/graphql/resolvers/subject-chunk.resolver.ts): they cost the number of ids times their items.
 */
export const BY_IDS = new Set(['Query.agenciesByIds', 'Query.civilServantsByIds', 'Query.enterprisesByIds']);

/**
 * A root page's `totalCount`: a count over the filtered table, which reads every row the filter
 * matches — the whole registry for most filters, and a masked-name search goes through every name
 * — where the page itself reads at most 100. Priced as twenty full pages. At 1 it went unseen:
 * 60 aliased `enterprises(first: 1) { totalCount }` were estimated at about 120 of 100,000 and cost
 * 20–27 times a plain request's CPU (hostile7 F5); now 50 such counts pass the limit.
 */
export const ROOT_COUNT_COST = 2_000;

/**
 * A nested page's `totalCount`: a count of its parent's items (`(select count(*) … where parent = ?)`
 * in the page's statement, src/graphql/nested-pages.ts), once per parent, reading every item the
 * parent has through the list's index where the page reads at most `first` + 1. Priced per parent
 * as a full page of the list (its items are uncapped: a connection is how a list longer than the
 * plain list's cap is read), so a page of 100 agencies each counting one list costs 10,000 more. It
 * was a plain field (1): 100 parents × 4 lists × 60 aliases of counts were priced as a few thousand.
 */
export const NESTED_COUNT_COST = PAGE_SIZE.max;

/** Fragments by name, for finding a field behind a spread (the estimator sees one field's node only). */
type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** Whether a selection asks for `name`, directly or through inline fragments and fragment spreads (each visited once). */
function selects(selectionSet: SelectionSetNode | undefined, name: string, fragments: Fragments, seen = new Set<string>()): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name;
    if (selection.kind === Kind.INLINE_FRAGMENT) return selects(selection.selectionSet, name, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return false;
    seen.add(fragment.name.value);
    return selects(fragment.selectionSet, name, fragments, seen);
  });
}

export const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/** `first` as the estimate counts it: a page holds 1 to PAGE_SIZE.max items, whatever was asked. */
function pageSize(first: unknown): number {
  if (typeof first !== 'number' || !Number.isFinite(first)) return PAGE_SIZE.default;
  return Math.min(PAGE_SIZE.max, Math.max(1, Math.trunc(first)));
}

/**
 * How many items a field returns at most, for what is asked under it: a connection `first`
 * (clamped), its `edges` those same items, a read by ids the number of ids, a capped plain list its
 * cap, a list of the rule set its known size, another plain list ASSUMED_LIST_SIZE; any other field one.
 */
export function itemsOf(name: string, field: { name: string; type: GraphQLOutputType }, args: Record<string, unknown>, known: KnownSizes): number {
  if (getNamedType(field.type).name.endsWith('Connection')) return pageSize(args.first);
  if (field.name === 'edges') return 1;
  if (BY_IDS.has(name)) return Array.isArray(args.ids) ? Math.max(1, args.ids.length) : 1;
  if (isList(field.type)) return capOf(name) ?? (Object.hasOwn(FACTS_LIST_SOURCES, name) ? capOf(FACTS_LIST_SOURCES[name]) : undefined) ?? (Object.hasOwn(known.sizes, name) ? known.sizes[name] : ASSUMED_LIST_SIZE);
  return 1;
}

/**
 * A connection costs `first` (clamped) times its items (and one whose totalCount is asked
 * ROOT_COUNT_COST more at the root, NESTED_COUNT_COST more per parent nested), and its `edges` are those same items; a
 * capped plain list costs its cap times its items, another plain list ASSUMED_LIST_SIZE times; a
 * field of FIELD_COSTS its weight plus its children; any other field one.
 */
const listEstimator: ComplexityEstimator = ({ type, args, field, node, childComplexity, context }) => {
  const name = `${type.name}.${field.name}`;
  const own = FIELD_COSTS[name] ?? 1;
  const items = itemsOf(name, field, args, (context as { known: KnownSizes }).known);
  if (getNamedType(field.type).name.endsWith('Connection')) {
    const counted = selects(node.selectionSet, 'totalCount', (context as { fragments: Fragments }).fragments);
    // Per occurrence: a nested page's count is multiplied by its parents, as its items are.
    const count = !counted ? 0 : type.name === 'Query' ? ROOT_COUNT_COST : NESTED_COUNT_COST;
    return own + count + items * childComplexity;
  }
  if (isList(field.type) || BY_IDS.has(name)) return own + items * childComplexity;
  return own === 1 ? undefined : own + childComplexity;
};

/**
 * What each field that runs an assessment on reading asks for (`Type.field` → subject–matter pairs
 * per occurrence, from its arguments); its caller supplies the counts that depend on the rule set.
 */
export type AssessmentFields = Readonly<Record<string, (args: Record<string, unknown>) => number>>;

/**
 * The most subject–matter pairs an operation can have assessed: each field of `fields` times the
 * items of every list it sits in (itemsOf, as the cost estimate counts them), aliases and fragments
 * counted each time. An upper bound known before anything runs, so a request that may ask for more
 * than its allowance is refused without a statement. Throws as estimateCost does.
 */
export function estimateAssessments(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, maxNodes: number, fields: AssessmentFields): number {
  const estimator: ComplexityEstimator = ({ type, args, field, childComplexity }) => {
    const name = `${type.name}.${field.name}`;
    const own = Object.hasOwn(fields, name) ? fields[name](args) : 0;
    return own + itemsOf(name, field, args, NO_KNOWN_SIZES) * childComplexity;
  };
  return getComplexity({ schema, query: document, operationName, variables, estimators: [estimator], maxQueryNodes: maxNodes } as Parameters<typeof getComplexity>[0]);
}

/**
 * The estimated cost of an operation (graphql-query-complexity with the estimators above). Throws
 * graphql-query-complexity's error when it cannot be made (more than `maxNodes` fields to visit, a
 * variable of the wrong type). `known` gives the lists of the rule set in force their sizes.
 */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, maxNodes: number, known: KnownSizes = NO_KNOWN_SIZES): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
    context: { known, fragments: new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : []))) },
    maxQueryNodes: maxNodes,
  } as Parameters<typeof getComplexity>[0]);
}

/**
 * How many fields the answer to an operation may hold: every field one (a long leaf its weight,
 * KnownSizes.weights), times the items of every
 * list it sits in (itemsOf, as the cost estimate counts them); aliases and fragments counted each
 * time. What the server builds and sends, whatever each field costs to compute. Throws as estimateCost does.
 */
export function estimateFields(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, maxNodes: number, known: KnownSizes = NO_KNOWN_SIZES): number {
  const estimator: ComplexityEstimator = ({ type, args, field, childComplexity }) => {
    const name = `${type.name}.${field.name}`;
    // Introspection's lists count ASSUMED_LIST_SIZE here, their real sizes in the cost estimate
    // (src/graphql/introspection-sizes.ts): at real sizes GraphiQL's one schema query (about 80,000)
    // would be refused to a development user without a token; the cost limit allows about one a request.
    const sizes = type.name.startsWith('__') ? NO_KNOWN_SIZES : known;
    return (known.weights?.[name] ?? 1) + itemsOf(name, field, args, sizes) * childComplexity;
  };
  return getComplexity({ schema, query: document, operationName, variables, estimators: [estimator], maxQueryNodes: maxNodes } as Parameters<typeof getComplexity>[0]);
}
