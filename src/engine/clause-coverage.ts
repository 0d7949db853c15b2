import { measureCovers, quoteReaches, type Citation } from './measure-authority';
import { clauseKey, findCatalogue, findDocument, findEntry, textHeld, type AuthorisedMeasure, type ClauseStatus, type DocumentReference, type LocalChoice, type PolicyLibrary } from './policy-library';
import type { RuleProblem } from './rule-problem';
import { withinScope, type RuleClaim } from './catalogue-check';
import type { Bilingual } from '../domain/bilingual';

export interface ImplementingRule {
  id: string;
  file: string;
  effect: string;
  /** The rule's matters this measure authorises. */
  matters: string[];
}

export interface MeasureCoverage extends Omit<AuthorisedMeasure, 'reading'> {
  reading: Bilingual;
  rules: ImplementingRule[];
  /**
   * The measure's matters no rule implements and no `notImplemented` explains: coverage is counted
   * per (measure, matter), so a measure implemented for PROMOTION but not for AWARD shows its gap.
   */
  gaps: string[];
}

/** The matters a measure's `notImplemented` explains: those it lists, or every matter of the measure. */
export function explainedMatters(measure: AuthorisedMeasure): string[] {
  return measure.notImplemented ? measure.notImplemented.matters ?? measure.matters : [];
}

export interface ClauseCoverage {
  clause: string;
  heading: string | null;
  status: ClauseStatus | 'MISSING';
  reason: Bilingual | null;
  measures: MeasureCoverage[];
  /** What Chengxin decides under the clause that its words do not, each with its deciding body. */
  localChoices: LocalChoice[];
  /** Rules that cite the clause without any of its measures authorising them (`rules check` refuses or warns). */
  citedWithoutAuthority: string[];
  /** Documents the clause's words refer to, whether their text is held, and what is left unchecked while it is not. */
  refersTo: (DocumentReference & { title: string | null; textHeld: boolean })[];
}

export interface DocumentCoverage {
  document: string;
  title: string;
  file: string;
  clauses: ClauseCoverage[];
}

const cites = (basis: Citation[], document: string, clause: string) => basis.some((b) => clauseKey(b.document) === clauseKey(document) && clauseKey(b.clause) === clauseKey(clause));

function withGaps(measure: Omit<MeasureCoverage, 'gaps'>): MeasureCoverage {
  const implemented = new Set(measure.rules.flatMap((r) => r.matters));
  const explained = explainedMatters(measure);
  return { ...measure, gaps: measure.matters.filter((m) => !implemented.has(m) && !explained.includes(m)) };
}

/**
 * Every clause with text of every document, with the rules that implement each measure it
 * authorises — a rule implements a measure when it cites the clause and the measure authorises
 * it for at least one of its matters — or the catalogue's reason for none.
 */
export function clauseCoverage(library: PolicyLibrary, rules: { file: string; claim: RuleClaim }[]): DocumentCoverage[] {
  // A document only named (its text not held) has no clauses to cover: it shows where a clause refers to it.
  return library.documents.filter(textHeld).map((document) => {
    const catalogue = library.catalogues.find((c) => clauseKey(c.document) === clauseKey(document.number));
    const clauses = document.clauses
      .filter((c) => c.text)
      .map((clause): ClauseCoverage => {
        const entry = findEntry(catalogue, clause.id);
        const citing = rules.filter((r) => cites(r.claim.basis, document.number, clause.id));
        const measures = (entry?.status === 'AUTHORISES' ? entry.measures ?? [] : []).map((measure) => withGaps({
          ...measure,
          rules: citing.flatMap(({ file, claim }) => {
            // The rule implements the measure only through a citation quoting the measure's own sentence.
            const quoting = claim.basis.some((b) => clauseKey(b.document) === clauseKey(document.number) && clauseKey(b.clause) === clauseKey(clause.id) && quoteReaches(library, b, measure));
            const matters = quoting && withinScope(measure, claim.pins) ? claim.matters.filter((matter) => measureCovers(measure, { subjectType: claim.subjectType, matter, effect: claim.effect, mitigation: claim.mitigation })) : [];
            return matters.length ? [{ id: claim.id, file, effect: claim.effect, matters }] : [];
          }),
        }));
        const implementing = new Set(measures.flatMap((m) => m.rules.map((r) => r.id)));
        return {
          clause: clause.id,
          heading: clause.heading ?? null,
          status: entry?.status ?? 'MISSING',
          reason: entry?.reason ?? null,
          measures,
          localChoices: entry?.localChoices ?? [],
          citedWithoutAuthority: citing.map((r) => r.claim.id).filter((id) => !implementing.has(id)),
          refersTo: (entry?.refersTo ?? []).map((reference) => {
            const named = findDocument(library, reference.document);
            return { ...reference, title: named?.title ?? null, textHeld: !!named && textHeld(named) };
          }),
        };
      });
    return { document: document.number, title: document.title, file: document.file, clauses };
  });
}

/**
 * Where the catalogue and the rules disagree about implementation: a measure no rule implements and
 * no `notImplemented` explains, or a `notImplemented` that a rule has made stale.
 */
export function coverageWarnings(library: PolicyLibrary, coverage: DocumentCoverage[]): RuleProblem[] {
  return coverage.flatMap((document) => {
    const catalogue = findCatalogue(library, document.document);
    if (!catalogue) return [];
    return document.clauses.flatMap((clause) => {
      const i = catalogue.clauses.findIndex((c) => clauseKey(c.clause) === clauseKey(clause.clause));
      return clause.measures.flatMap((measure, j): RuleProblem[] => {
        // Located only for a warning: locating parses the catalogue again (json-file.ts).
        const at = () => ({ file: catalogue.file, ...catalogue.json.locate(['clauses', i, 'measures', j]) });
        const problems: RuleProblem[] = [];
        if (measure.gaps.length) {
          const some = measure.rules.length ? { zh: `（已由 ${measure.rules.map((r) => r.id).join('、')} 在其他事项中实施）`, en: ` (implemented for other matters by ${measure.rules.map((r) => r.id).join(', ')})` } : { zh: '', en: '' };
          problems.push({ ...at(), zh: `${clause.clause} 授权的措施“${measure.words}”（${measure.effect}）在事项 ${measure.gaps.join('、')} 中尚无规则实施${some.zh}，清单也未说明理由：请增加规则，或在 notImplemented 中说明理由（可用 matters 限定事项）`, en: `no rule implements the measure of ${clause.clause} "${measure.words}" (${measure.effect}) for ${measure.gaps.join(', ')}${some.en}, and the catalogue gives no reason: add a rule, or give the reason in notImplemented (its matters may name the matters it explains)` });
        }
        const stale = explainedMatters(measure).filter((m) => measure.rules.some((r) => r.matters.includes(m)));
        if (stale.length) {
          const ids = measure.rules.filter((r) => r.matters.some((m) => stale.includes(m))).map((r) => r.id);
          problems.push({ ...at(), zh: `${clause.clause} 的措施在事项 ${stale.join('、')} 中已由 ${ids.join('、')} 实施：请从 notImplemented 中删去这些事项`, en: `the measure of ${clause.clause} is implemented for ${stale.join(', ')} by ${ids.join(', ')}: take those matters out of notImplemented` });
        }
        return problems;
      });
    });
  });
}
