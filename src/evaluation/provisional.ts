import type { Bilingual } from '../domain/bilingual';
import { SubjectType } from '../domain/subject';
import { Outcome, type RuleResult } from '../domain/verdict';
import { under } from '../engine/facts-reach';
import type { ParameterSource } from '../engine/rule-model';
import { LOCAL_CHOICE_PREFIX, type ProposedChoice } from '../engine/proposed-choices';

/** What deciding needs of a rule result. */
type Decided = Pick<RuleResult, 'ruleId' | 'fired' | 'inEffect' | 'effect' | 'mitigatedBy' | 'parameters' | 'conditions'> & Partial<Pick<RuleResult, 'evidence'>>;

const OUTCOME_EFFECTS: Partial<Record<Outcome, readonly string[]>> = {
  [Outcome.CAUTION]: ['CAUTION', 'SUPERVISE'],
  [Outcome.RESTRICTED]: ['RESTRICT'],
  [Outcome.DISQUALIFIED]: ['DISQUALIFY'],
};

/**
 * The rules a verdict's outcome rests on. A measure: the fired rules that give it (and the
 * mitigating rule that lowered one to it); a bid score beside a restriction decides nothing of it
 * (the restriction of 四(一) rests on the listing, not on the points). ELIGIBLE: every
 * rule in effect, since each rule's not firing is what decided it (a record that no longer counts
 * after a period is as much a decision as one that counts). NO_RULE_IN_FORCE: none.
 */
export function decidingRules<R extends Decided>(outcome: Outcome, rules: R[]): R[] {
  if (outcome === Outcome.NO_RULE_IN_FORCE) return [];
  if (outcome === Outcome.ELIGIBLE) return rules.filter((r) => r.inEffect);
  const effects = OUTCOME_EFFECTS[outcome] ?? [];
  const giving = rules.filter((r) => r.fired && r.effect !== null && effects.includes(r.effect));
  const mitigators = new Set(giving.flatMap((r) => (r.mitigatedBy ? [r.mitigatedBy.byRule] : [])));
  return rules.filter((r) => giving.includes(r) || mitigators.has(r.ruleId));
}

/**
 * What a verdict is provisional on, sorted: the proposed parameters (拟定，待有权机关确认:
 * `localChoice.status: "PROPOSED"`) its deciding rules rest on — those the rules read themselves
 * (conditions, points, texts), and the facts query's parameters that counted a fact a deciding
 * rule's condition reads (`countsFor` for `$.credit.…`, found from the query's arguments by
 * `factsReach`) — then the proposed local choices of the catalogue that list a deciding rule
 * (`localChoice:三(七)#1`, src/engine/proposed-choices.ts): a reading of the clause the body has not
 * confirmed is as much a ground as a value it has not (lawyer19 R7). Empty: the verdict rests on
 * clause-sourced or decided values and confirmed readings only, and is not provisional.
 */
export function provisionalOn(outcome: Outcome, rules: Decided[], sources: Record<string, ParameterSource>, reach: Record<string, string[]>, choices: readonly ProposedChoice[] = []): string[] {
  const names = new Set<string>();
  const deciding = decidingRules(outcome, rules).filter((rule) => !couldNotHaveFired(rule, sources, reach));
  for (const rule of deciding) {
    for (const name of rule.parameters ?? []) names.add(name);
    for (const condition of rule.conditions) {
      if (condition.fact !== 'subject' || !condition.path) continue;
      for (const variable of reachingVariables(reach, condition.path)) names.add(variable);
    }
  }
  const parameters = [...names].filter((name) => sources[name.split('.')[0]]?.localChoice?.status === 'PROPOSED').sort();
  const ids = new Set(deciding.map((r) => r.ruleId));
  const readings = choices.filter((c) => c.rules.some((id) => ids.has(id)) || (c.label.zh === DISCLOSURE_ENDED_CHOICE && restsOnUndisclosed(outcome, deciding))).map((c) => c.name);
  return [...parameters, ...readings];
}

