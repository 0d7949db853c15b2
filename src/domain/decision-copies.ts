import { RecordCategory, RecordStatus } from './credit-record';
import type { RecordLike } from './credit-facts-input';
import { normalisedNumber } from './document-number';

/**
 * The key Migration20261205300000OneActOnce groups one decision's entries by, within one subject:
 * category, decision day and document number as compared; null for what it never grouped (revoked
 * records, 四(四) file entries).
 */
function decisionKey(r: RecordLike): string | null {
  if (r.status === RecordStatus.REVOKED || r.category === RecordCategory.COMMITMENT_DERELICTION) return null;
  return `${r.category}|${r.decidedOn}|${normalisedNumber(r.documentNumber)}`;
}

/**
 * `read` for each record, with, for a kept record, that of every copy of its decision marked
 * duplicateOnFile: what was filed against a copy was filed against the decision (lawyer12 W1).
 */
export function withCopies<T>(records: RecordLike[], read: (recordId: string) => T[]): (record: RecordLike) => T[] {
  const copies = new Map<string, string[]>();
  for (const r of records) {
    const key = r.duplicateOnFile ? decisionKey(r) : null;
    if (key) copies.set(key, [...(copies.get(key) ?? []), r.id]);
  }
  return (record) => {
    const key = record.duplicateOnFile ? null : decisionKey(record);
    return [...read(record.id), ...((key && copies.get(key)) || []).flatMap(read)];
  };
}
