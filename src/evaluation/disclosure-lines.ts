import { Outcome, type RuleResult } from '../domain/verdict';
import { recordNumber } from './fact-items';

/** The effect a rule gives for each outcome this line speaks of: a restriction or a disqualification. */
const GIVING: Partial<Record<Outcome, string>> = { [Outcome.RESTRICTED]: 'RESTRICT', [Outcome.DISQUALIFIED]: 'DISQUALIFY' };

/**
 * What a restriction or disqualification says of a record it rests on whose public disclosure had
 * ended (lawyer28 R2). The document sets no disclosure period; that the record still counts after it is
 * the catalogue's 三(七) local choice “公示期届满不终止计入”, and that choice itself says such a conclusion
 * should not be signed before 三(七)'s lead units confirm it. The verdict is provisional on the choice
 * (provisional.ts); this line names the record, the day its disclosure ended and what follows, so the
 * safeguard is read where the verdict is, not only in the catalogue. One line per record, each once.
 */
export function disclosureEndedLines(outcome: Outcome, rules: Pick<RuleResult, 'fired' | 'effect' | 'mitigatedBy' | 'evidence'>[], zh: boolean): string[] {
  const effect = GIVING[outcome];
  if (!effect) return [];
  const seen = new Set<unknown>();
  const lines: string[] = [];
  for (const rule of rules.filter((r) => r.fired && r.effect === effect && !r.mitigatedBy)) {
    for (const item of rule.evidence ?? []) {
      if (item.disclosureEnded !== true || typeof item.disclosureEndsOn !== 'string' || seen.has(item.id)) continue;
      seen.add(item.id);
      const number = recordNumber(item);
      lines.push(
        zh
          ? `记录 ${number} 的公示期已于 ${item.disclosureEndsOn} 届满，本结论仍据以计入；依授权清单三(七)本地选择“公示期届满不终止计入”（拟定），在三(七)牵头单位（市发展改革委、人行鄂州中心支行）确认之前，本结论不应签发。`
          : `The public disclosure of record ${number} ended on ${item.disclosureEndsOn}, and this outcome still counts it; under catalogue 三(七)'s local choice "the end of public disclosure does not end counting" (proposed), this outcome should not be signed before 三(七)'s lead units (市发展改革委、人行鄂州中心支行) confirm that choice.`,
      );
    }
  }
  return lines;
}
