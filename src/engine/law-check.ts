import { checkCatalogues, checkRuleAuthority, ruleClaim, type RuleClaim } from './catalogue-check';
import { clauseCoverage, coverageWarnings, type DocumentCoverage } from './clause-coverage';
import { checkInternalLabels } from './internal-label-check';
import { checkLocalChoices } from './local-choice-check';
import { checkLocalChoiceReach } from './local-choice-reach';
import { loadPolicyLibrary, type PolicyLibrary } from './policy-library';
import { checkRuleQuotes } from './quote-check';
import { parseRuleFiles, readRuleFolder, type ParsedJson, type ParsedRuleFiles } from './rule-loader';
import type { Matter } from './rule-model';
import type { RuleProblem } from './rule-problem';

export interface LawInspection {
  /** Misquotes, unauthorised measures, catalogue faults: each refuses the rules. */
  problems: RuleProblem[];
  /** Clauses cited that add no authority; measures with no rule and no reason for none; local choices naming a rule or parameter no file has; internal review labels in texts. */
  warnings: RuleProblem[];
  library: PolicyLibrary;
  coverage: DocumentCoverage[];
}

/** matters.json's matters when it parses with the expected shape; the rule check reports it otherwise. */
function readMatters(parsed: ParsedJson | null): Matter[] | null {
  const matters = (parsed?.json?.value as { matters?: unknown } | undefined)?.matters;
  return Array.isArray(matters) && matters.every((m) => m && typeof m.code === 'string' && Array.isArray(m.subjectTypes)) ? (matters as Matter[]) : null;
}

/** The parameter names the parameters files hold; null when none parses (their own check says why). */
function parameterNames(files: ParsedJson[]): Set<string> | null {
  const names = files.flatMap(({ json }) => Object.keys(((json?.value as { values?: object } | undefined)?.values ?? {})));
  return names.length ? new Set(names) : null;
}

/**
 * The rules against the law they cite (rules/documents/ and rules/catalogue/): every quote verbatim
 * in its clause, every measure authorised by a cited clause, every catalogue true to its document.
 * Looks at every rule file that parses, so a folder with other faults is still checked in full; the
 * other checks (schema, facts, matters) are inspectFiles' and are not repeated here.
 */
export function inspectLaw(parsed: ParsedRuleFiles): LawInspection {
  const { library, problems } = loadPolicyLibrary(parsed);
  const warnings: RuleProblem[] = [];
  problems.push(...checkCatalogues(library, readMatters(parsed.matters)));
  const rules: { file: string; claim: RuleClaim }[] = [];
  for (const { file, json } of parsed.rules) {
    // A file that is not a JSON object (`null`, a list) is refused by the rule schema already.
    if (!json || !json.value || typeof json.value !== 'object' || Array.isArray(json.value)) continue;
    problems.push(...checkRuleQuotes(file, json, library));
    const authority = checkRuleAuthority(file, json, library);
    problems.push(...authority.problems);
    warnings.push(...authority.warnings);
    const claim = ruleClaim(json.value);
    if (claim) rules.push({ file, claim });
  }
  // Every id a rule file gives, even one refused elsewhere: a choice naming it is not the fault.
  const ids = new Set(parsed.rules.map(({ json }) => (json?.value as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string'));
  // A warning, like a measure left without a rule: deleting a rule a choice lists must not stop the set loading.
  warnings.push(...checkLocalChoices(library, ids, parameterNames(parsed.parameters)));
  // A warning: a choice's list is what its lead unit is asked to confirm, so a rule resting on it belongs on
  // it; but a rule copied into a draft (a new matter's) must still load and be previewed, told to join it.
  warnings.push(...checkLocalChoiceReach(library, parsed.rules, parsed.factsQueries));
  // A warning: a text citing an internal review label reads as authority no inspector can look up.
  warnings.push(...checkInternalLabels(parsed));
  const coverage = clauseCoverage(library, rules);
  warnings.push(...coverageWarnings(library, coverage));
  return { problems, warnings, library, coverage };
}

/** The law check of a rules folder on disk, read as its rule set would be (`rules coverage`). */
export function inspectFolderLaw(dir: string): LawInspection {
  const { files, problems } = readRuleFolder(dir);
  if (!files) return { problems, warnings: [], library: { documents: [], catalogues: [], localChoiceFiles: [] }, coverage: [] };
  return inspectLaw(parseRuleFiles(files));
}
