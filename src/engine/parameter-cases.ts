import { Kind, visit, type DocumentNode } from 'graphql';
import { countsTowardsFacts, type SeverityPeriods } from '../domain/counting-period';
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

/** The variable a facts query passes as argument `name` to its first `credit` field that passes one, if any. */
export function creditVariable(document: DocumentNode, name: string): string | null {
  let found: string | null = null;
  visit(document, {
    Field(field) {
      if (found || field.name.value !== 'credit') return;
      const argument = field.arguments?.find((a) => a.name.value === name);
      if (argument?.value.kind === Kind.VARIABLE) found = argument.value.name.value;
    },
  });
  return found;
}

/** The variable a facts query passes as `countsFor` to a `credit` field, if any. */
export function countsForVariable(document: DocumentNode): string | null {
  return creditVariable(document, 'countsFor');
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
  // The other readings the facts query passes to credit: the trustworthy period and the in-force day.
  const document = ruleSet.factsQueries[type].document;
  const valueOf = (argument: string) => {
    const name = creditVariable(document, argument);
    return name ? inForce.values[name] : undefined;
  };
  const trustworthy = parsePeriod(valueOf('trustworthyFor'));
  const actsFrom = valueOf('actsFrom');
  const { kind, severity, decidedOn, occurredOn, decidedOnEstimated } = periodCase.record;
  const trustworthyRecord = kind === 'TRUSTWORTHY';
  const actual = countsTowardsFacts(
    {
      id: 'case',
      kind: trustworthyRecord ? RecordKind.TRUSTWORTHY : RecordKind.DISHONEST,
      category: trustworthyRecord ? RecordCategory.COMMENDATION : RecordCategory.BREACH_OF_CONTRACT,
      severity: trustworthyRecord || !severity ? null : Severity[severity],
      status: RecordStatus.ACTIVE,
      occurredOn: occurredOn ?? decidedOn,
      recordedOn: decidedOn,
      decidedOn,
      decidedOnEstimated: !!decidedOnEstimated,
      documentNumber: '',
      sourceDepartment: '',
    },
    periodCase.on,
    { countsFor: { ...periods, trustworthy }, actsFrom: typeof actsFrom === 'string' ? actsFrom : null },
  );
  return { ...base, parametersFile: inForce.file, passed: actual === periodCase.counts, actual };
}

/** Runs the period cases of every parameters file. */
export function testParameterCases(ruleSet: RuleSet): PeriodCaseResult[] {
  return ruleSet.parameterSets.flatMap((set) => set.cases.map((periodCase) => runCase(ruleSet, set, periodCase)));
}
