/**
 * How large a rules folder, a draft and each rule may be. The checks are cheap and run before any
 * costly one (JSON Schema, static checks, json-rules-engine), so an oversized draft is refused in
 * milliseconds instead of stalling the event loop. The shipped rules keep well inside each bound but
 * the size of one file (the catalogue ~56 KB, a rule with its cases up to ~43 KB; at most 3 conditions
 * nested 3 deep). Documented in rules/README.md.
 */
export const RULE_LIMITS = {
  /** Files in the rules folder (rules, facts queries, parameters, matters). */
  files: 300,
  /** Files one draft (previewRules) may change. */
  draftFiles: 50,
  /**
   * Bytes of one file. A rule file holds 2–8 KB; a document's catalogue grows with its clauses'
   * readings and its local choices with the choices the deciding bodies have to confirm (58 and
   * 57 KB for 鄂州政发〔2018〕17号 after lawyer21's reading, past the old 64 KB less its 8 KB margin):
   * 128 KB still parses in a few milliseconds and stays one file a person can review.
   */
  fileBytes: 128 * 1024,
  /**
   * Bytes of all the files of the folder (a preview's too: the draft written over the shipped files).
   * The shipped folder holds about 830 KB (each rule's bilingual texts and its cases): the bound leaves
   * a draft its full room beside it and policy officers room to add rules; what a preview costs is
   * bounded by the draft's own size (draftBytes, draftFiles) and each rule's conditions, not by this.
   */
  folderBytes: 2 * 1024 * 1024,
  /** Bytes of one draft's contents. */
  draftBytes: 1024 * 1024,
  /** Leaf conditions of one rule. */
  conditions: 100,
  /** Nesting of `all` / `any` / `not` in one rule. */
  conditionDepth: 8,
  /**
   * Decorators before one condition's operator (`everyFact:not:equal` has two). json-rules-engine
   * applies them by recursion, one frame each: 15,000 stacked `not:` passed the checks and overflowed
   * the stack when a preview ran (hostile12 F4). Each of the six decorators (not, swap, someFact,
   * everyFact, someValue, everyValue) once is more than any rule needs; the shipped rules use none.
   */
  operatorDecorators: 4,
  /**
   * Values in the lists (`in`, `notIn`, `contains…` values) of one rule's conditions, and of all
   * the rules of a folder (a draft is checked as the folder it would make). Each value is tried
   * against every subject in a preview and by the lint's search; the shipped rules use at most 4
   * in a rule and 10 in all.
   */
  listValues: 200,
  folderListValues: 1000,
  /** Nesting of JSON objects and arrays in any file (checked before parsing). */
  jsonDepth: 32,
  /** GraphQL tokens of one facts query (graphql-js stops parsing past it). */
  factsTokens: 3000,
  /**
   * The size of one rule's points, written in the rule or read from the parameters (gradePoints):
   * the shipped points are at most 5. A score sums the points of every fired rule, so with the bound
   * (at most `files` rules) a score stays a finite, exact number; 1e308 twice made Infinity (hostile31 F8).
   */
  points: 1_000_000,
  /** Nesting of selections in one facts query, `subject` counting as 1. */
  factsDepth: 6,
  /** Fields one facts query selects, aliases included (the shipped ones select about 50). */
  factsFields: 300,
  /**
   * Estimated cost of a draft facts query per subject, in the API's cost model (query-cost.ts). The
   * shipped queries cost under a third of it (test/security/draft-facts-cost.test.ts: the civil
   * servant's 9,378). Since facts fields are priced by the rows they go through (they were 1 each and
   * this limit 2,000, the civil servant's 519), it grew by the same factor (×18), so a draft keeps
   * the same room beside the shipped query; an agency's capped list of servants with their credit
   * facts alone costs over 10,000 (it was 201: seven such aliases fitted, now two do).
   */
  factsCost: 36_000,
  /** Characters of a draft file's path. */
  pathLength: 200,
} as const;

/** A rule's points within RULE_LIMITS.points either way (finite: Infinity and NaN are not). */
export function pointsWithinBound(points: number): boolean {
  return Math.abs(points) <= RULE_LIMITS.points;
}

/** What to say of points out of the bound, wherever they are written. */
export function pointsOutOfBound(points: number): { zh: string; en: string } {
  return {
    zh: `分值 ${points} 超出上限：分值须在 -${RULE_LIMITS.points} 至 ${RULE_LIMITS.points} 之间；请更正`,
    en: `the points ${points} are out of bounds: points lie between -${RULE_LIMITS.points} and ${RULE_LIMITS.points}; correct them`,
  };
}

/** Where the first place nesting deeper than `limit` starts, or null: strings and escapes are skipped. */
export function jsonTooDeep(text: string, limit: number): { line: number; column: number } | null {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    }
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > limit) return { line, column: i - lineStart + 1 };
    } else if (c === '}' || c === ']') depth--;
  }
  return null;
}

/**
 * Counts a rule's leaf conditions and its deepest nesting, on the parsed JSON before it is known
 * to fit the schema; stops as soon as a bound is passed.
 */
export function conditionSize(node: unknown): { conditions: number; depth: number; listValues: number } {
  let conditions = 0;
  let deepest = 0;
  let listValues = 0;
  const walk = (value: unknown, depth: number): void => {
    if (conditions > RULE_LIMITS.conditions || deepest > RULE_LIMITS.conditionDepth) return;
    if (!value || typeof value !== 'object') return;
    const branch = value as { all?: unknown; any?: unknown; not?: unknown };
    const children = Array.isArray(branch.all) ? branch.all : Array.isArray(branch.any) ? branch.any : branch.not !== undefined ? [branch.not] : null;
    if (!children) {
      conditions++;
      const leafValue = (value as { value?: unknown }).value;
      if (Array.isArray(leafValue)) listValues += leafValue.length;
      return;
    }
    deepest = Math.max(deepest, depth);
    for (const child of children) walk(child, depth + 1);
  };
  walk(node, 1);
  return { conditions, depth: deepest, listValues };
}
