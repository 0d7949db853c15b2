import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Kind, getNamedType, isInterfaceType, isObjectType, type GraphQLNamedType, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { isList } from '../engine/query-cost';
import { documentShapeRule } from './document-shape';
import { LIMITS } from './limits';

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

/**
 * The validation rules that hold a document to LIMITS before any resolver runs. Depth, aliases and
 * directives, from graphql-armor: each walks a fragment once (memoised), so a fragment fan-out or a
 * cycle costs linear time and is refused during validation. Then list nesting, stored verdicts and
 * the document's shape (document-shape.ts).
 */
export const limitRules: ValidationRule[] = [
  maxDepthRule({ n: LIMITS.depth, flattenFragments: true, ignoreIntrospection: true, ...refuseWith(LIMITS.depth, 'levels of nesting', 'Ask for fewer nested fields.') }),
  maxAliasesRule({ n: LIMITS.aliases, ...refuseWith(LIMITS.aliases, 'aliased fields', 'Send several requests, or use a list field with `first`.') }),
  maxDirectivesRule({ n: LIMITS.directives, ...refuseWith(LIMITS.directives, 'directives', 'Use fewer @include/@skip.') }),
  maxListNestingRule,
  maxStoredVerdictsRule,
  // Last: it hands the traversal an empty document in place of a refused one (document-shape.ts).
  documentShapeRule,
];
