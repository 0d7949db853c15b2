import { parsePeriod } from './period';
import { isYearStart } from './review-period';

/**
 * The checks the facts fields make of their policy arguments beyond the arguments' GraphQL type
 * (a period is a String to GraphQL, "P200000Y" too). One place for both sides: the facts resolvers
 * refuse such a value when a query runs (src/graphql/facts-of.ts), and the rules check refuses a
 * parameters file that would pass one (src/engine/parameter-argument-check.ts), so a value the run
 * time refuses never becomes a rule set in force whose every evaluation fails (hostile31 F7).
 */
export interface ArgumentProblem {
  /** The step inside the argument's value it concerns (e.g. `general` of countsFor); empty for the whole value. */
  at: string[];
  zh: string;
  en: string;
}

/** A period argument's value, or what is wrong with it. */
export function periodProblem(value: unknown): ArgumentProblem | null {
  if (value == null || parsePeriod(value)) return null;
  const shown = JSON.stringify(value);
  return {
    at: [],
    zh: `${shown} 不是至少一天、至多 100 年（36500 天）的日历期间；请写成 ISO 8601 的年、月、日，如 "P3M"、"P1Y"、"P3Y"`,
    en: `${shown} is not a calendar period of at least one day and at most 100 years (36500 days); write it as ISO 8601 years, months and days, e.g. "P3M", "P1Y", "P3Y".`,
  };
}

/** The first day of a review year ("MM-DD"), or what is wrong with it. */
export function yearStartProblem(value: unknown): ArgumentProblem | null {
  if (value == null || (typeof value === 'string' && isYearStart(value))) return null;
  const shown = JSON.stringify(value);
  return {
    at: [],
    zh: `${shown} 不是每年都有的日期：请将考核年度的起始月日写成 "MM-DD"，如 "01-01"（不能是 "02-29"）`,
    en: `${shown} is not a day every year has: write the month and day the review year starts on as "MM-DD", e.g. "01-01" (not "02-29").`,
  };
}

/** Each severity's period of a countsFor argument (SeverityPeriodsInput). */
function severityPeriodsProblem(value: unknown): ArgumentProblem | null {
  if (value == null || typeof value !== 'object') return null;
  for (const [severity, period] of Object.entries(value as Record<string, unknown>)) {
    const problem = periodProblem(period);
    if (problem) return { ...problem, at: [severity] };
  }
  return null;
}

/**
 * The facts fields' arguments checked past their type, by argument name: `within` (commitmentFacts,
 * courtFacts), `trustworthyFor` and `countsFor` (credit), `reviewYearStartsOn` (commitmentFacts).
 */
export const ARGUMENT_CHECKS: Readonly<Record<string, (value: unknown) => ArgumentProblem | null>> = {
  within: periodProblem,
  trustworthyFor: periodProblem,
  countsFor: severityPeriodsProblem,
  reviewYearStartsOn: yearStartProblem,
};
