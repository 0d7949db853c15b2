import { Kind, visit, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { SUBJECT_LOOKUP } from '../engine/facts-query-check';
import type { FactsQuery } from '../engine/rule-model';
import type { SubjectType } from '../domain/subject';

/** The root field that reads many subjects of a type by ids (src/graphql/resolvers/subject-chunk.resolver.ts). */
export const CHUNK_LOOKUP: Record<SubjectType, string> = {
  AGENCY: 'agenciesByIds',
  CIVIL_SERVANT: 'civilServantsByIds',
  ENTERPRISE: 'enterprisesByIds',
};

/**
 * A facts query for a whole chunk of subjects: the policy officer's own query with its one root
 * field `subject: civilServant(id: $id)` turned into `subject: civilServantsByIds(ids: $ids)`, the
 * selection set untouched. Every field below it is resolved by the resolvers a single evaluation
 * uses, so the facts of a subject are the same either way by construction (test/sweep/sweep.test.ts
 * checks it); a chunk just costs one execution instead of one per subject.
 *
 * Null when the query cannot be turned so — its `$id` is read anywhere but the lookup —: the chunk
 * then runs the query once per subject, as before.
 */
export function chunkDocument(query: FactsQuery): DocumentNode | null {
  const operation = query.document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const root = operation?.selectionSet.selections[0] as FieldNode | undefined;
  if (!operation || root?.kind !== Kind.FIELD || root.name.value !== SUBJECT_LOOKUP[query.subjectType]) return null;
  let uses = 0;
  visit(query.document, { Variable: (node) => void (node.name.value === 'id' && uses++) });
  // Once where it is declared, once in the lookup: anywhere else, the chunk's ids cannot stand in for it.
  const idArg = root.arguments?.find((a) => a.name.value === 'id');
  if (uses !== 2 || root.arguments?.length !== 1 || idArg?.value.kind !== Kind.VARIABLE || idArg.value.name.value !== 'id') return null;
  const ids = { kind: Kind.NAME, value: 'ids' } as const;
  return visit(query.document, {
    VariableDefinition: (node) =>
      node.variable.name.value === 'id'
        ? { ...node, variable: { ...node.variable, name: ids }, type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.LIST_TYPE, type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } } } } }
        : undefined,
    Field: (node) =>
      node === root
        ? { ...node, name: { kind: Kind.NAME, value: CHUNK_LOOKUP[query.subjectType] }, arguments: [{ kind: Kind.ARGUMENT, name: ids, value: { kind: Kind.VARIABLE, name: ids } }] }
        : undefined,
  });
}
