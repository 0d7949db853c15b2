import path from 'node:path';
import type { Command } from 'commander';
import type { ClauseCoverage, DocumentCoverage } from '../engine/clause-coverage';
import { inspectFolderLaw } from '../engine/law-check';
import { SANCTION_LADDER } from '../engine/measure-authority';
import { formatProblem } from '../engine/rule-problem';
import { textHeld, type PolicyLibrary } from '../engine/policy-library';

const STATUS: Record<ClauseCoverage['status'], string> = {
  AUTHORISES: '授权措施 authorises',
  NO_DECISION: '不作决定 decides nothing',
  NOT_MODELLED: '不纳入模型 not modelled',
  MISSING: '清单未列 not in the catalogue',
};

function clauseLines(clause: ClauseCoverage): string[] {
  const lines = [`${clause.clause} ${clause.heading ?? ''} — ${STATUS[clause.status]}`];
  for (const measure of clause.measures) {
    const mitigates = measure.mitigates ? ' 从轻 mitigates' : '';
    const strength = SANCTION_LADDER.includes(measure.effect) ? '至多 at most' : '仅 only';
    lines.push(`    ${measure.subjectTypes.join(', ')} · ${measure.matters.join(', ')} · ${strength} ${measure.effect}${mitigates}  “${measure.words}”`);
    for (const rule of measure.rules) lines.push(`      ✓ ${rule.id} (${rule.effect}; ${rule.matters.join(', ')})  rules/${rule.file}`);
    // Coverage is per measure and matter: a measure implemented for one matter may still lack a rule for another.
    if (measure.notImplemented) lines.push(`      — 无规则 no rule${measure.notImplemented.matters ? ` (${measure.notImplemented.matters.join(', ')})` : ''}: ${measure.notImplemented.zh} / ${measure.notImplemented.en}`);
    if (measure.gaps.length) lines.push(`      ✗ 尚无规则，清单未说明理由 / no rule yet, and the catalogue gives no reason: ${measure.gaps.join(', ')}`);
  }
  if (clause.status !== 'AUTHORISES' && clause.reason) lines.push(`    理由 reason: ${clause.reason.zh} / ${clause.reason.en}`);
  // An authorising clause's reason covers its sentences that decide nothing (e.g. 三(五) 评价政府诚信水平).
  else if (clause.reason) lines.push(`    其余语句 other sentences: ${clause.reason.zh} / ${clause.reason.en}`);
  for (const choice of clause.localChoices) {
    const status = choice.status === 'PROPOSED' ? '拟定 proposed' : `已决定 decided ${choice.decidedOn ?? ''} ${choice.reference ?? ''}`.trim();
    lines.push(`    ◇ 本地选择 local choice (${status}; 决定机关 deciding body: ${choice.body}): ${choice.choice.zh} / ${choice.choice.en}`);
    lines.push(`      规则 rules: ${choice.rules.join(', ') || '—'}${choice.parameters?.length ? `; 参数 parameters: ${choice.parameters.join(', ')}` : ''}`);
  }
  for (const reference of clause.refersTo) {
    if (reference.textHeld) lines.push(`    → 引用文件 refers to: ${reference.document}（原文已收入 text held）  “${reference.words}”`);
    else lines.push(`    ⚠ 引用未收入原文的文件 refers to a document whose text is not held: ${reference.document}  “${reference.words}”；无从核对 left unchecked: ${reference.leavesUnchecked.zh} / ${reference.leavesUnchecked.en}`);
  }
  if (clause.citedWithoutAuthority.length) lines.push(`    ! 引用但未获授权 cited without authority: ${clause.citedWithoutAuthority.join(', ')} (see rules check)`);
  return lines;
}

/** The documents only named (their text not held): no clause of theirs can be checked, and no rule may quote them. */
function notHeldLines(library: PolicyLibrary): string[] {
  const named = library.documents.filter((d) => !textHeld(d));
  if (!named.length) return [];
  return [
    '未收入原文的文件 documents named but whose text is not held (no quote from them can be checked; rules check refuses one):',
    ...named.map((d) => `  ⚠ ${d.number} ${d.title}  (rules/${d.file})${d.notHeld ? `: ${d.notHeld.zh} / ${d.notHeld.en}` : ''}`),
    '',
  ];
}

function documentLines(document: DocumentCoverage): string[] {
  const decisions = document.clauses.filter((c) => c.status === 'AUTHORISES');
  const measures = decisions.flatMap((c) => c.measures);
  const implemented = measures.filter((m) => m.rules.length).length;
  const pairs = measures.flatMap((m) => m.matters);
  const gaps = measures.flatMap((m) => m.gaps).length;
  return [
    `${document.document} ${document.title}  (rules/${document.file})`,
    `决定性条款 decision clauses: ${decisions.length}; 措施 measures: ${measures.length}, 有规则实施 implemented by a rule: ${implemented}; 措施×事项 measure-matter pairs: ${pairs.length}, 无规则且无理由 with no rule and no reason: ${gaps}`,
    '',
    ...document.clauses.flatMap(clauseLines),
    '',
  ];
}

/** `rules coverage`: every clause of every document, with the rules that implement it or the catalogue's reason for none. */
export function registerRulesCoverage(rules: Command): void {
  rules
    .command('coverage')
    .description('列出每份文件的每个条款及实施它的规则，或不实施的理由 / list every clause of every document with the rules that implement it, or the reason for none')
    .argument('[dir]', '规则目录 / rules folder', 'rules')
    .option('--json', '输出 JSON / print the coverage as JSON')
    .action((dir: string, options: { json?: boolean }) => {
      const { coverage, library, problems } = inspectFolderLaw(path.resolve(dir));
      const unreadable = problems.filter((p) => p.file.startsWith('documents/') || p.file.startsWith('catalogue/'));
      if (options.json) console.log(JSON.stringify({ documents: coverage, problems: unreadable }, null, 2));
      else {
        if (!library.documents.length) console.log('rules/documents/ 中没有文件原文 / rules/documents/ holds no document text.');
        coverage.flatMap(documentLines).forEach((line) => console.log(line));
        notHeldLines(library).forEach((line) => console.log(line));
        for (const problem of unreadable) console.log(`错误 error   ${formatProblem(problem)}`);
        if (problems.length > unreadable.length) console.log(`规则有 ${problems.length - unreadable.length} 处引文或授权错误，运行 rules check 查看 / the rules have ${problems.length - unreadable.length} quote or authority error(s): run \`rules check\``);
      }
      process.exitCode = unreadable.length ? 1 : 0;
    });
}
