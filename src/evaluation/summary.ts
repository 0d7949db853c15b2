import type { Bilingual } from '../domain/bilingual';
import type { SubjectType } from '../domain/subject';
import { factItems, recordNumber } from './fact-items';
import { disputedFindingLines } from './finding-dispute-lines';
import { leftOutLines } from './left-out-lines';
import { findingObjectionLines, objectionLines } from './objection-lines';
import { disclosureEndedLines } from './disclosure-lines';
import { provisionalNote } from './provisional';
import { recommendationNote } from '../domain/recommendation';
import { NOTHING_DECIDED, OUTCOME_TITLES, Outcome, type ConditionResult, type RuleResult } from '../domain/verdict';

export type { Locale } from '../engine/locale';
import type { Locale } from '../engine/locale';


const OPERATOR_TEXT: Record<string, Bilingual> = {
  equal: { zh: '等于', en: 'equal to' },
  notEqual: { zh: '不等于', en: 'not equal to' },
  in: { zh: '属于', en: 'one of' },
  notIn: { zh: '不属于', en: 'none of' },
  contains: { zh: '包含', en: 'containing' },
  doesNotContain: { zh: '不包含', en: 'not containing' },
  lessThan: { zh: '小于', en: 'less than' },
  lessThanInclusive: { zh: '不大于', en: 'at most' },
  greaterThan: { zh: '大于', en: 'greater than' },
  greaterThanInclusive: { zh: '不小于', en: 'at least' },
};

const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * "失信记录数 (subject.credit.dishonest) 为 0，要求不小于 1": why one condition did not hold, naming the
 * fact in words when the schema describes it.
 */
export function describeFailure(condition: ConditionResult, locale: Locale, label?: string | null): string {
  const where = `${condition.fact}${condition.path ? condition.path.slice(1) : ''}`;
  const named = label ? `${label} (${where})` : where;
  const op = OPERATOR_TEXT[condition.operator]?.[locale] ?? condition.operator;
  return locale === 'zh'
    ? `${named} 为 ${show(condition.actual)}，要求${op} ${show(condition.expected)}`
    : `${named} was ${show(condition.actual)}, needed ${op} ${show(condition.expected)}`;
}

/**
 * One line per record a fired rule rests on whose decision day is an estimate (decidedOnEstimated:
 * kept from before decision days were registered, or registered without one). The recorded day
 * stands in for the decision, but it is later than the real one: so the record counts from the
 * recorded day, while its period runs from the act day and ends no later than the act day gives
 * (rules/README.md, Parameters) — the estimate never lengthens counting against the subject.
 */
function estimatedDecisionDays(fired: Pick<RuleResult, 'evidence'>[], zh: boolean): string[] {
  const seen = new Set<unknown>();
  const lines: string[] = [];
  for (const item of fired.flatMap((r) => r.evidence ?? [])) {
    if (item.decidedOnEstimated !== true || seen.has(item.id)) continue;
    seen.add(item.id);
    const number = recordNumber(item);
    const acted = item.occurredOn ? show(item.occurredOn) : zh ? '行为发生之日' : 'the act day';
    lines.push(
      zh
        ? `记录 ${number} 的认定之日未登记，以登记之日 ${show(item.decidedOn)} 估计：自该日起计入，但计入期间自行为发生之日 ${acted} 起算，不因估计日期而延长；以认定文书为准可更正。`
        : `Record ${number}: its decision day was not registered; the day it was recorded, ${show(item.decidedOn)}, stands in as an estimate: it counts from then, but its period runs from the act day, ${acted}, so the estimate does not lengthen it. A correction from the deciding document replaces it.`,
    );
  }
  return lines;
}

/**
 * One line per record in the subject's facts that an approved repair waived or lightened without
 * stating its relief (repairReliefStated false: a civil servant's approval stored before the relief
 * was required, filled with WAIVE). The counts the rules read already take that relief as given, so
 * the verdict rests on a relief the approving body never stated: it says so, and who can confirm it.
 * Once the body has stated it (stateRepairRelief, repairReliefStatedOn), the line says which relief it
 * stated and when: the verdict rests on a relief stated after the approval, and an inspector sees so.
 */
