import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { draftReader, Role } from '../auth/role';
import { formatProblem, type RuleProblem } from '../engine/rule-problem';
import { inspectRules, type RuleSet } from '../engine/rule-set';
import { testParameterCases, type PeriodCaseResult } from '../engine/parameter-cases';
import { testRules, type CaseResult } from '../engine/rule-tests';
import { previewImpact, type ImpactReport } from '../evaluation/impact.service';
import { getSchema } from '../graphql/schema';
import { parseAsOf } from './arguments';
import { registerRulesCoverage } from './coverage-command';
import { openRuntime } from './runtime';
import { registerRulesFacts } from './rules-facts-command';

const show = (value: unknown) => JSON.stringify(value);

function caseLines(result: CaseResult): string[] {
  const head = `  ${result.passed ? '✓' : '✗'} ${result.ruleId}: ${result.name}${result.on ? `  (${result.on}, rules/${result.parametersFile})` : ''}`;
  if (result.passed) return [head];
  const lines = [head, `      (rules/${result.file})`];
  if (result.error) return [...lines, `      错误 error: ${result.error}`];
  const evidence = result.expected.evidence !== undefined;
  lines.push(`      - 期望 expected: fired=${result.expected.fired}${result.expected.points !== undefined ? ` points=${result.expected.points}` : ''}${evidence ? ` evidence=${show(result.expected.evidence)}` : ''}`);
  lines.push(`      + 实际 actual:   fired=${result.actual!.fired}${result.actual!.points !== null ? ` points=${result.actual!.points}` : ''}${evidence ? ` evidence=${show(result.actual!.evidence)}` : ''}`);
  for (const c of result.conditions) {
    lines.push(`        ${c.passed ? '✓' : '✗'} ${c.place} ${c.fact}${c.path ? c.path.slice(1) : ''} ${c.operator} ${show(c.expected)}  实际 actual: ${show(c.actual)}`);
  }
  return lines;
}

/** A parameters file's period case: which file held it, which file was in force on its day. */
function periodCaseLines(result: PeriodCaseResult): string[] {
  const counts = (value: boolean) => (value ? '计入 counts' : '不计入 does not count');
  const head = `  ${result.passed ? '✓' : '✗'} rules/${result.file}: ${result.name}  (${result.on}, rules/${result.parametersFile ?? '—'})`;
  if (result.passed) return [head];
  if (result.error) return [head, `      错误 error: ${result.error}`];
  return [head, `      - 期望 expected: ${counts(result.expected)}`, `      + 实际 actual:   ${counts(result.actual!)}`];
}

/** A rule's measure as the officer wrote it, from whichever set has the rule. */
function measureOf(ruleId: string, sets: RuleSet[]): string {
  const rule = sets.map((set) => set.rules.find((r) => r.id === ruleId)).find(Boolean);
  return rule ? `${rule.event.params.measure.zh} / ${rule.event.params.measure.en}` : '';
}

