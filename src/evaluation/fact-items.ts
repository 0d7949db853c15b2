/**
 * The items of every facts list named `list` in the subject's facts (credit.records,
 * commitmentFacts.notCounted, review.breachedCommitments, courtFacts.cases, …) that `keep` accepts, each id once: the same record read by two
 * facts fields (credit, agencyCreditAsPrincipal) makes one line of a summary.
 */
export function* factItems(
  subject: unknown,
  list: 'notCounted' | 'records' | 'breachedCommitments' | 'cases',
  keep: (item: Record<string, unknown>) => boolean,
): Generator<Record<string, unknown>> {
  if (!subject || typeof subject !== 'object') return;
  const seen = new Set<unknown>();
  for (const facts of Object.values(subject as Record<string, unknown>)) {
    const items = facts && typeof facts === 'object' ? (facts as Record<string, unknown>)[list] : undefined;
    if (!Array.isArray(items)) continue;
    for (const item of items as (Record<string, unknown> | null)[]) {
      if (!item || !keep(item) || seen.has(item.id)) continue;
      seen.add(item.id);
      yield item;
    }
  }
}

/** A record as summary lines name it: its document number, or its id when it has none. */
export const recordNumber = (item: Record<string, unknown>): string =>
  typeof item.documentNumber === 'string' ? item.documentNumber : String(item.id);
