/** What a verdict decides: the strongest effect that applies after mitigation. */
export enum VerdictOutcome {
  ELIGIBLE = 'ELIGIBLE',
  CAUTION = 'CAUTION',
  RESTRICTED = 'RESTRICTED',
  DISQUALIFIED = 'DISQUALIFIED',
}
