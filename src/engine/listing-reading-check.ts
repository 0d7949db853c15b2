import type { LocatedJson } from './json-file';
import { leaves, type LoadedRule } from './rule-model';
import type { RuleProblem } from './rule-problem';

/**
 * The facts that say "judgment defaulter" but are not the court's listing (issue 11, law23 R1):
 * `listings.judgmentDefaulter` and its sister `courtFacts.judgmentDefaulter` end on a credit repair
 * approved here (endedBy REPAIRED), while the listing itself holds until the court removes it or its
 * recorded term ends (法释〔2017〕7号 art. 10). Every measure the catalogue rests on a judgment-defaulter
 * listing (四(一)'s bar, 三(八)'s special governance, the listing cautions) rests on the listing
 * itself, so a rule reading either field would end a measure on a repair the court never made.
 * A warning, not an error: an old draft still loads, and the officer is told what to read instead.
 */
const REPAIR_ENDED = /^\$\.(listings|courtFacts)\.judgmentDefaulter$/;

export function checkListingReadings(rules: { rule: LoadedRule; json: LocatedJson }[]): RuleProblem[] {
  const warnings: RuleProblem[] = [];
  for (const { rule, json } of rules) {
    for (const { leaf, at } of leaves(rule.conditions)) {
      const match = leaf.fact === 'subject' && leaf.path ? REPAIR_ENDED.exec(leaf.path) : null;
      if (!match) continue;
      const field = `${match[1]}.judgmentDefaulter`;
      const listing = `${match[1]}.listedByCourt`;
      warnings.push({
        file: rule.file,
        ...json.locate([...at, 'path']),
        zh: `规则 ${rule.id} 读取 ${field}：该字段在名单所依记录于本系统获信用修复时即为 false，而失信被执行人名单只由法院移出（或登记的列入期限届满）才终止，信用修复不终止名单；以名单为依据的措施（四(一)限制参与、三(八)专项治理、名单的提示关注）请改读 ${listing}（法院未移出的名单），要考量未修复的记录请读 credit.judgmentDefaulter`,
        en: `rule ${rule.id} reads ${field}, which turns false once the record behind the listing is repaired here, while the judgment-defaulter listing ends only on the court's removal (or its recorded term running out), never on a repair: for a measure resting on the listing (四(一)'s bar, 三(八)'s special governance, the listing cautions) read ${listing} (the listing the court has not removed) instead, or credit.judgmentDefaulter to weigh an unrepaired record`,
      });
    }
  }
  return warnings;
}
