/**
 * Where a word stands in a file's text, as the rule checks report it (1-based line and column), found
 * by its content: a test naming a line of a shipped rules/ or facts file by number breaks whenever a
 * field is added above it. `context` is a unique piece of text holding `word` (the word itself when
 * it is unique); the position is that of `word` within the first occurrence of `context`.
 */
export function positionOf(text: string, context: string, word: string = context): { line: number; column: number; at: string } {
  const start = text.indexOf(context);
  if (start < 0) throw new Error(`positionOf: "${context}" is not in the text`);
  if (text.indexOf(context, start + 1) >= 0) throw new Error(`positionOf: "${context}" is in the text more than once; give a longer context`);
  const within = context.indexOf(word);
  if (within < 0) throw new Error(`positionOf: "${word}" is not in "${context}"`);
  const before = text.slice(0, start + within).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return { line, column, at: `${line}:${column}` };
}

