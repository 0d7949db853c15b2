/**
 * Edits of shipped rule files for tests, made on the parsed JSON rather than by replacing text, so
 * a file whose wording or layout changes does not silently leave a test's edit undone: each helper
 * throws when its edit found nothing to change.
 */

interface Leaf {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
}
type Node = Leaf | { all: Node[] } | { any: Node[] } | { not: Node };

function leaves(node: Node): Leaf[] {
  if ('all' in node) return node.all.flatMap(leaves);
  if ('any' in node) return node.any.flatMap(leaves);
  if ('not' in node) return leaves(node.not);
  return [node];
}

/** The rule file's text with the one condition reading `path` (e.g. "$.governmentDishonesty.unrepaired") changed by `change`. */
export function withCondition(text: string, path: string, change: Partial<Leaf>): string {
  const rule = JSON.parse(text) as { conditions: Node };
  const found = leaves(rule.conditions).filter((leaf) => leaf.path === path);
  if (found.length !== 1) throw new Error(`expected one condition reading ${path} in the rule file, found ${found.length}: the test's edit no longer fits the file`);
  const before = JSON.stringify(found[0]);
  Object.assign(found[0], change);
  if (JSON.stringify(found[0]) === before) throw new Error(`the edit ${JSON.stringify(change)} changes nothing of the condition reading ${path}`);
  return `${JSON.stringify(rule, null, 2)}\n`;
}

/** The rule file's text made invalid JSON (a doubled comma after `"priority": N,`), at a known place. */
export function withSyntaxError(text: string): string {
  const edited = text.replace(/("priority": \d+,)/, '$1,');
  if (edited === text) throw new Error('the rule file has no "priority": N, to break: the test\'s edit no longer fits the file');
  return edited;
}
