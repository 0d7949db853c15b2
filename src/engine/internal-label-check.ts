import type { JSONPath } from 'jsonc-parser';
import type { ParsedJson, ParsedRuleFiles } from './rule-loader';
import type { RuleProblem } from './rule-problem';

/**
 * Labels of internal reviews (“law14a W1”, “lawyer8 R2”, “hostile17 F3”, “issue 11”): texts that
 * inspectors and policy officers read — titles, measures, explanations, case names, catalogue
 * readings, parameter notes, matters' reasons — cite the clause, never a label nobody outside the
 * project can look up (lawyer16 R3). Prefixed labels are found in any case; a bare W1/R3/N5/F2 only
 * in capitals, so a case's record id (r1) is not one.
 */
const LABEL = /(?<![A-Za-z0-9])(?:(?:[Ll]aw(?:yer)?|[Hh]ostile|[Ss]ec|[Rr]eg)\d+[a-z]?(?: ?[WRNF]\d{1,2})?|[WRNF]\d{1,2}[a-z]?)(?![A-Za-z0-9])|\b[Ii]ssue \d+/g;

/** Keys whose values no reader is shown as text: a case's facts and expectations, ids, the schema's path. */
const NOT_TEXT = new Set(['facts', 'expect', 'id', '$schema']);

function* strings(value: unknown, path: JSONPath): Generator<{ text: string; path: JSONPath }> {
  if (typeof value === 'string') yield { text: value, path };
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i]);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) if (!NOT_TEXT.has(key)) yield* strings(child, [...path, key]);
  }
}

/** A warning for every internal label in the texts of the set's JSON files. */
export function checkInternalLabels(parsed: ParsedRuleFiles): RuleProblem[] {
  const files: ParsedJson[] = [...(parsed.matters ? [parsed.matters] : []), ...parsed.parameters, ...parsed.rules, ...parsed.documents, ...parsed.catalogues, ...parsed.localChoices];
  const problems: RuleProblem[] = [];
  for (const { file, json } of files) {
    if (!json) continue;
    for (const { text, path } of strings(json.value, [])) {
      for (const match of text.matchAll(LABEL)) {
        problems.push({
          file,
          ...json.locate(path),
          zh: `文本引用了内部评审标签“${match[0]}”，读者无从查考：请改为所依条款（如三(六)），或删去`,
          en: `the text cites the internal review label "${match[0]}", which no reader can look up: cite the clause instead (e.g. 三(六)), or take it out`,
        });
      }
    }
  }
  return problems;
}
