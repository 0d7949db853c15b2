import { Kind, type DocumentNode, type SelectionSetNode, type ValueNode } from 'graphql';

/**
 * Arguments of a facts field that decide only part of its result. By default an argument reaches the
 * whole field (`credit(countsFor:)` → `$.credit`); these reach only the subfields named (`only`) or
 * every selected subfield but those named (`except`). This is how the API computes them
 * (src/domain/credit-facts.ts), not policy: `trustworthyFor` counts trustworthy records and nothing
 * else, `graveSeverities` grades `unrepairedGraveUndisputed` only, and the dishonesty periods and
 * categories never touch the trustworthy count. So a caution on `$.credit.unrepaired` is not
 * provisional on the proposed trustworthy period it never read.
 */
const ARGUMENT_REACH: Record<string, Record<string, { only: string[] } | { except: string[] }>> = {
  credit: {
    trustworthyFor: { only: ['trustworthy'] },
    graveSeverities: { only: ['unrepairedGraveUndisputed'] },
    countsFor: { except: ['trustworthy'] },
    dishonestyCategories: { except: ['trustworthy'] },
    inOfficeCategories: { except: ['trustworthy'] },
  },
};

/**
 * Which facts a facts query's variables reach: for each variable, the result paths (`$.credit`,
 * `$.agency.credit`, `$.governmentDishonesty`, `$.review`) of the fields whose arguments use it, narrowed to
 * subfields where an argument decides only those (ARGUMENT_REACH). A rule condition on
 * `$.credit.unrepaired` rests on `countsFor`, because `credit(countsFor: $countsFor)` counted it,
 * but not on `trustworthyCountsFor`. Read from the query itself, so a facts file that passes a
 * parameter to another field needs no code. Paths use the response name (the alias when there is one).
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
      const paths = reachedBy(selection.name.value, argument.name.value, path, selection.selectionSet);
      for (const name of variablesIn(argument.value)) (reach[name] ??= []).push(...paths);
    }
    if (selection.selectionSet) walk(selection.selectionSet, path, reach);
  }
}

/** The result paths one argument of a field decides (see ARGUMENT_REACH). */
function reachedBy(field: string, argument: string, path: string, set: SelectionSetNode | undefined): string[] {
  const narrowed = ARGUMENT_REACH[field]?.[argument];
  if (!narrowed) return [path];
  if ('only' in narrowed) return narrowed.only.map((sub) => `${path}.${sub}`);
  const selected = (set?.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? [s.alias?.value ?? s.name.value] : []));
  return selected.filter((sub) => !narrowed.except.includes(sub)).map((sub) => `${path}.${sub}`);
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
