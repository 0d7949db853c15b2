import type { TadaDocumentNode } from 'gql.tada';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Caller, QueryArguments, TestServer } from './test-server';

/** What an audit row must say: who (actor, role, added by the test), what (action, outcome) and which (subject, target). */
export interface AuditRow {
  action: string;
  subjectType: 'AGENCY' | 'CIVIL_SERVANT' | 'ENTERPRISE' | null;
  subjectId: string | null;
  targetId: string | null;
  outcome: string;
}

/** A row as a case states it: a mutation about no subject or no target leaves those out. */
type StatedRow = Pick<AuditRow, 'action' | 'outcome'> & Partial<AuditRow>;

/** One mutation performed for real by `as`, and the one audit row it must leave. */
export interface AuditedMutation {
  /** The mutation's field name, read from the document. */
  mutation: string;
  role: NonNullable<Caller['role']>;
  perform(server: TestServer, as: Caller): Promise<AuditRow>;
}

/**
 * One case of the audit matrix (test/security/audit.test.ts), stating only what differs between
 * mutations: `given` makes, as ADMIN, what the mutation needs (an agency, a record, a pending repair)
 * and returns its variables plus whatever the row names; the document is sent once as the caller, so
 * the caller's only row is the mutation's own; `row` says that row, from what was given and what the
 * mutation answered (and may assert on the answer).
 */
export function auditedMutation<Result, Variables, Given extends Variables>(spec: {
  role: NonNullable<Caller['role']>;
  document: TadaDocumentNode<Result, Variables>;
  given?: () => Promise<Given>;
  row: (given: Given, data: Result) => StatedRow;
}): AuditedMutation {
  const operation = spec.document.definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0];
  if (operation.operation !== 'mutation' || field.kind !== Kind.FIELD) throw new Error('auditedMutation: the document must be a mutation whose first selection is its field');
  return {
    mutation: field.name.value,
    role: spec.role,
    async perform(server, as) {
      const given = spec.given ? await spec.given() : ({} as Given);
      const data = await server.ok(spec.document, ...([given, as] as unknown as QueryArguments<Variables>));
      return { subjectType: null, subjectId: null, targetId: null, ...spec.row(given, data) };
    },
  };
}
