/** One mistake in the rules folder, located and explained in both languages. */
export interface RuleProblem {
  /** Path relative to the rules folder, e.g. agency/honour-disqualify.json. */
  file: string;
  line: number;
  column: number;
  zh: string;
  en: string;
}

/** `agency/x.json:3:5 中文 / English`: the form an editor and a terminal both understand. */
export function formatProblem(problem: RuleProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.zh} / ${problem.en}`;
}

/** Thrown when the rules folder cannot be loaded; carries every problem found, not just the first. */
export class RuleSetError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(`规则有 ${problems.length} 处错误 / the rules have ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'RuleSetError';
  }
}

/**
 * A problem without the schema's field names: no "did you mean" guess and no list of the fields
 * available at a path. In production, where introspection is off, the server's preview answers
 * must not hand out the schema piecemeal; `rules check` on the command line keeps them.
 */
export function withoutFieldHints(problem: RuleProblem): RuleProblem {
  return {
    ...problem,
    zh: problem.zh.replace(/；是否应为 "[^"]*"？/g, '').replace(/；此处可用：[^。]*/g, ''),
    en: problem.en.replace(/; did you mean "[^"]*"\?/g, '').replace(/ Available here: [^.]*/g, ''),
  };
}
