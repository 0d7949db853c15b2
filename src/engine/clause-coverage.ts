import { measureCovers, quoteReaches, type Citation } from './measure-authority';
import { clauseKey, findCatalogue, findEntry, type AuthorisedMeasure, type ClauseStatus, type PolicyLibrary } from './policy-library';
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
}

export interface ClauseCoverage {
  clause: string;
  heading: string | null;
  status: ClauseStatus | 'MISSING';
  reason: Bilingual | null;
  measures: MeasureCoverage[];
  /** Rules that cite the clause without any of its measures authorising them (`rules check` refuses or warns). */
  citedWithoutAuthority: string[];
}

export interface DocumentCoverage {
  document: string;
  title: string;
  file: string;
  clauses: ClauseCoverage[];
}

const cites = (basis: Citation[], document: string, clause: string) => basis.some((b) => clauseKey(b.document) === clauseKey(document) && clauseKey(b.clause) === clauseKey(clause));

/**
 * Every clause with text of every document, with the rules that implement each measure it
 * authorises — a rule implements a measure when it cites the clause and the measure authorises
 * it for at least one of its matters — or the catalogue's reason for none.
 */
export function clauseCoverage(library: PolicyLibrary, rules: { file: string; claim: RuleClaim }[]): DocumentCoverage[] {
  return library.documents.map((document) => {
    const catalogue = library.catalogues.find((c) => clauseKey(c.document) === clauseKey(document.number));
    const clauses = document.clauses
      .filter((c) => c.text)
      .map((clause): ClauseCoverage => {
        const entry = findEntry(catalogue, clause.id);
        const citing = rules.filter((r) => cites(r.claim.basis, document.number, clause.id));
        const measures = (entry?.status === 'AUTHORISES' ? entry.measures ?? [] : []).map((measure) => ({
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
          citedWithoutAuthority: citing.map((r) => r.claim.id).filter((id) => !implementing.has(id)),
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
        const at = { file: catalogue.file, ...catalogue.json.locate(['clauses', i, 'measures', j]) };
        const ids = measure.rules.map((r) => r.id);
        if (!ids.length && !measure.notImplemented) {
          return [{ ...at, zh: `${clause.clause} 授权的措施“${measure.words}”（${measure.effect}）尚无规则实施，清单也未说明理由（notImplemented）`, en: `no rule implements the measure of ${clause.clause} "${measure.words}" (${measure.effect}), and the catalogue gives no reason (notImplemented)` }];
        }
        if (ids.length && measure.notImplemented) {
          return [{ ...at, zh: `${clause.clause} 的措施已由 ${ids.join('、')} 实施：请删除 notImplemented`, en: `the measure of ${clause.clause} is implemented by ${ids.join(', ')}: remove notImplemented` }];
        }
        return [];
      });
    });
  });
}
