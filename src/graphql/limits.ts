import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Kind, getNamedType, getVariableValues, visit, type ASTNode, isInterfaceType, isListType, isNonNullType, isObjectType, type DocumentNode, type GraphQLNamedType, type GraphQLOutputType, type GraphQLSchema, type ParseOptions, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { SUBSCRIPTION_DEFAULTS } from '../config';
import { estimateCost, estimateFields, isList, NO_KNOWN_SIZES, type KnownSizes } from '../engine/query-cost';
import { estimateRows } from '../engine/row-cost';
import { Role } from '../auth/role';
import type { GraphQLContext } from './context';
import { ruleSetSizes } from './rule-set-sizes';
import { documentShapeRule } from './document-shape';

/**
 * The limits every request must keep, checked before any resolver runs. README.md ("Limits") states
 * each one; test/security/limits.test.ts tries each over HTTP.
 */
export const LIMITS = {
  /** Lexical tokens in one document (graphql-js counts them while parsing and stops at the limit). */
  tokens: 2_000,
  /** Nesting of fields, the top field counting 1; fragments add none. */
  depth: 12,
  /** Aliased fields in one operation, fragments counted each time they are spread (a screen of 30 candidates with two aliased fields each fits). */
  aliases: 60,
  /** Directives (@include, @skip …) in one operation. */
  directives: 30,
  /** Estimated cost: pages count `first` × their items, capped plain lists their cap × theirs (list-caps.ts), the rule set's lists their size in force × theirs (rule-set-sizes.ts), other nested lists 5 × theirs, costly fields their FIELD_COSTS, any other field 1. */
  cost: 100_000,
  /** Fields the cost estimate visits before it gives up and refuses (fragment fan-out). */
  costNodes: 5_000,
  /**
   * Fields the answer to a request without a token may hold, each list counted at its items as the
   * cost estimate counts them (query-cost.ts estimateFields), aliases each time: what the server
   * builds and sends for an anonymous caller, who may send PUBLIC_RATE_LIMIT requests a minute. The
   * cost limit alone let one build about 100,000 (60 aliases of a page of 100 with 16 fields); 60
   * aliases of `ruleSet { rules { … } }` held about 20,000 and cost about a CPU-second (hostile12 F1).
   * The console's public pages hold at most about 700; a page of 100 enterprises with every field
   * of their `publicStatus` about 10,100. Signed-in callers are held by `cost` alone.
   */
  publicFields: 15_000,
  /**
   * What loading the stored rows of its root pages and lists may cost a request without a token,
   * each row priced by its type (row-cost.ts ROW_COSTS, a unit about 5 µs of one core), aliases
   * each time: about 50 ms of bare rows, since what is read on them (provisional, stale, an
   * explanation) costs as much again or more: two pages of 100 verdicts with `provisional stale`
   * took 60 to 80 ms of CPU, five such pages 200 to 450 ms. 60 anonymous aliases of a verdict page,
   * each with another `first` so that none shares another's result, were 12,750 fields and took 1
   * to 2 CPU-seconds, blocking /healthz (hostile13 F1); they are now 211,500 and refused before any
   * statement. A page of 100 verdicts (5,000), of 100 enterprises (1,500), and the console's public
   * pages (pages of 20) fit. Signed-in callers are held by `cost` alone.
   */
  publicRowCost: 10_000,
  /**
   * Lists inside lists along one path (a connection's `edges` counts as one). Plain lists that grow
   * are capped (list-caps.ts) and counted at their cap; this keeps the product of caps small enough
   * to read (a page of agencies → their servants → their records is 3).
   */
  listNesting: 3,
  /**
   * Verdicts one request may store (`evaluate` and `recheck` root fields of a mutation, through
   * aliases and fragments). Each stores an immutable verdict and an audit row that cannot be
   * deleted, so 60 aliases of one `evaluate` would store 60 identical verdicts; a screen that wants
   * many answers reads them with `assess`, which stores nothing.
   */
  storedVerdicts: 10,
} as const;

/**
 * What one caller may hold open over WebSocket (src/graphql/websocket.ts). A socket costs a
 * connection and a listener per subscription for as long as it stays open, so these are counts, not
 * rates. The public is also counted per client address (PUBLIC_SOCKETS_PER_ADDRESS, websocket.ts)
 * and holds a share of the process's subscriptions only (SUBSCRIPTIONS_PUBLIC_PER_PROCESS, change-feed.ts).
 */