/**
 * The catalogue's 三(七) local choice that a record counts after its public disclosure ended, by its
 * label (what it decides). It says a restriction or disqualification resting on such a record should
 * not be signed before its lead units confirm it (lawyer28 R2): such a verdict rests on the choice
 * whichever rule gave the measure, listed by the choice or not.
 */
export const DISCLOSURE_ENDED_CHOICE = '公示期届满不终止计入';

/** A restriction or disqualification whose giving rules' evidence holds a record past its disclosure (disclosureEnded). */
function restsOnUndisclosed(outcome: Outcome, deciding: Decided[]): boolean {
  if (outcome !== Outcome.RESTRICTED && outcome !== Outcome.DISQUALIFIED) return false;
  const effects = OUTCOME_EFFECTS[outcome] ?? [];
  return deciding.some((r) => r.fired && !!r.effect && effects.includes(r.effect) && (r.evidence ?? []).some((item) => item.disclosureEnded === true));
}

/**
 * A rule that did not fire, and could not have whatever the proposed values and readings say: it failed
 * on a condition every firing needs (a top-level `all` leaf) that compares a registered yes/no state of
 * the subject with a literal — a listing held (listings.listedByCourt), the kind confirmed
 * (kindEstimated), a leading cadre, a principal — on a fact no parameter of the facts query counts and
 * with no parameter for its expected value. An ELIGIBLE outcome rests on every rule in effect not firing
 * (decidingRules), but not on the readings of a rule that was never for this subject: an enterprise on no
 * list is not provisional on how a listing whose record was revoked is read (四(一)#1), nor a civil
 * servant who is no leading cadre on how a cadre's promotion assessment weighs a 四(四) entry (四(四)#2).
 * Conditions on lists of kinds or levels (`in`) are kept: which kinds a clause reaches is itself a
 * local choice (三(八)#2), so a rule failing on one still rests on it. Counts are kept: a parameter, or
 * a record the registry holds, could make them true.
 */
function couldNotHaveFired(rule: Decided, sources: Record<string, ParameterSource>, reach: Record<string, string[]>): boolean {
  if (rule.fired || !rule.inEffect) return false;
  return rule.conditions.some(
    (c) =>
      c.passed === false && /^all\[\d+\]$/.test(c.place) && c.fact === 'subject' && !!c.path &&
      (c.operator === 'equal' || c.operator === 'notEqual') && typeof c.expected === 'boolean' && !c.expectedParameter &&
      !reachingVariables(reach, c.path).some((variable) => variable in sources),
  );
}

/** By reach (one per facts query document, decide.ts): the variables whose reach holds each condition path asked. */
const reachedBy = new WeakMap<Record<string, string[]>, Map<string, string[]>>();

/**
 * The facts query's variables that counted the fact at `path`: every variable's reach against the
 * path, once per facts query and path. An evaluation's conditions are the same few dozen paths
 * each time, and comparing them with every reach again was ≈ 1 % of an `evaluate`'s CPU (issue 13, perf20).
 */
function reachingVariables(reach: Record<string, string[]>, path: string): string[] {
  let byPath = reachedBy.get(reach);
  if (!byPath) reachedBy.set(reach, (byPath = new Map()));
  let found = byPath.get(path);
  if (!found) byPath.set(path, (found = Object.entries(reach).filter(([, paths]) => paths.some((p) => under(path, p))).map(([variable]) => variable)));
  return found;
}

/** What a summary says of a provisional verdict, naming the proposed parameters and local choices. */
export function provisionalNote(names: string[]): Bilingual | null {
  if (!names.length) return null;
  const parameters = names.filter((n) => !n.startsWith(LOCAL_CHOICE_PREFIX));
  const choices = names.filter((n) => n.startsWith(LOCAL_CHOICE_PREFIX));
  const zh = [
    parameters.length ? `所依规则依据的参数 ${parameters.join('、')} 为拟定取值` : '',
    choices.length ? `所依规则依据的本地选择 ${choices.join('、')}（授权清单 localChoices，原文未规定、由本系统选定）为拟定` : '',
  ].filter(Boolean);
  const en = [
    parameters.length ? `the rules this outcome rests on read ${parameters.join(', ')}, proposed values` : '',
    choices.length ? `${parameters.length ? 'they' : 'the rules this outcome rests on'} rest on the local choices ${choices.join(', ')} (catalogue localChoices: what this system decided where the clause does not), proposed` : '',
  ].filter(Boolean);
  return {
    zh: `暂定结论：${zh.join('；')}，尚待有权机关确认（来源见下）；确认或改定后结论可能不同。`,
    en: `Provisional: ${en.join('; ')}, awaiting confirmation by the deciding body (sources below); the outcome may differ once they are decided.`,
  };
}

