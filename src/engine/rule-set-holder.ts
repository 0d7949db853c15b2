import type { RuleSet } from './rule-set';

/**
 * The rule set in force. Evaluations read `current` once at their start and keep that set to the
 * end, so swapping in a new set never changes an evaluation under way.
 */
export class RuleSetHolder {
  constructor(private ruleSet: RuleSet) {}

  get current(): RuleSet {
    return this.ruleSet;
  }

  replace(next: RuleSet): void {
    this.ruleSet = next;
  }
}