function unstatedReliefs(subject: unknown, zh: boolean): string[] {
  const lines: string[] = [];
  const restatedOf = (item: Record<string, unknown>) => item.repairReliefStated === true && typeof item.repairReliefStatedOn === 'string';
  for (const item of factItems(subject, 'records', (i) => i.repairReliefStated === false || restatedOf(i))) {
    const restated = restatedOf(item);
    const number = recordNumber(item);
    const waived = item.repaired === true;
    if (restated) {
      lines.push(
        zh
          ? `记录 ${number} 的信用修复于 ${show(item.repairApprovedOn)} 批准，批准时未写明救济方式；批准机关于 ${show(item.repairReliefStatedOn)} 补充写明为${waived ? '免于（WAIVE）' : '从轻（LIGHTEN）'}，自批准之日起适用，本结论依此作出。`
          : `Record ${number}: its credit repair was approved on ${show(item.repairApprovedOn)} without stating the relief; the approving body stated it on ${show(item.repairReliefStatedOn)} as ${waived ? 'waived (WAIVE)' : 'lightened (LIGHTEN)'}, holding from the approval day. This outcome relies on that relief.`,
      );
      continue;
    }
    lines.push(
      zh
        ? `记录 ${number} 的信用修复于 ${show(item.repairApprovedOn)} 批准，批准时未写明救济方式，按当时的默认记为${waived ? '免于（WAIVE）' : '从轻（LIGHTEN）'}；本结论依此作出，该救济方式尚待批准机关确认，确认不同则结论可能不同。`
        : `Record ${number}: its credit repair was approved on ${show(item.repairApprovedOn)} without stating the relief; it stands as ${waived ? 'waived (WAIVE)' : 'lightened (LIGHTEN)'}, the default then. This outcome relies on that relief, which awaits confirmation by the approving body; it may differ if they decide otherwise.`,
    );
  }
  return lines;
}

export interface SummaryInput {
  outcome: Outcome;
  score: number | null;
  day: string;
  matterTitle: Bilingual;
  /** The matter's own word for ELIGIBLE (rules/matters.json eligibleTitle), e.g. 计分 for a performance review. */
  eligibleTitle?: Bilingual | null;
  rules: Pick<RuleResult, 'fired' | 'inEffect' | 'basis' | 'text' | 'title' | 'measure' | 'mitigatedBy' | 'conditions' | 'evidence' | 'effect'>[];
  /** The parameters read, each with the value used and its source in one line. */
  parameters?: { name: string; value: unknown; source: { text: string } | null }[];
  /** The words for a fact path, from the facts types' descriptions in the schema. */
  label?: (fact: string, path: string | null) => string | null;
  /** The proposed parameters the outcome rests on: the verdict is provisional (src/evaluation/provisional.ts). */
  provisionalOn?: string[];
  /** For a verdict about an earlier day: the facts without history read at their value of the evaluation day. */
  todaysValues?: Bilingual | null;
  /** The facts of the subject the rules read, for the records they left out (notCounted). */
  subject?: unknown;
  /** Whose verdict it is: lines name only the measures that can reach that kind of subject. */
  subjectType?: SubjectType;
}

/**
 * A short narrative of a verdict from the rules' own templates and the facts: the outcome, each
 * fired rule with its clause and measure, any lightening after repair, and why the others did not
 * apply.
 */
