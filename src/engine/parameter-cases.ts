import { Kind, visit, type DocumentNode } from 'graphql';
import { recordCounts, type SeverityPeriods } from '../domain/credit-facts';
import { RecordCategory, RecordKind, RecordStatus, Severity } from '../domain/credit-record';
import { parsePeriod } from '../domain/period';
import { SubjectType } from '../domain/subject';
import type { ParameterSet, PeriodCase } from './rule-model';
import type { RuleSet } from './rule-set';

/**
 * The cases a parameters file carries for its periods (`cases` in parameters/<date>.json): does a
 * record decided on one day still count on another? Each runs on its `on` day with the parameters
 * file in force that day, through the function the facts queries themselves use (recordCounts),
 * with the period the subject type's facts query passes to `credit(countsFor: …)`. So "general
 * records now count six months" has a case that fails until the new file says so.
 */
export interface PeriodCaseResult {
  /** The parameters file that holds the case. */
  file: string;
  name: string;
  on: string;
  /** The parameters file in force on the case's day, whose period was used. */
  parametersFile: string | null;
  passed: boolean;
  expected: boolean;
  actual: boolean | null;
  error?: string;
}

/** The variable a facts query passes as `countsFor` to a `credit` field, if any. */
export function countsForVariable(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    Field(field) {
      if (found || field.name.value !== 'credit') return;
      const argument = field.arguments?.find((a) => a.name.value === 'countsFor');
      if (argument?.value.kind === Kind.VARIABLE) found = argument.value.name.value;
    },
  });
  return found;
}

function severityPeriods(value: unknown): SeverityPeriods | null {
  if (!value || typeof value !== 'object') return null;
  const { minor, general, major, severe } = value as Record<string, unknown>;
  const [n, g, m, s] = [parsePeriod(minor), parsePeriod(general), parsePeriod(major), parsePeriod(severe)];
  return n && g && m && s ? { minor: n, general: g, major: m, severe: s } : null;
}

function runCase(ruleSet: RuleSet, holder: ParameterSet, periodCase: PeriodCase): PeriodCaseResult {
  const base = { file: holder.file, name: periodCase.name, on: periodCase.on, expected: periodCase.counts };
  const inForce = ruleSet.parametersOn(periodCase.on);
  const fail = (zh: string, en: string): PeriodCaseResult => ({ ...base, parametersFile: inForce?.file ?? null, passed: false, actual: null, error: `${zh} / ${en}` });
  if (!inForce) return fail(`${periodCase.on} 没有生效的参数文件`, `no parameters file is in force on ${periodCase.on}`);
  const type = (periodCase.subjectType as SubjectType | undefined) ?? SubjectType.CIVIL_SERVANT;
  const variable = countsForVariable(ruleSet.factsQueries[type].document);
  if (!variable) return fail(`事实查询 ${ruleSet.factsQueries[type].file} 未向 credit 传入 countsFor`, `the facts query ${ruleSet.factsQueries[type].file} passes no countsFor to credit`);
  const periods = severityPeriods(inForce.values[variable]);
  if (!periods) return fail(`参数文件 ${inForce.file} 的 ${variable} 不是按严重程度的期间`, `${variable} in ${inForce.file} is not a period per severity`);
  const { severity, decidedOn, occurredOn } = periodCase.record;
  const actual = recordCounts(
    {
      id: 'case',
      kind: RecordKind.DISHONEST,
      category: RecordCategory.BREACH_OF_CONTRACT,
      severity: Severity[severity],
      status: RecordStatus.ACTIVE,
      occurredOn: occurredOn ?? decidedOn,
      recordedOn: decidedOn,
      decidedOn,
      documentNumber: '',
      sourceDepartment: '',
    },
    periodCase.on,
    periods,
  );
  return { ...base, parametersFile: inForce.file, passed: actual === periodCase.counts, actual };
}

/** Runs the period cases of every parameters file. */
export function testParameterCases(ruleSet: RuleSet): PeriodCaseResult[] {
  return ruleSet.parameterSets.flatMap((set) => set.cases.map((periodCase) => runCase(ruleSet, set, periodCase)));
}
