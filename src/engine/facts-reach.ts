import { Kind, type DocumentNode, type SelectionSetNode, type ValueNode } from 'graphql';

/**
 * Which facts a facts query's variables reach: for each variable, the result paths (`$.credit`,
 * `$.agency.credit`, `$.livelihoodCommitments`) of the fields whose arguments use it. A rule
 * condition on `$.credit.unrepaired` rests on `countsFor`, because `credit(countsFor: $countsFor)`
 * counted it. Read from the query itself, so a facts file that passes a parameter to another field
 * needs no code. Paths use the response name (the alias when there is one).
 */
export function factsReach(document: DocumentNode): Record<string, string[]> {
  const reach: Record<string, string[]> = {};
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return reach;
  const root = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  if (root?.kind === Kind.FIELD && root.selectionSet) walk(root.selectionSet, '$', reach);
  return reach;
}

function walk(set: SelectionSetNode, at: string, reach: Record<string, string[]>): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      walk(selection.selectionSet, at, reach);
      continue;
    }
    if (selection.kind !== Kind.FIELD) continue;
    const path = `${at}.${selection.alias?.value ?? selection.name.value}`;
    for (const argument of selection.arguments ?? []) {
      for (const name of variablesIn(argument.value)) (reach[name] ??= []).push(path);
    }
    if (selection.selectionSet) walk(selection.selectionSet, path, reach);
  }
}

function variablesIn(value: ValueNode): string[] {
  if (value.kind === Kind.VARIABLE) return [value.name.value];
  if (value.kind === Kind.LIST) return value.values.flatMap(variablesIn);
  if (value.kind === Kind.OBJECT) return value.fields.flatMap((f) => variablesIn(f.value));
  return [];
}

/** Whether a fact path (`$.credit.records[*].severity`) lies under a reached path (`$.credit`). */
export function under(path: string, reached: string): boolean {
  return path === reached || path.startsWith(`${reached}.`) || path.startsWith(`${reached}[`);
}
