import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkCatalogues, checkRuleAuthority, ruleClaim, type RuleClaim } from './catalogue-check';
import { clauseCoverage, coverageWarnings, type DocumentCoverage } from './clause-coverage';
import { parseJsonFile } from './json-file';
import { loadPolicyLibrary, type PolicyLibrary } from './policy-library';
import { checkRuleQuotes } from './quote-check';
import type { Matter } from './rule-file';
import type { RuleProblem } from './rule-problem';
import { listFiles, SUBJECT_FOLDERS } from './rules-folder';

export interface LawInspection {
  /** Misquotes, unauthorised measures, catalogue faults: each refuses the rules. */
  problems: RuleProblem[];
  /** Clauses cited that add no authority; measures with no rule and no reason for none. */
  warnings: RuleProblem[];
  library: PolicyLibrary;
  coverage: DocumentCoverage[];
}

/** matters.json's matters when it parses with the expected shape; the rule check reports it otherwise. */
function readMatters(dir: string): Matter[] | null {
  const full = path.join(dir, 'matters.json');
  if (!existsSync(full)) return null;
  const matters = (parseJsonFile('matters.json', readFileSync(full, 'utf8')).json?.value as { matters?: unknown } | undefined)?.matters;
  return Array.isArray(matters) && matters.every((m) => m && typeof m.code === 'string' && Array.isArray(m.subjectTypes)) ? (matters as Matter[]) : null;
}

/**
 * The rules against the law they cite (rules/documents/ and rules/catalogue/): every quote verbatim
 * in its clause, every measure authorised by a cited clause, every catalogue true to its document.
 * Reads the rule files itself, so a folder with other faults is still checked in full; the other
 * checks (schema, facts, matters) are inspectRules' and are not repeated here.
 */
export function inspectLaw(dir: string, read: Record<string, string> = {}): LawInspection {
  const { library, problems } = loadPolicyLibrary(dir, read);
  const warnings: RuleProblem[] = [];
  problems.push(...checkCatalogues(library, readMatters(dir)));
  const rules: { file: string; claim: RuleClaim }[] = [];
  for (const folder of Object.values(SUBJECT_FOLDERS)) {
    for (const full of listFiles(path.join(dir, folder), '.json')) {
      const file = path.relative(dir, full);
      const { json } = parseJsonFile(file, readFileSync(full, 'utf8'));
      // A file that is not a JSON object (`null`, a list) is refused by the rule schema already.
      if (!json || !json.value || typeof json.value !== 'object' || Array.isArray(json.value)) continue;
      problems.push(...checkRuleQuotes(file, json, library));
      const authority = checkRuleAuthority(file, json, library);
      problems.push(...authority.problems);
      warnings.push(...authority.warnings);
      const claim = ruleClaim(json.value);
      if (claim) rules.push({ file, claim });
    }
  }
  const coverage = clauseCoverage(library, rules);
  warnings.push(...coverageWarnings(library, coverage));
  return { problems, warnings, library, coverage };
}
