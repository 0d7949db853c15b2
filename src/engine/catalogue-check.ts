import type { LocatedJson } from './json-file';
import { authorisingMeasure, coveringMeasures, MITIGATE, SUBJECT_ZH, whyNot, type Citation, type MeasureUse } from './measure-authority';
import { clauseKey, findCatalogue, findClause, findDocument, findEntry, textHeld, type AuthorisedMeasure, type MeasureScope, type PolicyLibrary } from './policy-library';
import { checkCitation } from './quote-check';
import type { Matter } from './rule-model';
import { EFFECT_ZH } from '../domain/verdict';
import type { RuleProblem } from './rule-problem';

/** The parts of a rule file the authority check reads, when they have the right shape. */
export interface RuleClaim {
  id: string;
  subjectType: string;
  matters: string[];
  effect: string;
  /** A MITIGATE rule, or one marked `"mitigation": true` / given `mitigates`. */
  mitigation: boolean;
  basis: Citation[];
  /**
   * What the rule's top-level `all` conditions pin a subject path to: `{ path, operator: equal, value }`
   * pins one value, `in` a list. A rule fires only within these values.
   */
  pins: Map<string, string[]>;
}

/** A value a scope can pin: a string or a flag (compared as text: true is "true"). */
const pinnable = (v: unknown): v is string | boolean => typeof v === 'string' || typeof v === 'boolean';

/** The values a rule's top-level `all` leaves on the fact "subject" restrict each path to. */
function pinsOf(conditions: unknown): Map<string, string[]> {
  const pins = new Map<string, string[]>();
  const all = (conditions as { all?: unknown } | undefined)?.all;
  if (!Array.isArray(all)) return pins;
  for (const leaf of all as { fact?: unknown; path?: unknown; operator?: unknown; value?: unknown }[]) {
    if (!leaf || leaf.fact !== 'subject' || typeof leaf.path !== 'string') continue;
    const values = leaf.operator === 'equal' && pinnable(leaf.value) ? [String(leaf.value)] : leaf.operator === 'in' && Array.isArray(leaf.value) && leaf.value.length && leaf.value.every(pinnable) ? leaf.value.map(String) : null;
    if (!values) continue;
    // Two pins on one path: the rule fires only where both hold.
    const before = pins.get(leaf.path);
    pins.set(leaf.path, before ? values.filter((v) => before.includes(v)) : values);
  }
  return pins;
}

export function ruleClaim(value: unknown): RuleClaim | null {
  const rule = value as { id?: unknown; subjectType?: unknown; matters?: unknown; basis?: unknown; conditions?: unknown; event?: { type?: unknown; params?: { mitigation?: unknown; mitigates?: unknown } } };
  if (!rule || typeof rule.id !== 'string' || typeof rule.subjectType !== 'string' || !Array.isArray(rule.matters) || !Array.isArray(rule.basis) || typeof rule.event?.type !== 'string') return null;
  const basis = rule.basis
    .filter((b): b is Citation => b && typeof b.document === 'string' && typeof b.clause === 'string')
    .map((b) => (typeof b.quote === 'string' ? { document: b.document, clause: b.clause, quote: b.quote } : { document: b.document, clause: b.clause }));
  return { id: rule.id, subjectType: rule.subjectType, matters: rule.matters.filter((m): m is string => typeof m === 'string'), effect: rule.event.type, mitigation: rule.event.type === MITIGATE || rule.event.params?.mitigation === true || !!rule.event.params?.mitigates, basis, pins: pinsOf(rule.conditions) };
}

/** Does the rule keep within the subjects the measure's words name (every scope pinned within its values)? */
export function withinScope(measure: AuthorisedMeasure, pins: Map<string, string[]>): boolean {
  return (measure.scope ?? []).every((s) => {
    const pinned = pins.get(s.path);
    return !!pinned && pinned.length > 0 && pinned.every((v) => s.values.map(String).includes(v));
  });
}

const condition = (s: MeasureScope) => JSON.stringify({ fact: 'subject', path: s.path, operator: 'in', value: s.values });

/** Distinct citations (clause and quote), in the rule's order. */
function distinct(basis: Citation[]): Citation[] {
  return basis.filter((b, i) => basis.findIndex((o) => clauseKey(o.document) === clauseKey(b.document) && clauseKey(o.clause) === clauseKey(b.clause) && o.quote === b.quote) === i);
}

