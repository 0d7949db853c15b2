import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';

/**
 * Shapes of a document that graphql-js's own validation would spend quadratic time on, refused
 * before it does. OverlappingFieldsCanBeMergedRule compares every two fields that share a response
 * name in one selection (and, recursively, their sub-selections, and every two fragments spread in
 * one selection): an 8 KB anonymous document of `ruleSet { matters { code } }` 280 times (valid,
 * served) or `ruleSet { version }` 450 times (refused only when graphql-js's own budget ran out)
 * cost 100 to 200 ms of CPU each and held /healthz for seconds (hostile17 F1), all inside the
 * token limit. A linear pass over the document counts those comparisons first.
 */
export const SHAPE_LIMITS = {
  /**
   * Comparisons graphql-js's field-merging check would make: per response path (fragments expanded
   * where spread, each fragment once per selection, inline fragments flattened), n fields of one
   * response name make n(n-1)/2, and k fragments spread directly in one selection set k(k-1)/2. About a
   * microsecond each: 1,000 is about a millisecond. The console's, examples' and facts queries
   * make at most 6; the report's documents 117,180 and 202,050.
   */
  repeatedFieldPairs: 1_000,
  /** Fields the pass walks, fragments expanded where spread (each once per selection): a fan-out of aliased fragments stops here. */
  expandedFields: 10_000,
} as const;

interface PathNode {
  /** Fields counted at this response path so far. */
  count: number;
  children: Map<string, PathNode>;
  /** Fragments already spread into this path: graphql-js collects a fragment once per selection set. */
  spread: Set<string>;
}

export interface ShapeCount {
  pairs: number;
  fields: number;
  /** The response path whose name repeats most, and how many times. */
  worst: { path: string; count: number };
  /** The most fragments spread directly in one selection set. */
  spreads: number;
}

const pathNode = (): PathNode => ({ count: 0, children: new Map(), spread: new Set() });

/** Counts what SHAPE_LIMITS bounds, in one pass over the document; stops once `expandedFields` is passed. */
export function countShape(document: DocumentNode): ShapeCount {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const shape: ShapeCount = { pairs: 0, fields: 0, worst: { path: '', count: 0 }, spreads: 0 };
  const walk = (selectionSet: SelectionSetNode, at: PathNode, path: string, spreading: string[]): void => {
    /** Fragments spread directly in this selection set: graphql-js compares each two of them (memoised across the document, so they count here only). */
    const direct = new Set<string>();
    for (const selection of selectionSet.selections) {
      if (shape.fields > SHAPE_LIMITS.expandedFields) return;
      if (selection.kind === Kind.FIELD) {
        const name = (selection.alias ?? selection.name).value;
        let child = at.children.get(name);
        if (!child) at.children.set(name, (child = pathNode()));
        shape.pairs += child.count; // this field is compared with each one already there
        child.count += 1;
        shape.fields += 1;
        const childPath = path ? `${path}.${name}` : name;
        if (child.count > shape.worst.count) shape.worst = { path: childPath, count: child.count };
        if (selection.selectionSet) walk(selection.selectionSet, child, childPath, spreading);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, at, path, spreading);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment) continue;
        if (!direct.has(name)) {
          shape.pairs += direct.size; // compared with each fragment already spread in this selection set
          direct.add(name);
          if (direct.size > shape.spreads) shape.spreads = direct.size;
        }
        // A cycle is graphql-js's to refuse (NoFragmentCyclesRule); it is walked once here.
        if (at.spread.has(name) || spreading.includes(name)) continue;
        at.spread.add(name);
        walk(fragment.selectionSet, at, path, [...spreading, name]);
      }
    }
  };
  // Each definition is validated on its own as well (a fragment's own selections are compared where it is defined).
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, pathNode(), '', []);
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) walk(definition.selectionSet, pathNode(), '', [definition.name.value]);
  }
  return shape;
}

/** The refusal for a document over SHAPE_LIMITS, or null. */
export function shapeRefusal(document: DocumentNode): GraphQLError | null {
  const shape = countShape(document);
  if (shape.fields > SHAPE_LIMITS.expandedFields) {
    return new GraphQLError(
      `The query has more than ${SHAPE_LIMITS.expandedFields} fields, fragments counted where they are spread; the limit is ${SHAPE_LIMITS.expandedFields}. Send a smaller query, or several. Nothing was run.`,
      { extensions: { limit: SHAPE_LIMITS.expandedFields, found: shape.fields } },
    );
  }
  if (shape.pairs > SHAPE_LIMITS.repeatedFieldPairs) {
    const { path, count } = shape.worst;
    const what = count > 1 ? `repeats fields of one name in one selection (\`${path}\` ${count} times)` : `spreads ${shape.spreads} fragments in one selection`;
    return new GraphQLError(
      `The query ${what}, which makes ${shape.pairs} pairs of fields or fragments for validation to compare (fragments counted where they are spread); the limit is ${SHAPE_LIMITS.repeatedFieldPairs}. Ask for each field once (identical fields give one answer anyway) and spread fewer fragments in one selection, or use a list field with \`first\`. Nothing was run.`,
      { extensions: { limit: SHAPE_LIMITS.repeatedFieldPairs, found: shape.pairs, path, repeats: count } },
    );
  }
  return null;
}

/**
 * Refuses a document over SHAPE_LIMITS before the rest of validation walks it. graphql-js runs
 * every rule in one traversal and offers no way to stop the others, and Apollo Server has no hook
 * between parsing and validation that may refuse a request (an error thrown there is a 500). So this
 * rule, on entering the document (before any selection set is visited, hence before the quadratic
 * rule starts), reports the refusal and hands the traversal an empty document in its place (a
 * visitor's return value replaces the node visited): no rule sees a selection of the refused one.
 * It must come last in the list: graphql-js stops calling the rules after one that returns a
 * replacement, for that node. The same rules run for HTTP (Apollo) and WebSocket (websocket.ts).
 */
export const documentShapeRule: ValidationRule = (context) => ({
  Document(document) {
    const refusal = shapeRefusal(document);
    if (!refusal) return undefined;
    context.reportError(refusal);
    return { kind: Kind.DOCUMENT, definitions: [] } satisfies DocumentNode;
  },
});
