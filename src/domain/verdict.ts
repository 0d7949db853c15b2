/**
 * What a verdict decides: the strongest effect that applies after mitigation, or that no rule of the
 * matter was in force on the day (which must never read as "eligible"). The one place that names the
 * outcomes: the engine, the API enum, the CLI and the summaries all take their words from here.
 */
export enum VerdictOutcome {
  ELIGIBLE = 'ELIGIBLE',
  CAUTION = 'CAUTION',
  RESTRICTED = 'RESTRICTED',
  DISQUALIFIED = 'DISQUALIFIED',
  NO_RULE_IN_FORCE = 'NO_RULE_IN_FORCE',
}

/** The outcomes a fired effect can give, weakest first: the strongest wins. */
export const OUTCOME_STRENGTH: readonly VerdictOutcome[] = [VerdictOutcome.ELIGIBLE, VerdictOutcome.CAUTION, VerdictOutcome.RESTRICTED, VerdictOutcome.DISQUALIFIED];

/**
 * Each outcome's words: `title` as a heading (结论：提示关注), `adjective` inside an English sentence,
 * `meaning` for the API's enum descriptions.
 */
export const OUTCOME_TITLES: Record<VerdictOutcome, { zh: string; en: string; adjective: string; meaning: string }> = {
  [VerdictOutcome.ELIGIBLE]: { zh: '符合条件', en: 'Eligible', adjective: 'eligible', meaning: 'rules of the matter were in force and none restricts (incentives and scores may apply)' },
  [VerdictOutcome.CAUTION]: { zh: '提示关注', en: 'Caution', adjective: 'cautioned', meaning: 'the record is to be weighed (重要依据); not a bar' },
  [VerdictOutcome.RESTRICTED]: { zh: '予以限制', en: 'Restricted', adjective: 'restricted', meaning: 'the measure is restricted' },
  [VerdictOutcome.DISQUALIFIED]: { zh: '取消资格', en: 'Disqualified', adjective: 'disqualified', meaning: 'the subject is barred from the matter' },
  [VerdictOutcome.NO_RULE_IN_FORCE]: {
    zh: '无适用规则',
    en: 'No rule in force',
    adjective: 'not decided: no rule of the matter was in force on the day',
    meaning: 'no rule of the matter was in force on the day: nothing was decided; this is not a clearance',
  },
};

/** "提示关注 CAUTION": how a terminal shows an outcome, Chinese first. */
export function outcomeLabel(outcome: string): string {
  const title = OUTCOME_TITLES[outcome as VerdictOutcome];
  return title ? `${title.zh} ${outcome}` : outcome;
}
