import type { SubjectType } from '../domain/subject';
import { findCatalogue, findClause, findDocument, findEntry, type AuthorisedMeasure, type CatalogueClause, type PolicyLibrary } from './policy-library';
import type { Bilingual } from '../domain/bilingual';
import { EFFECT_ZH } from '../domain/verdict';
import { quoteParts, quoteSpans } from './quote-match';

/**
 * Sanctions that grow in strength: a clause authorising one authorises the weaker ones
 * (过惩相当 — who may disqualify may also restrict or caution).
 */
export const SANCTION_LADDER: string[] = ['CAUTION', 'RESTRICT', 'DISQUALIFY'];

/**
 * What else an effect includes. Off the ladder, supervision (专项治理) includes a caution — drawing
 * attention is the least of supervising — but no restriction. INCENTIVE and SCORE are kinds of
 * their own, authorised only by name.
 */
const INCLUDES: Record<string, string[]> = { DISQUALIFY: ['RESTRICT', 'CAUTION'], RESTRICT: ['CAUTION'], SUPERVISE: ['CAUTION'] };

export function effectAuthorised(granted: string, used: string): boolean {
  return granted === used || (INCLUDES[granted] ?? []).includes(used);
}

/**
 * A mitigating rule's own effect: MITIGATE, which lowers or waives the measure of the rule it names
 * (三(七) 从轻或免于), or — in the older form — a weaker measure marked `"mitigation": true`.
 */
export const MITIGATE = 'MITIGATE';

export const SUBJECT_ZH: Record<string, string> = { AGENCY: '政府机构', CIVIL_SERVANT: '公务员', ENTERPRISE: '企业' };

/** What a rule asks of the law: this subject type, this matter, this effect, mitigating or not. */
export interface MeasureUse {
  subjectType: SubjectType | string;
  matter: string;
  effect: string;
  mitigation: boolean;
}

export interface Citation {
  document: string;
  clause: string;
  /** The words the rule quotes: the sentence it rests on (see quoteReaches). */
  quote?: string;
}

/**
 * Does the cited passage reach the measure's own words? A clause may hold several sentences that
 * authorise different things (三(六): 招录信用审查 creates a review, 限制评优评先 restricts): a rule rests
 * on the sentence it quotes, so a measure authorises it only when some part of the quote holds the
 * measure's words or lies within them. A RESTRICT quoting the 招录 sentence is not authorised by
 * the restriction sentence beside it. A citation without a quote, or with a quote the clause does not
 * hold (the quote check reports that), is not judged here.
 */
/** A quote with the punctuation at either end of each part dropped: a sentence quoted with its full stop is still that sentence. */
const bare = (quote: string) => quoteParts(quote).map((part) => part.trim().replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '')).filter(Boolean).join('……');

export function quoteReaches(library: PolicyLibrary, citation: Citation, measure: AuthorisedMeasure): boolean {
  if (typeof citation.quote !== 'string') return true;
  const document = findDocument(library, citation.document);
  const text = document && findClause(document, citation.clause)?.text;
  if (!text) return true;
  const quoted = quoteSpans(bare(citation.quote), text);
  const words = quoteSpans(bare(measure.words), text);
  if (!quoted || !words) return true;
  return quoted.some(([a, b]) => words.some(([c, d]) => (a <= c && d <= b) || (c <= a && b <= d)));
}

export function measureCovers(measure: AuthorisedMeasure, use: MeasureUse): boolean {
  return (
    measure.subjectTypes.includes(use.subjectType as SubjectType) &&
    measure.matters.includes(use.matter) &&
    measure.mitigates === use.mitigation &&
    // A MITIGATE rule only lowers a measure another rule must itself have authority for.
    (use.effect === MITIGATE ? measure.mitigates : effectAuthorised(measure.effect, use.effect))
  );
}

/** Every measure of the cited clauses that authorises the use (subject type, matter, effect), with its clause. */
export function coveringMeasures(library: PolicyLibrary, citations: Citation[], use: MeasureUse): { citation: Citation; measure: AuthorisedMeasure }[] {
  return citations.flatMap((citation) => {
    const entry = findEntry(findCatalogue(library, citation.document), citation.clause);
    return entry?.status === 'AUTHORISES' ? (entry.measures ?? []).filter((m) => measureCovers(m, use) && quoteReaches(library, citation, m)).map((measure) => ({ citation, measure })) : [];
  });
}

/** The first measure of the cited clauses that authorises the use, with its clause; null when none does. */
export function authorisingMeasure(library: PolicyLibrary, citations: Citation[], use: MeasureUse): { citation: Citation; measure: AuthorisedMeasure } | null {
  for (const citation of citations) {
    const entry = findEntry(findCatalogue(library, citation.document), citation.clause);
    const measure = entry?.status === 'AUTHORISES' ? entry.measures?.find((m) => measureCovers(m, use) && quoteReaches(library, citation, m)) : undefined;
    if (measure) return { citation, measure };
  }
  return null;
}

