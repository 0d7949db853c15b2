import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { pathSteps } from './path';

/** What a facts query returns, field by field: enough to check a rule's paths without running it. */
export interface ShapeNode {
  type: GraphQLOutputType;
  /** The field's description in the served schema: what the fact means, in words. */
  description?: string;
  children?: Map<string, ShapeNode>;
}

/** The kind of value at a path, as the operators care about it. */
export type ValueKind = 'number' | 'boolean' | 'string' | 'date' | 'enum' | 'list' | 'object';

function selectionShape(schema: GraphQLSchema, document: DocumentNode, parent: GraphQLObjectType, selections: SelectionSetNode): Map<string, ShapeNode> {
  const out = new Map<string, ShapeNode>();
  for (const selection of selections.selections) {
    if (selection.kind === 'Field') {
      const field = parent.getFields()[selection.name.value];
      if (!field) continue; // the schema validation of the query reports it
      const named = getNamedType(field.type);
      const node: ShapeNode = { type: field.type, description: field.description ?? undefined };
      if (selection.selectionSet && isObjectType(named)) node.children = selectionShape(schema, document, named, selection.selectionSet);
      out.set(selection.alias?.value ?? selection.name.value, node);
    } else {
      const fragment = selection.kind === 'InlineFragment'
        ? selection
        : document.definitions.find((d) => d.kind === 'FragmentDefinition' && d.name.value === selection.name.value);
      if (fragment && 'selectionSet' in fragment && fragment.selectionSet) {
        for (const [key, value] of selectionShape(schema, document, parent, fragment.selectionSet)) out.set(key, value);
      }
    }
  }
  return out;
}

/** The shape of the fact "subject": the `subject` field of the facts query's result. */
export function subjectShape(schema: GraphQLSchema, document: DocumentNode): ShapeNode | undefined {
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  if (!operation || operation.kind !== 'OperationDefinition') return undefined;
  return selectionShape(schema, document, schema.getQueryType()!, operation.selectionSet).get('subject');
}

function unwrap(type: GraphQLOutputType): GraphQLOutputType {
  return isNonNullType(type) ? type.ofType : type;
}

/** Follows a dotted path through the shape; returns the node, or the first step that does not exist. */
export function followPath(shape: ShapeNode, path: string): { node: ShapeNode } | { missing: string; known: string[] } {
  let node = shape;
  for (const step of pathSteps(path)) {
    const type = unwrap(node.type);
    if (/^\d+$/.test(step)) {
      if (!isListType(type)) return { missing: `[${step}]`, known: [] };
      node = { type: type.ofType, children: node.children };
      continue;
    }
    if (isListType(type)) return { missing: step, known: ['[0]'] };
    const child = node.children?.get(step);
    if (!child) return { missing: step, known: [...(node.children?.keys() ?? [])] };
    node = child;
  }
  return { node };
}

/** The element type of a list type (through a non-null wrapper), if it is one. */
export function listElementType(type: GraphQLOutputType): GraphQLOutputType | undefined {
  const inner = unwrap(type);
  return isListType(inner) ? (inner.ofType as GraphQLOutputType) : undefined;
}

const DATE_SCALARS = ['LocalDate', 'DateTime', 'DateTimeISO', 'Date'];

export function kindOf(type: GraphQLOutputType): { kind: ValueKind; nullable: boolean; enumValues?: string[] } {
  const nullable = !isNonNullType(type);
  const inner = unwrap(type);
  if (isListType(inner)) return { kind: 'list', nullable };
  if (isEnumType(inner)) return { kind: 'enum', nullable, enumValues: inner.getValues().map((v) => v.name) };
  if (isScalarType(inner)) {
    if (inner.name === 'Int' || inner.name === 'Float') return { kind: 'number', nullable };
    if (inner.name === 'Boolean') return { kind: 'boolean', nullable };
    if (DATE_SCALARS.includes(inner.name)) return { kind: 'date', nullable };
    return { kind: 'string', nullable };
  }
  return { kind: 'object', nullable };
}
