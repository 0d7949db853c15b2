import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query asks, below the field being resolved, for the field at `path` (e.g.
 * ['edges', 'node', 'agency']), through fields, inline fragments and named fragments alike. For
 * a resolver that can load a relation in the statement it runs anyway, instead of one more later.
 */
export function asksFor(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const within = (set: SelectionSetNode | undefined, rest: readonly string[]): boolean => {
    if (!set) return false;
    return set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === rest[0] && (rest.length === 1 || within(selection.selectionSet, rest.slice(1)));
      if (selection.kind === Kind.INLINE_FRAGMENT) return within(selection.selectionSet, rest);
      return within(info.fragments[selection.name.value]?.selectionSet, rest);
    });
  };
  return info.fieldNodes.some((node) => within(node.selectionSet, path));
}