function impactLines(report: ImpactReport, current: RuleSet, draft: RuleSet): string[] {
  const lines = [`规则集 rule set ${report.currentVersion} → 草案 draft ${report.draftVersion}，截至 as of ${report.day}`, ''];
  lines.push('事项 matter            评估 evaluated  变化 changed  变化明细 transitions');
  for (const m of report.matters) {
    const transitions = Object.entries(m.transitions).map(([k, n]) => `${k.replace(/^NEW→/, '新 new→')} ×${n}`).join(', ') || '—';
    const name = m.newMatter ? `${m.matter} (新事项 new)` : m.matter;
    lines.push(`${name.padEnd(22)} ${String(m.evaluated).padStart(9)}  ${String(m.changed).padStart(12)}  ${transitions}`);
  }
  if (report.changes.length) lines.push('', '变化的主体 subjects that change:');
  for (const c of report.changes) {
    const before = report.matters.find((m) => m.matter === c.matter)?.newMatter ? '新 new' : `${c.before.outcome}${c.before.score !== null ? ` ${c.before.score}` : ''}`;
    lines.push(`  ${c.subjectName} (${c.subjectType} ${c.subjectId})  ${c.matter}: ${before} → ${c.after.outcome}${c.after.score !== null ? ` ${c.after.score}` : ''}`);
    for (const id of c.rules) {
      const sign = !c.before.measures.includes(id) ? '+ 新适用 now applies' : !c.after.measures.includes(id) ? '− 不再适用 no longer applies' : '~ 措施改写 measure reworded';
      const sets = sign.startsWith('−') ? [current, draft] : [draft, current];
      lines.push(`      ${sign}: ${id}  措施 measure: ${measureOf(id, sets)}`);
    }
  }
  lines.push('', '每条规则的适用次数 firings per rule (现行 in force → 草案 draft):');
  for (const r of report.rules) {
    const mark = r.firedAfter === 0 ? '  （草案中从未适用 never fires under the draft）' : '';
    lines.push(`  ${r.ruleId.padEnd(40)} ${String(r.firedBefore).padStart(6)} → ${String(r.firedAfter).padEnd(6)}${r.firedBefore !== r.firedAfter ? ' *' : ''}${mark}`);
  }
  lines.push('', `${report.changes.length} 项变化 / change(s); 未保存任何裁决 / nothing was stored.`);
  return lines;
}

/** `chengxin rules check|test|diff|coverage`: for policy officers editing the rule files. */
export function registerRulesCommands(program: Command): void {
  const rules = program.command('rules').description('检查、测试和预览规则文件 / check, test and preview the rule files');
  registerRulesDiff(rules, openRuntime);
  registerRulesFacts(rules);

  rules
    .command('check')
    .description('检查规则文件，列出全部错误与警告 / check the rule files and list every error and warning')
    .argument('[dir]', '规则目录 / rules folder', 'rules')
    .action(async (dir: string) => {
      // Includes the rules against the law they cite: quotes, authorised measures, the catalogue.
      const { problems, warnings, ruleSet } = inspectRules(path.resolve(dir), await getSchema());
      const byPlace = (a: RuleProblem, b: RuleProblem) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
      problems.sort(byPlace);
      warnings.sort(byPlace);
      for (const problem of problems) console.log(`错误 error   ${formatProblem(problem)}`);
      for (const warning of warnings) console.log(`警告 warning ${formatProblem(warning)}`);
      console.log(
        problems.length
          ? `\n${problems.length} 个错误，${warnings.length} 个警告 / ${problems.length} error(s), ${warnings.length} warning(s). 规则未通过检查 / the rules do not pass.`
          : `\n规则检查通过 / the rules pass: ${ruleSet!.rules.length} rules, version ${ruleSet!.version}; ${warnings.length} 个警告 / warning(s).`,
      );
      process.exitCode = problems.length ? 1 : 0;
    });

  rules
    .command('test')
    .description('运行每条规则的用例并报告覆盖率 / run every rule\'s cases and report coverage')
    .argument('[dir]', '规则目录 / rules folder', 'rules')
    .option('--min-coverage <percent>', '覆盖率低于此值即失败 / fail below this coverage (percent)', Number)
    .action(async (dir: string, options: { minCoverage?: number }) => {
      const { ruleSet, problems } = inspectRules(path.resolve(dir), await getSchema());
      if (!ruleSet) {
        for (const problem of problems) console.log(`错误 error ${formatProblem(problem)}`);
        console.log('\n规则有错误，请先运行 rules check / the rules have errors: run `rules check` first.');
        process.exitCode = 1;
        return;
      }
      const report = await testRules(ruleSet.rules, (day) => ruleSet.parametersOn(day));
      report.cases.flatMap(caseLines).forEach((line) => console.log(line));
      const periodCases = testParameterCases(ruleSet);
      if (periodCases.length) {
        console.log('\n参数期间用例 parameter period cases:');
        periodCases.flatMap(periodCaseLines).forEach((line) => console.log(line));
      }
      const failed = report.cases.filter((c) => !c.passed).length + periodCases.filter((c) => !c.passed).length;
      const { coverage } = report;
      console.log(`\n覆盖率 coverage: 规则 rules ${coverage.rulesCovered}/${coverage.rules} (fired and not fired), 条件 conditions ${coverage.conditionsCovered}/${coverage.conditions} (seen true and false) → ${report.percent.toFixed(1)}%`);
      console.log('  每条规则 per rule:            用例 cases  适用 fired  未适用 not fired  条件 conditions');
      for (const r of coverage.perRule) {
        console.log(`  ${r.ruleId.padEnd(40)} ${String(r.cases).padStart(3)}  ${r.seenFiring ? '✓' : '✗'}  ${r.seenNotFiring ? '✓' : '✗'}  ${r.conditionsCovered}/${r.conditions}`);
      }
      if (coverage.uncoveredRules.length) console.log(`  未完全覆盖的规则 rules lacking a firing or a non-firing case: ${coverage.uncoveredRules.join(', ')}`);
      if (coverage.uncoveredConditions.length) console.log(`  未完全覆盖的条件 conditions not seen both ways: ${coverage.uncoveredConditions.join(', ')}`);
      const belowBound = options.minCoverage !== undefined && report.percent < options.minCoverage;
      if (belowBound) console.log(`覆盖率 ${report.percent.toFixed(1)}% 低于要求的 ${options.minCoverage}% / coverage is below the required ${options.minCoverage}%`);
      console.log(`${report.cases.length + periodCases.length - failed} passed, ${failed} failed`);
      process.exitCode = failed || belowBound ? 1 : 0;
    });

  registerRulesCoverage(rules);
}

