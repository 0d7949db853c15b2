import type { Decision } from '../domain/verdict';
import { publicStatusCacheTotal } from '../metrics';

/**
 * What makes an assessment the one a fresh assessment would give: the enterprise, the matter, the
 * day (China Standard Time) its facts are taken for, the rule set in force (a content hash of
 * every rule file: rules, parameters, facts queries, texts), and the digest of every row version
 * its facts are read from (src/evaluation/row-versions.ts, read in the same snapshot as the
 * facts). Facts are day-based (records counted, disclosed and graded by day), so the moment within
 * the day changes nothing. A record, listing or objection changed, or a reload, gives another key.
 */
export interface PublicStatusKey {
  enterpriseId: string;
  matter: string;
  day: string;
  ruleSetVersion: string;
  rowVersions: string;
}

const keyText = (key: PublicStatusKey) => [key.enterpriseId, key.matter, key.day, key.ruleSetVersion, key.rowVersions].join('\u0000');

/**
 * The enterprises' public statuses assessed lately, in this process (each server process has its
 * own: a miss there only costs an assessment). An LRU of at most `size` decisions: a hit moves its
 * entry to the newest end, an insert past the size drops the oldest. Size 0 keeps nothing.
 * Anonymous callers reach it (Enterprise.publicStatus), so it must stay bounded whatever they ask.
 */
export class PublicStatusCache {
  private readonly entries = new Map<string, Decision>();

  constructor(readonly size: number) {}

  get(key: PublicStatusKey): Decision | undefined {
    const text = keyText(key);
    const found = this.entries.get(text);
    if (found === undefined) {
      publicStatusCacheTotal.inc({ result: 'miss' });
      return undefined;
    }
    // Newest again: Map keeps insertion order.
    this.entries.delete(text);
    this.entries.set(text, found);
    publicStatusCacheTotal.inc({ result: 'hit' });
    return found;
  }

  set(key: PublicStatusKey, decision: Decision): void {
    if (this.size <= 0) return;
    const text = keyText(key);
    this.entries.delete(text);
    this.entries.set(text, decision);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
  }

  get length(): number {
    return this.entries.size;
  }
}