const quoted = (words: string) => `“${words}”`;
const list = (items: string[], zh: boolean) => items.join(zh ? '、' : ', ');

/**
 * Why a cited clause does not authorise the use, in the clause's own words: the measure nearest to
 * the use is explained (wrong strength before wrong matter before wrong subject), so the officer
 * reads what the clause does say.
 */
export function whyNot(library: PolicyLibrary, citation: Citation, use: MeasureUse): Bilingual {
  const head = `${citation.clause}`;
  const document = findDocument(library, citation.document);
  const catalogue = findCatalogue(library, citation.document);
  const entry: CatalogueClause | undefined = findEntry(catalogue, citation.clause);
  if (!document || !catalogue || !entry) {
    return { zh: `${head}：不在授权清单中（rules/catalogue/）`, en: `${head}: not in the catalogue (rules/catalogue/)` };
  }
  if (entry.status !== 'AUTHORISES') {
    const text = findClause(document, citation.clause)?.text ?? '';
    const words = Array.from(text).length > 60 ? `${Array.from(text).slice(0, 60).join('')}……` : text;
    const kind = entry.status === 'NO_DECISION' ? { zh: '不作决定', en: 'decides nothing' } : { zh: '不纳入模型', en: 'is not modelled' };
    return { zh: `${head} 原文${quoted(words)}${kind.zh}：${entry.reason!.zh}`, en: `${head} ${kind.en}: ${entry.reason!.en}` };
  }
  const measures = entry.measures ?? [];
  const sameKind = measures.filter((m) => m.mitigates === use.mitigation);
  const forSubject = sameKind.filter((m) => m.subjectTypes.includes(use.subjectType as SubjectType));
  const forMatter = forSubject.filter((m) => m.matters.includes(use.matter));
  const subjectZh = SUBJECT_ZH[use.subjectType] ?? use.subjectType;
  if (forMatter.length) {
    // On the sanction ladder the strongest measure here is the one the rule overreaches; off it, name every kind allowed.
    const onLadder = forMatter.filter((x) => SANCTION_LADDER.includes(x.effect)).sort((a, b) => SANCTION_LADDER.indexOf(b.effect) - SANCTION_LADDER.indexOf(a.effect));
    const ladder = SANCTION_LADDER.includes(use.effect) && onLadder.length > 0;
    const ranked = ladder ? onLadder.filter((x) => x.effect === onLadder[0].effect) : forMatter;
    const m = ranked[0];
    const effects = [...new Set(ranked.map((x) => x.effect))];
    return {
      zh: `${head} 原文${[...new Set(ranked.map((x) => x.words))].map(quoted).join('')}对${subjectZh}在此事项中${ladder ? '至多' : '只'}授权 ${list(effects.map((e) => `${e}（${EFFECT_ZH[e]}）`), true)}，不授权 ${use.effect}（${EFFECT_ZH[use.effect]}）：${m.reading.zh}`,
      en: `${head} authorises ${ladder ? 'at most' : 'only'} ${list(effects, false)} for ${use.subjectType} in this matter, not ${use.effect}: ${m.reading.en}`,
    };
  }
  if (forSubject.length) {
    const m = forSubject[0];
    const matters = [...new Set(forSubject.flatMap((x) => x.matters))];
    return {
      zh: `${head} 原文${quoted(m.words)}对${subjectZh}只涉及事项 ${list(matters, true)}，不涉及 ${use.matter}`,
      en: `${head} speaks of ${use.subjectType} only in ${list(matters, false)}, not in ${use.matter} (${m.reading.en})`,
    };
  }
  if (sameKind.length) {
    const m = sameKind[0];
    const subjects = [...new Set(sameKind.flatMap((x) => x.subjectTypes))];
    return {
      zh: `${head} 原文${quoted(m.words)}只涉及${list(subjects.map((s) => SUBJECT_ZH[s] ?? s), true)}（${list(subjects, true)}），不涉及${subjectZh}`,
      en: `${head} speaks of ${list(subjects, false)} only, not of ${use.subjectType} (${m.reading.en})`,
    };
  }
  const m = measures[0];
  return use.mitigation
    ? { zh: `${head} 原文${quoted(m.words)}不是从轻或免于惩戒的规定，不能作为从轻规则（mitigation）的依据`, en: `${head} does not lighten or waive a measure: a mitigating rule cannot rest on it` }
    : { zh: `${head} 原文${quoted(m.words)}只规定从轻或免于惩戒：依据它的规则须标注 "mitigation": true`, en: `${head} only lightens or waives measures: a rule resting on it must be marked "mitigation": true` };
}