/**
 * Facts the registry keeps no history of: the value read is the one registered when the verdict was
 * evaluated, whatever its as-of day. (Records, repairs, listings, commitments, court cases, tenure
 * and, since issue 10, an enterprise's credit grades are dated and read as of the day.) No history
 * is invented for them: a verdict about an earlier day says so instead.
 */
export const TODAYS_VALUES: Record<SubjectType, { path: string; words: Bilingual }[]> = {
  [SubjectType.AGENCY]: [
    { path: '$.kind', words: { zh: '机构类别（kind）', en: 'the agency kind (kind)' } },
    { path: '$.level', words: { zh: '机构层级（level）', en: 'the agency level (level)' } },
  ],
  [SubjectType.CIVIL_SERVANT]: [
    { path: '$.leadingCadre', words: { zh: '是否领导干部（leadingCadre）', en: 'whether a leading cadre (leadingCadre)' } },
    { path: '$.principal', words: { zh: '是否主要负责人（principal）', en: 'whether principal (principal)' } },
    { path: '$.post', words: { zh: '职务（post）', en: 'the post (post)' } },
    { path: '$.rank', words: { zh: '职级（rank）', en: 'the rank (rank)' } },
    { path: '$.agency', words: { zh: '所在机关（agency）', en: 'the agency they belong to (agency)' } },
  ],
  [SubjectType.ENTERPRISE]: [],
};

/**
 * For a verdict about a day before the day it was evaluated: the facts without history that its
 * deciding rules read, in words, with the note that they are the values of the evaluation day.
 * Null when the day is the evaluation day (or later), or no such fact was read.
 */
export function todaysValuesNote(subjectType: SubjectType, outcome: Outcome, rules: Decided[], day: string, evaluatedOn: string): Bilingual | null {
  if (day >= evaluatedOn) return null;
  const paths = decidingRules(outcome, rules).flatMap((r) => r.conditions.filter((c) => c.fact === 'subject' && c.path).map((c) => c.path!));
  const read = TODAYS_VALUES[subjectType].filter((fact) => paths.some((p) => under(p, fact.path)));
  if (!read.length) return null;
  return {
    zh: `截至日 ${day} 早于评估日 ${evaluatedOn}：${read.map((f) => f.words.zh).join('、')}没有历史记录，所用的是评估日的登记值，不一定是截至日的值。`,
    en: `The as-of day ${day} is before the day of evaluation, ${evaluatedOn}: ${read.map((f) => f.words.en).join('; ')} ha${read.length > 1 ? 've' : 's'} no history here, so the value registered on the day of evaluation was used, which may not be the value on the as-of day.`,
  };
}

/** What an explanation says beside its rules: whether the verdict is provisional, and which values are today's. */
export interface VerdictNotes {
  provisional: boolean;
  provisionalOn: string[];
  provisionalNote: Bilingual | null;
  todaysValues: Bilingual | null;
}

/** The notes of a verdict (or assessment) evaluated at `evaluatedAt` (its China day) about `day`. */
export function verdictNotes(subjectType: SubjectType, outcome: Outcome, rules: Decided[], day: string, evaluatedOn: string, names: string[]): VerdictNotes {
  return { provisional: names.length > 0, provisionalOn: names, provisionalNote: provisionalNote(names), todaysValues: todaysValuesNote(subjectType, outcome, rules, day, evaluatedOn) };
}
