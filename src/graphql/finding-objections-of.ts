import type { FindingObjectionRow } from './fact-rows';

/**
 * Each finding's row (a commitment or a court case) with the unit's objections to its finding, for
 * the facts functions (src/domain/finding-objection.ts). The rows are copied, never changed: the
 * loaders cache them for the whole request.
 */
export function withFindingObjections<R extends { id: string }>(rows: readonly R[], objections: readonly FindingObjectionRow[], key: 'commitmentId' | 'courtCaseId'): (R & { findingObjections: FindingObjectionRow[] })[] {
  const of = new Map<string, FindingObjectionRow[]>();
  for (const o of objections) {
    const id = o[key];
    if (id) of.set(id, [...(of.get(id) ?? []), o]);
  }
  return rows.map((row) => ({ ...row, findingObjections: of.get(row.id) ?? [] }));
}