export function buildSummary(input: SummaryInput, locale: Locale): string {
  const zh = locale === 'zh';
  const lines: string[] = [];
  const own = input.outcome === Outcome.ELIGIBLE ? input.eligibleTitle : null;
  const outcome = own ? own[locale] : zh ? OUTCOME_TITLES[input.outcome].zh : OUTCOME_TITLES[input.outcome].adjective;
  lines.push(zh ? `截至${input.day}，${input.matterTitle.zh}事项的结论：${outcome}。` : `As of ${input.day}, for ${input.matterTitle.en}: ${outcome}.`);
  if (input.outcome === Outcome.NO_RULE_IN_FORCE) {
    lines.push(NOTHING_DECIDED[locale]);
  }
  const recommendation = recommendationNote(input.outcome);
  if (recommendation) lines.push(recommendation[locale]);
  const provisional = provisionalNote(input.provisionalOn ?? []);
  if (provisional) lines.push(provisional[locale]);
  if (input.todaysValues) lines.push(input.todaysValues[locale]);
  if (input.score !== null) {
    // A score beside a bar (四(一) bid score of a listed enterprise, lawyer5 N6). 四(一) only says
    // "依法限制…参与": the restriction stays within its words, and whether the score applies is the
    // purchaser's or tenderer's call under law, not a ban this line declares (lawyer12 R3).
    const barred = input.outcome === Outcome.RESTRICTED || input.outcome === Outcome.DISQUALIFIED;
    if (!barred) lines.push(zh ? `信用得分：${input.score}。` : `Credit score: ${input.score}.`);
    else lines.push(zh ? `信用得分：${input.score}（受名单限制的，依法限制参与；此得分是否适用由采购人、招标人依法决定）。` : `Credit score: ${input.score} (restricted by a listing, the subject is restricted under law from taking part; whether this score applies is for the purchaser or tenderer to decide under law).`);
  }
  const fired = input.rules.filter((r) => r.fired);
  for (const rule of fired) {
    const clauses = rule.basis.map((b) => `${b.document}${b.clause}`).join(zh ? '、' : ', ');
    const text = rule.text?.[locale] ?? rule.title[locale];
    lines.push(zh ? `${text}（依据${clauses}；建议措施：${rule.measure.zh}）` : `${text} (basis: ${clauses}; recommended measure: ${rule.measure.en})`);
  }
  for (const rule of fired.filter((r) => r.mitigatedBy)) {
    const m = rule.mitigatedBy!;
    lines.push(
      zh
        ? `依据规则 ${m.byRule}（三(七) 从轻或免于），“${rule.measure.zh}”${m.to ? `由 ${m.from} 降为 ${m.to}` : '免于实施'}。`
        : `Under rule ${m.byRule} (三(七), lighten or waive), "${rule.measure.en}" was ${m.to ? `lowered from ${m.from} to ${m.to}` : 'waived'}.`,
    );
  }
  for (const line of estimatedDecisionDays(fired, zh)) lines.push(line);
  for (const line of disclosureEndedLines(input.outcome, input.rules, zh)) lines.push(line);
  for (const line of leftOutLines(input.subject, input.parameters, zh)) lines.push(line);
  for (const line of unstatedReliefs(input.subject, zh)) lines.push(line);
  for (const line of disputedFindingLines(input.subject, zh)) lines.push(line);
  for (const line of objectionLines(input.subject, input.subjectType, zh)) lines.push(line);
  for (const line of findingObjectionLines(input.subject, zh)) lines.push(line);
  for (const p of input.parameters ?? []) {
    // Keys sorted: a stored verdict's JSON comes back from PostgreSQL in its own key order.
    const value = p.value && typeof p.value === 'object' ? JSON.stringify(p.value, Object.keys(p.value).sort()) : String(p.value);
    const source = p.source?.text ?? (zh ? '未载明' : 'not recorded');
    lines.push(zh ? `参数 ${p.name} = ${value}（来源：${source}）` : `Parameter ${p.name} = ${value} (source: ${source})`);
  }
  const notFired = input.rules.filter((r) => r.inEffect && !r.fired);
  if (notFired.length) {
    lines.push(zh ? `未适用的规则（${notFired.length}条）：` : `Rules that did not apply (${notFired.length}):`);
    for (const rule of notFired) {
      // A condition withheld from the reader (passed null) is never named: that it failed would tell its value.
      const failed = rule.conditions.find((c) => c.passed === false);
      lines.push(`- ${rule.title[locale]}${failed ? (zh ? '：' : ': ') + describeFailure(failed, locale, input.label?.(failed.fact, failed.path)) : ''}`);
    }
  }
  return lines.join('\n');
}