const clip = (text: string, max = 60) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max).join('')}……` : text);

/**
 * A use the cited clauses authorise, but not in the sentence the rule quotes: for each citation whose
 * clause has a measure for the use, the words of that measure, so the officer quotes the sentence
 * that does authorise it. Empty when no cited clause authorises the use in any sentence.
 */
function wrongSentences(library: PolicyLibrary, claim: RuleClaim, citations: Citation[], use: MeasureUse): { index: number; citation: Citation; words: string[] }[] {
  return citations.flatMap((citation) => {
    if (typeof citation.quote !== 'string') return [];
    const { quote: _quote, ...clauseOnly } = citation;
    const measures = coveringMeasures(library, [clauseOnly], use).map((c) => c.measure);
    if (!measures.length || coveringMeasures(library, [citation], use).length) return [];
    const index = claim.basis.findIndex((b) => b === citation);
    return [{ index, citation, words: [...new Set(measures.map((m) => m.words))] }];
  });
}

/**
 * 清单管理: a rule may apply, for its subject type and each of its matters, only an effect that a
 * clause it cites authorises (at that strength or stronger, and mitigating exactly when the rule
 * mitigates). A refusal says, for each cited clause, what its own words do authorise.
 * Citing a clause that decides nothing, or one whose measures do not reach the rule's effect, beside
 * one that authorises is only a warning: the rule stands, but the extra citation lends it no authority
 * (`rules coverage` lists such a rule as cited without authority).
 */
export function checkRuleAuthority(file: string, json: LocatedJson, library: PolicyLibrary): { problems: RuleProblem[]; warnings: RuleProblem[] } {
  const claim = ruleClaim(json.value);
  if (!claim || !claim.basis.length) return { problems: [], warnings: [] };
  const citations = distinct(claim.basis);
  const refusals = new Map<string, { matters: string[]; zh: string; en: string }>();
  const outOfScope = new Map<string, { matters: string[]; zh: string; en: string }>();
  const sentenceFaults = new Map<string, { index: number; citation: Citation; words: string[]; matters: string[] }>();
  for (const matter of claim.matters) {
    const use: MeasureUse = { subjectType: claim.subjectType, matter, effect: claim.effect, mitigation: claim.mitigation };
    if (authorisingMeasure(library, citations, use)) {
      // Authorised for the subject type; the words may still name only some of its subjects.
      const covering = coveringMeasures(library, citations, use);
      if (covering.some(({ measure }) => withinScope(measure, claim.pins))) continue;
      const { citation, measure } = covering[0];
      const missing = (measure.scope ?? []).filter((s) => !withinScope({ ...measure, scope: [s] }, claim.pins));
      const zh = missing.map((s) => `${citation.clause} 原文“${s.words}”只涉及 ${s.path} 属于 ${s.values.join('、')} 的主体：${s.reading.zh.replace(/[。.]+$/, '')}。请在 conditions.all 中加入 ${condition(s)}`).join('；');
      const en = missing.map((s) => `${citation.clause} ("${s.words}") speaks only of subjects whose ${s.path} is one of ${s.values.join(', ')}: ${s.reading.en.replace(/\.+$/, '')}. Add ${condition(s)} to conditions.all`).join('; ');
      const group = outOfScope.get(zh + en) ?? { matters: [], zh, en };
      group.matters.push(matter);
      outOfScope.set(zh + en, group);
      continue;
    }
    const misplaced = wrongSentences(library, claim, citations, use);
    if (misplaced.length) {
      for (const { index, citation, words } of misplaced) {
        const key = `sentence:${index}`;
        const group = sentenceFaults.get(key) ?? { index, citation, words, matters: [] };
        group.matters.push(matter);
        sentenceFaults.set(key, group);
      }
      continue;
    }
    const reasons = citations.map((c) => whyNot(library, c, use));
    const zh = reasons.map((r) => r.zh.replace(/[。.]+$/, '')).join('；');
    const en = reasons.map((r) => r.en.replace(/\.+$/, '')).join('; ');
    const group = refusals.get(zh + en) ?? { matters: [], zh, en };
    group.matters.push(matter);
    refusals.set(zh + en, group);
  }
  const subjectZh = SUBJECT_ZH[claim.subjectType] ?? claim.subjectType;
  const problems = [...refusals.values()].map((group) => {
    const at = group.matters.length === claim.matters.length ? ['event', 'type'] : ['matters', claim.matters.indexOf(group.matters[0])];
    const mitigating = claim.mitigation ? { zh: '（从轻）', en: ' (mitigating)' } : { zh: '', en: '' };
    return {
      file,
      ...json.locate(at),
      zh: `规则 ${claim.id} 对${subjectZh}在事项 ${group.matters.join('、')} 中适用 ${claim.effect}（${EFFECT_ZH[claim.effect] ?? claim.effect}）${mitigating.zh}，所引条款均未授权。${group.zh}。请改用所引条款授权的措施，或引用授权该措施的条款（rules/catalogue/）`,
      en: `rule ${claim.id} applies ${claim.effect}${mitigating.en} to ${claim.subjectType} in ${group.matters.join(', ')}, which no clause it cites authorises. ${group.en}. Use a measure the cited clauses authorise, or cite the clause that does (rules/catalogue/)`,
    };
  });
  for (const { index, citation, words, matters } of sentenceFaults.values()) {
    const effectZh = EFFECT_ZH[claim.effect] ?? claim.effect;
    problems.push({
      file,
      ...json.locate(['basis', index, 'quote']),
      zh: `规则 ${claim.id} 对${subjectZh}在事项 ${matters.join('、')} 中适用 ${claim.effect}（${effectZh}），但所引 ${citation.clause} 原文“${clip(citation.quote!)}”不是授权该措施的语句。${citation.clause} 中授权该措施的是${words.map((w) => `“${w}”`).join('、')}：请在 basis[${index}].quote 中引用该语句（引文须包含该语句，或在该语句之内）`,
      en: `rule ${claim.id} applies ${claim.effect} to ${claim.subjectType} in ${matters.join(', ')}, but the words it quotes from ${citation.clause} ("${clip(citation.quote!)}") are not the sentence that authorises it. In ${citation.clause} the measure is authorised by ${words.map((w) => `"${w}"`).join(', ')}: quote that sentence in basis[${index}].quote (the quote must hold it, or lie within it)`,
    });
  }
  for (const group of outOfScope.values()) {
    problems.push({
      file,
      ...json.locate(['conditions']),
      zh: `规则 ${claim.id} 在事项 ${group.matters.join('、')} 中对所引条款未涉及的主体也适用 ${claim.effect}（${EFFECT_ZH[claim.effect] ?? claim.effect}）。${group.zh}`,
      en: `rule ${claim.id} applies ${claim.effect} in ${group.matters.join(', ')} also to subjects the cited clause does not speak of. ${group.en}`,
    });
  }
  const warnings: RuleProblem[] = [];
  if (!problems.length) {
    claim.basis.forEach((citation, i) => {
      const entry = findEntry(findCatalogue(library, citation.document), citation.clause);
      if (entry && entry.status !== 'AUTHORISES') {
        warnings.push({
          file,
          ...json.locate(['basis', i, 'clause']),
          zh: `${citation.clause} 不授权任何措施（${entry.reason!.zh.replace(/。$/, '')}），引用它不增加依据；只引用授权该措施的条款`,
          en: `${citation.clause} authorises no measure (${entry.reason!.en.replace(/\.$/, '')}); citing it adds no authority: cite only the clauses that authorise the measure`,
        });
      } else if (entry && citations.includes(citation) && !claim.matters.some((matter) => authorisingMeasure(library, [citation], { subjectType: claim.subjectType, matter, effect: claim.effect, mitigation: claim.mitigation }))) {
        const why = whyNot(library, citation, { subjectType: claim.subjectType, matter: claim.matters[0], effect: claim.effect, mitigation: claim.mitigation });
        warnings.push({
          file,
          ...json.locate(['basis', i, 'clause']),
          zh: `${citation.clause} 未授权本规则的 ${claim.effect}（${EFFECT_ZH[claim.effect] ?? claim.effect}）：${why.zh.replace(/[。.]+$/, '')}。引用它不增加依据，反使人误以为它也支持该措施；只引用授权该措施的条款`,
          en: `${citation.clause} does not authorise this rule's ${claim.effect}: ${why.en.replace(/\.+$/, '')}. Citing it adds no authority and suggests it supports the measure: cite only the clauses that authorise the measure`,
        });
      }
    });
  }
  return { problems, warnings };
}

