import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { GraphQLContext } from './context';
import { assertAffordable } from './cost-limit';
import { limitRules } from './limit-rules';
import { parseOptions } from './limits';

/**
 * What a Subscribe message asks to run, checked as a request over HTTP is: parsed within the token
 * limit, validated with the document limits (limit-rules.ts), a subscription (queries and mutations
 * go over HTTP, where reads are audited), and within the cost limit (cost-limit.ts). Returns its
 * execution arguments, or the errors to answer with; the context is made only for a document that
 * passed the rest.
 */
export function subscriptionOf(schema: GraphQLSchema, payload: SubscribePayload, contextFor: () => GraphQLContext): ExecutionArgs | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query, parseOptions);
  } catch (error) {
    return [error instanceof GraphQLError ? error : new GraphQLError(String(error), { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
  }
  const errors = validate(schema, document, [...specifiedRules, ...limitRules]);
  // The same code Apollo gives these over HTTP.
  if (errors.length) return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } }));
  const operation = getOperationAST(document, payload.operationName);
  if (!operation || operation.operation !== 'subscription') {
    return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP POST to /graphql.', { extensions: { code: 'BAD_USER_INPUT' } })];
  }
  const variables = payload.variables ?? {};
  const contextValue = contextFor();
  try {
    assertAffordable(schema, document, payload.operationName, variables, contextValue);
  } catch (error) {
    return [error as GraphQLError];
  }
  return { schema, document, operationName: payload.operationName, variableValues: variables, contextValue };
}