export const SOCKET_LIMITS = {
  /** Largest WebSocket message, in bytes (ws's own check; the connection closes with 1009). A subscription document is small. */
  maxPayload: 64 * 1024,
  /** Subscriptions running at once on one socket, those still being set up included: the default of SUBSCRIPTIONS_PER_SOCKET (src/config.ts). The process's limit is SUBSCRIPTIONS_PER_PROCESS. */
  subscriptionsPerSocket: SUBSCRIPTION_DEFAULTS.perSocket,
  /** Sockets open at once for one token holder (`sub`), whatever tokens they hold; one more closes the oldest (newest wins, websocket.ts). */
  socketsPerHolder: 10,
  /** Sockets open at once without a token, all public callers together, per server process. */
  publicSockets: 1_000,
} as const;


/**
 * graphql-js stops parsing at the token limit: an error the client gets as GRAPHQL_PARSE_FAILED.
 * (Armor's Apollo max-tokens plugin parses twice and turns syntax errors into HTTP 500.)
 */
export const parseOptions: ParseOptions = { maxTokens: LIMITS.tokens };

type ArmorReject = (context: ValidationContext | null, error: GraphQLError) => void;

/** Armor's rules report their refusal to the validation context with our wording and code. */
function refuseWith(limit: number, what: string, advice: string): { propagateOnRejection: false; onReject: ArmorReject[]; exposeLimits: true } {
  return {
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (context, error) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        context?.reportError(
          new GraphQLError(`The query has ${found ?? 'too many'} ${what}; the limit is ${limit}. ${advice} Nothing was run.`, {
            extensions: { limit, found: found === undefined ? undefined : Number(found) },
          }),
        );
      },
    ],
  };
}

/**
 * Depth, aliases and directives, from graphql-armor: each walks a fragment once (memoised), so a
 * fragment fan-out or a cycle costs linear time and is refused during validation.
 */
/** The deepest nesting of list fields in a selection; fragments are walked once each. */
function listNesting(context: ValidationContext, selectionSet: SelectionSetNode, parent: GraphQLNamedType, fragments: Map<string, number>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const fields = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields() : undefined;
      const field = fields?.[selection.name.value];
      if (!field) continue;
      const inner = selection.selectionSet ? listNesting(context, selection.selectionSet, getNamedType(field.type), fragments) : 0;
      deepest = Math.max(deepest, (isList(field.type) ? 1 : 0) + inner);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : parent;
      if (type) deepest = Math.max(deepest, listNesting(context, selection.selectionSet, type, fragments));
    } else {
      const name = selection.name.value;
      if (!fragments.has(name)) {
        fragments.set(name, 0); // a cycle counts nothing here; graphql-js refuses it anyway
        const fragment = context.getFragment(name);
        const type = fragment && context.getSchema().getType(fragment.typeCondition.name.value);
        if (fragment && type) fragments.set(name, listNesting(context, fragment.selectionSet, type, fragments));
      }
      deepest = Math.max(deepest, fragments.get(name)!);
    }
  }
  return deepest;
}

/** Refuses lists nested deeper than LIMITS.listNesting (see there why). */
const maxListNestingRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    const root = context.getSchema().getRootType(operation.operation);
    if (!root) return;
    const found = listNesting(context, operation.selectionSet, root, new Map());
    if (found > LIMITS.listNesting) {
      context.reportError(
        new GraphQLError(`The query nests ${found} lists inside each other; the limit is ${LIMITS.listNesting}. Ask for the inner lists in a request of their own (a subject's paged \`…Connection\` fields help). Nothing was run.`, {
          extensions: { limit: LIMITS.listNesting, found },
        }),
      );
    }
  },
});

/** The mutation root fields that store a verdict each. */
const STORES_VERDICT = new Set(['evaluate', 'recheck']);

/** Root fields of `selectionSet` that store a verdict, fragments counted each time spread (a cycle counts nothing: graphql-js refuses it). */
function verdictStores(context: ValidationContext, selectionSet: SelectionSetNode, seen: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += STORES_VERDICT.has(selection.name.value) ? 1 : 0;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += verdictStores(context, selection.selectionSet, seen);
    else if (!seen.has(selection.name.value)) {
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += verdictStores(context, fragment.selectionSet, new Set([...seen, selection.name.value]));
    }
  }
  return count;
}

/** Refuses a mutation that would store more than LIMITS.storedVerdicts verdicts (see there why). */
const maxStoredVerdictsRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (operation.operation !== 'mutation') return;
    const found = verdictStores(context, operation.selectionSet, new Set());
    if (found > LIMITS.storedVerdicts) {
      context.reportError(
        new GraphQLError(`The mutation stores ${found} verdicts (evaluate, recheck); the limit is ${LIMITS.storedVerdicts} a request. Send several requests, or use \`assess\` to read answers without storing them. Nothing was run.`, {
          extensions: { limit: LIMITS.storedVerdicts, found },
        }),
      );
    }
  },
});

