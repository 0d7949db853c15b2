import { getNamedType, isListType, isNonNullType } from 'graphql';
import { followPath, kindOf, type ShapeNode, type ValueKind } from './facts-shape';

/** One field a rule can read from the fact "subject", with its meaning from the served schema. */
export interface FactField {
  /** As a rule writes it: `$.credit.dishonest`; list items as `$.credit.records[*].severity`. */
  path: string;
  /** The GraphQL type, e.g. `Int!`, `[CountingRecord!]!`. */
  type: string;
  kind: ValueKind;
  enumValues?: string[];
  description: string | null;
}

/**
 * Every field the facts query makes available, depth first, generated from the query and the schema
 * so that the list an officer reads cannot go stale.
 */
export function factFields(shape: ShapeNode, prefix = '$'): FactField[] {
  const out: FactField[] = [];
  for (const [name, node] of shape.children ?? []) {
    const list = isListType(isNonNullType(node.type) ? node.type.ofType : node.type);
    const path = `${prefix}.${name}`;
    const { kind, enumValues } = kindOf(node.type);
    out.push({ path, type: String(node.type), kind, enumValues: enumValues ?? kindOf(getNamedType(node.type)).enumValues, description: node.description ?? null });
    if (node.children) out.push(...factFields(node, list ? `${path}[*]` : path));
  }
  return out;
}

/** The words for a fact path (`$.credit.dishonest`): its schema description, or null. */
export function factLabel(shape: ShapeNode | undefined, path: string): string | null {
  if (!shape) return null;
  const found = followPath(shape, path);
  return 'node' in found ? found.node.description ?? null : null;
}
