import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { dateProblem } from '../domain/day';

/** NUL (PostgreSQL text cannot hold it) and a UTF-16 half without its other half (it would be stored as U+FFFD). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | null {
  const found = UNSTORABLE.exec(text);
  if (!found) return null;
  const at = `at character ${found.index + 1}`;
  return found[0] === '\u0000'
    ? `contains a NUL character (\\u0000) ${at}; text may not contain it. Remove it and send again.`
    : `contains half of a UTF-16 surrogate pair (\\u${found[0].charCodeAt(0).toString(16).toUpperCase()}) ${at}, which is not a character. Send the text as valid Unicode.`;
}

function problemOf(scalar: string, text: string): string | null {
  return textProblem(text) ?? dateProblem(scalar, text);
}

function refuse(field: string, problem: string): GraphQLError {
  return new GraphQLError(`${field}: ${problem} Nothing was changed.`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, field } });
}

const printable = (key: string) => key.replace(/[\u0000\uD800-\uDFFF]/g, '?');

/** Deeper than any input type of the schema nests; JSON nested further is refused, not walked. */
const MAX_VALUE_DEPTH = 32;

/** The first refused string in a variable's value, following its declared type; path like `input.summary`, `files[1].path`. */
function findInValue(value: unknown, type: GraphQLInputType | undefined, path: string, depth = 0): GraphQLError | null {
  if (value == null) return null;
  if (depth > MAX_VALUE_DEPTH) return refuse(path.split('.')[0], `is nested more than ${MAX_VALUE_DEPTH} levels deep; no input of this API nests so deep.`);
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (typeof value === 'string') {
    const problem = problemOf(inner ? getNamedType(inner).name : '', value);
    return problem ? refuse(path, problem) : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findInValue(item, inner && isListType(inner) ? inner.ofType : inner, `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : undefined;
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) return refuse(`${path}.${printable(key)}`, keyProblem);
      const found = findInValue(item, fields?.[key]?.type, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** The first refused string literal in the operation, named by its field, argument and input fields. */
function findInDocument(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): GraphQLError | null {
  let found: GraphQLError | null = null;
  const typeInfo = new TypeInfo(schema);
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  for (const definition of [operation, ...fragments]) {
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        StringValue(node, _key, parent, _path, ancestors) {
          if (found) return;
          const type = typeInfo.getInputType();
          const problem = problemOf(type ? getNamedType(type).name : '', node.value);
          if (!problem) return;
          const names = [...ancestors, parent].flatMap((a) => (a && 'kind' in a && (a.kind === Kind.FIELD || a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD) ? [a.name.value] : []));
          found = refuse(names.slice(-3).join('.') || 'query', problem);
        },
      }),
    );
    if (found) break;
  }
  return found;
}

/**
 * The literal check by document and operation: Apollo hands the same parsed document for the same
 * query text (its document store), and its literals are the same every time, so each is walked once.
 */
const checkedLiterals = new WeakMap<DocumentNode, Map<OperationDefinitionNode, GraphQLError | null>>();

function literalsChecked(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): GraphQLError | null {
  let byOperation = checkedLiterals.get(document);
  if (!byOperation) checkedLiterals.set(document, (byOperation = new Map()));
  if (!byOperation.has(operation)) byOperation.set(operation, findInDocument(schema, document, operation));
  const found = byOperation.get(operation)!;
  // A fresh error each time: a thrown one is the request's to decorate.
  return found && new GraphQLError(found.message, { extensions: found.extensions });
}

/**
 * Refuses, before anything runs, input the database could not store as sent, with BAD_USER_INPUT
 * naming the field: a NUL character or a lone UTF-16 surrogate in any string (arguments in the
 * query or variables), and a LocalDate or DateTime outside the years YEARS (src/domain/day.ts). Without this the first
 * and last would fail inside PostgreSQL (INTERNAL_SERVER_ERROR) and the second be stored as U+FFFD.
 */
export const inputValuesPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, operation, schema }) {
        if (!operation) return;
        const variables = request.variables ?? {};
        for (const definition of operation.variableDefinitions ?? []) {
          const name = definition.variable.name.value;
          const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
          const found = findInValue(variables[name], type, name);
          if (found) throw found;
        }
        const found = literalsChecked(schema, document, operation);
        if (found) throw found;
      },
    };
  },
};