export const limitRules: ValidationRule[] = [
  maxDepthRule({ n: LIMITS.depth, flattenFragments: true, ignoreIntrospection: true, ...refuseWith(LIMITS.depth, 'levels of nesting', 'Ask for fewer nested fields.') }),
  maxAliasesRule({ n: LIMITS.aliases, ...refuseWith(LIMITS.aliases, 'aliased fields', 'Send several requests, or use a list field with `first`.') }),
  maxDirectivesRule({ n: LIMITS.directives, ...refuseWith(LIMITS.directives, 'directives', 'Use fewer @include/@skip.') }),
  maxListNestingRule,
  maxStoredVerdictsRule,
  // Last: it hands the traversal an empty document in place of a refused one (document-shape.ts).
  documentShapeRule,
];



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
 * Costs already estimated, by parsed document (Apollo hands the same one for the same query text),
 * then by operation and the values of the variables the estimate reads: those given to `first` and
 * to directives (@include, @skip), and the length of those given to `ids` (a read by ids costs per
 * id, src/engine/query-cost.ts BY_IDS: keyed without them, a document priced with 1 id ran with
 * 10,000, hostile10 F1). Other variables (an id, a matter) change nothing in the cost, so a
 * document sent again and again (evaluate, a verdict page) is estimated once, not every request.
 */
const estimated = new WeakMap<DocumentNode, { costVariables: CostVariable[]; costs: Map<string, number> }>();

/** What is estimated: the cost (every caller), or the fields of the answer and the cost of its root rows (a caller without a token). */
type Measure = 'cost' | 'fields' | 'rows';
const MEASURES = { cost: estimateCost, fields: estimateFields, rows: estimateRows } as const;
/** Per document: enough for every page size, and bounded whatever a caller sends. */
const MAX_COSTS_PER_DOCUMENT = 200;

/** A variable the cost estimate reads: its value, or (given to `ids`) only its length. */
interface CostVariable {
  name: string;
  length: boolean;
}

/** The variables whose values the cost estimate reads: those in a `first` or `ids` argument or a directive's arguments. */
function costVariables(document: DocumentNode): CostVariable[] {
  const values = new Set<string>();
  const lengths = new Set<string>();
  const inside = (node: ASTNode, into: Set<string>) => visit(node, { Variable: (v) => void into.add(v.name.value) });
  visit(document, {
    Argument: (argument, _key, _parent, _path, ancestors) => {
      const parent = ancestors[ancestors.length - 1];
      if (argument.name.value === 'first' || (parent && 'kind' in parent && parent.kind === Kind.DIRECTIVE)) inside(argument.value, values);
      else if (argument.name.value === 'ids') inside(argument.value, lengths);
    },
  });
  return [...new Set([...values, ...lengths])].sort().map((name) => ({ name, length: lengths.has(name) && !values.has(name) }));
}

/** What a variable adds to the cache key: its value, or a list's length (a single id, not a list, is coerced to a list of one). */
function costKeyOf(variable: CostVariable, variables: Record<string, unknown>): unknown {
  if (!(variable.name in variables)) return '\u0000absent'; // its default counts; told apart from null
  const value = variables[variable.name];
  if (!variable.length) return value;
  if (Array.isArray(value)) return { length: value.length };
  return value == null ? value : { length: 1 };
}

function estimateOnce(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, measure: Measure, sizes: KnownSizes): number {
  let known = estimated.get(document);
  if (!known) estimated.set(document, (known = { costVariables: costVariables(document), costs: new Map() }));
  // The rule set's sizes are part of the key: a reload that changes them estimates the document again.
  const key = JSON.stringify([measure, sizes.key, operationName ?? null, ...known.costVariables.map((variable) => costKeyOf(variable, variables))]);
  const cost = known.costs.get(key);
  if (cost === undefined) {
    const fresh = MEASURES[measure](schema, document, operationName, variables, LIMITS.costNodes, sizes);
    if (known.costs.size >= MAX_COSTS_PER_DOCUMENT) known.costs.clear();
    known.costs.set(key, fresh);
    return fresh;
  }
  // The values are still checked against their declared types, as the estimate does (its first step).
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || (operationName !== undefined && definition.name?.value !== operationName)) continue;
    const { errors } = getVariableValues(schema, definition.variableDefinitions ?? [], variables);
    if (errors?.length) throw errors[errors.length - 1];
  }
  return cost;
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
