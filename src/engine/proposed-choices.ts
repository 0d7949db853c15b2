import type { Bilingual } from '../domain/bilingual';
import { loadPolicyLibrary, type PolicyLibrary } from './policy-library';
import { parseRuleFiles, type RuleFiles } from './rule-loader';

/**
 * A local choice still awaiting its body (`localChoices[].status: "PROPOSED"` in rules/catalogue/):
 * what Chengxin decides under a clause that the clause's words do not. A verdict whose deciding
 * rules it lists rests on it, and is provisional until the body decides it (lawyer19 R7), as for a
 * proposed parameter. Named `localChoice:<clause>#<n>`, n counting the clause's choices from 1.
 */
export interface ProposedChoice {
  name: string;
  /** The choice's own words up to its first colon: what it decides. */
  label: Bilingual;
  rules: string[];
}

export const LOCAL_CHOICE_PREFIX = 'localChoice:';

const head = (text: string, colon: RegExp) => text.split(colon)[0].trim();

/** Every proposed local choice of the catalogues, in catalogue order. */
export function proposedChoices(library: PolicyLibrary): ProposedChoice[] {
  return library.catalogues.flatMap((catalogue) =>
    catalogue.clauses.flatMap((clause) =>
      (clause.localChoices ?? []).flatMap((choice, i) =>
        choice.status === 'PROPOSED' ? [{ name: `${LOCAL_CHOICE_PREFIX}${clause.clause}#${i + 1}`, label: { zh: head(choice.choice.zh, /：/), en: head(choice.choice.en, /: /) }, rules: choice.rules }] : [],
      ),
    ),
  );
}

/** The files' proposed local choices, parsed once per files object (a rule set's, or a stored version's). */
const read = new WeakMap<RuleFiles, ProposedChoice[]>();
export function proposedChoicesOf(files: RuleFiles): ProposedChoice[] {
  let choices = read.get(files);
  if (!choices) read.set(files, (choices = proposedChoices(loadPolicyLibrary(parseRuleFiles(files)).library)));
  return choices;
}