/**
 * The catalogues against the documents and matters: each document has one catalogue listing each
 * of its clauses with text exactly once; each measure's words stand verbatim in its clause; each
 * measure's matters are declared and concern its subject types (unless matters.json is unreadable:
 * the rule check reports that).
 */
export function checkCatalogues(library: PolicyLibrary, matters: Matter[] | null): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seenNumbers = new Map<string, string>();
  for (const document of library.documents) {
    const key = clauseKey(document.number);
    const at = (path: (string | number)[]) => ({ file: document.file, ...document.json.locate(path) });
    if (seenNumbers.has(key)) problems.push({ ...at(['number']), zh: `文号 ${document.number} 与 ${seenNumbers.get(key)} 重复`, en: `document number ${document.number} is also used by ${seenNumbers.get(key)}` });
    seenNumbers.set(key, document.file);
    document.clauses.forEach((clause, i) => {
      if (document.clauses.findIndex((c) => clauseKey(c.id) === clauseKey(clause.id)) !== i) problems.push({ ...at(['clauses', i, 'id']), zh: `条款编号 ${clause.id} 重复`, en: `clause ${clause.id} appears twice` });
    });
    // A document only named (its text not held) has no clauses to list: its catalogue waits for its text.
    if (textHeld(document) && !findCatalogue(library, document.number)) {
      problems.push({ ...at(['number']), zh: `${document.number} 没有授权清单：请在 rules/catalogue/ 中逐条列出其授权的措施或不作决定的理由`, en: `${document.number} has no catalogue: list each of its clauses in rules/catalogue/ with the measures it authorises or why it decides nothing` });
    }
  }
  const byCode = matters && new Map(matters.map((m) => [m.code, m]));
  const seenCatalogues = new Map<string, string>();
  for (const catalogue of library.catalogues) {
    const at = (path: (string | number)[]) => ({ file: catalogue.file, ...catalogue.json.locate(path) });
    const key = clauseKey(catalogue.document);
    if (seenCatalogues.has(key)) problems.push({ ...at(['document']), zh: `${catalogue.document} 的授权清单与 ${seenCatalogues.get(key)} 重复`, en: `${catalogue.document} already has a catalogue in ${seenCatalogues.get(key)}` });
    seenCatalogues.set(key, catalogue.file);
    const document = findDocument(library, catalogue.document);
    if (!document) {
      problems.push({ ...at(['document']), zh: `rules/documents/ 中没有 ${catalogue.document} 的原文`, en: `rules/documents/ has no text of ${catalogue.document}` });
      continue;
    }
    catalogue.clauses.forEach((entry, i) => {
      const clause = findClause(document, entry.clause);
      if (!clause || !clause.text) {
        problems.push({ ...at(['clauses', i, 'clause']), zh: `${document.number} 中没有带正文的条款 ${entry.clause}`, en: `${document.number} has no clause ${entry.clause} with text` });
        return;
      }
      (entry.refersTo ?? []).forEach((reference, j) => {
        if (!findDocument(library, reference.document)) {
          problems.push({ ...at(['clauses', i, 'refersTo', j, 'document']), zh: `rules/documents/ 中没有文件 "${reference.document}"：请加入其原文，或只登记文件（textHeld: false，写明 notHeld）`, en: `rules/documents/ has no document "${reference.document}": add its text, or name it only (textHeld: false, with notHeld)` });
        }
        const fault = checkCitation(library, { document: document.number, clause: clause.id, quote: reference.words });
        if (fault) problems.push({ ...at(['clauses', i, 'refersTo', j, 'words']), zh: `所引文件的原文：${fault.zh}`, en: `the words referring to it: ${fault.en}` });
      });
      if (catalogue.clauses.findIndex((c) => clauseKey(c.clause) === clauseKey(entry.clause)) !== i) problems.push({ ...at(['clauses', i, 'clause']), zh: `条款 ${entry.clause} 重复列出`, en: `clause ${entry.clause} is listed twice` });
      (entry.measures ?? []).forEach((measure, j) => {
        const fault = checkCitation(library, { document: document.number, clause: clause.id, quote: measure.words });
        if (fault) problems.push({ ...at(['clauses', i, 'measures', j, 'words']), zh: `授权措施的原文：${fault.zh}`, en: `the measure's words: ${fault.en}` });
        (measure.scope ?? []).forEach((scope, k) => {
          const scopeFault = checkCitation(library, { document: document.number, clause: clause.id, quote: scope.words });
          if (scopeFault) problems.push({ ...at(['clauses', i, 'measures', j, 'scope', k, 'words']), zh: `适用范围的原文：${scopeFault.zh}`, en: `the scope's words: ${scopeFault.en}` });
        });
        if (byCode) measure.matters.forEach((code, k) => {
          const matter = byCode.get(code);
          if (!matter) problems.push({ ...at(['clauses', i, 'measures', j, 'matters', k]), zh: `未知的事项 "${code}"，请先在 matters.json 中声明`, en: `unknown matter "${code}"; declare it in matters.json first` });
          else if (!measure.subjectTypes.some((s) => matter.subjectTypes.includes(s))) problems.push({ ...at(['clauses', i, 'measures', j, 'matters', k]), zh: `事项 "${code}" 不适用于 ${measure.subjectTypes.join('、')}`, en: `matter "${code}" does not concern ${measure.subjectTypes.join(', ')}` });
        });
      });
    });
    const missing = document.clauses.filter((c) => c.text && !findEntry(catalogue, c.id)).map((c) => c.id);
    if (missing.length) {
      problems.push({ ...at(['clauses']), zh: `授权清单缺少条款 ${missing.join('、')}：请列出其授权的措施，或说明不作决定、不纳入模型的理由`, en: `the catalogue lacks clause(s) ${missing.join(', ')}: list the measures each authorises, or why it decides nothing or is not modelled` });
    }
  }
  return problems;
}