function parseRole(value: string): Role {
  if (!Object.prototype.hasOwnProperty.call(Role, value) || value === Role.PUBLIC) {
    throw new InvalidArgumentError(`"${value}" is not a role that writes rules; use OFFICER or ADMIN (or CLERK, INSPECTOR).`);
  }
  return value as Role;
}

/** `rules diff`: registered apart because it needs the database. */
export function registerRulesDiff(rules: Command, open: typeof openRuntime): void {
  rules
    .command('diff')
    .description('预览草案规则对全部主体的影响（不保存）/ preview what a draft rules folder would change for every subject (stores nothing)')
    .requiredOption('--draft <dir>', '草案规则目录 / the draft rules folder')
    .option('--matter <code>', '只看一个事项 / only this matter')
    .option('--as-of <date>', '截至日期 / as of this date (YYYY-MM-DD); default now', parseAsOf)
    .option('--json', '输出 JSON / print the report as JSON')
    .option('--role <role>', '草案作者的角色：草案中改动的事实查询只能读取该角色可读的字段 / the draft author\'s role: changed facts queries may read only what it reads whole', parseRole, Role.OFFICER)
    .action(async (options: { draft: string; matter?: string; asOf?: Date; json?: boolean; role: Role }) => {
      const runtime = await open();
      try {
        // As in previewRules: facts queries that differ from the served ones may read only what the author's role reads.
        const { ruleSet: draft, problems } = inspectRules(path.resolve(options.draft), await getSchema(), {
          reader: draftReader(options.role),
          served: runtime.rules.current.files,
        });
        if (!draft) {
          for (const problem of problems) console.log(`错误 error ${formatProblem(problem)}`);
          console.log('\n草案规则有错误 / the draft has errors: run `rules check` on it first.');
          process.exitCode = 1;
          return;
        }
        const report = await previewImpact(runtime.orm.em, runtime.facts, runtime.rules.current, draft, {
          matter: options.matter,
          asOf: options.asOf ?? new Date(),
        });
        console.log(options.json ? JSON.stringify(report, null, 2) : impactLines(report, runtime.rules.current, draft).join('\n'));
      } finally {
        await runtime.close();
      }
    });
}
