import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { matchQuote, normalise, normalisedText } from '../../src/engine/quote-match';
import { root } from '../support/run-command';

/**
 * Quote matching compares `normalisedText`, the fast form of `normalise(…).text` (a rules load
 * matches every quote against its clause): the two must agree on every text, or a quote the law
 * check accepted would become a misquote, or the reverse.
 */
function strings(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => strings(item, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => strings(item, into));
  return into;
}

const jsonFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
  entry.isDirectory() ? jsonFiles(path.join(dir, entry.name)) : entry.name.endsWith('.json') ? [path.join(dir, entry.name)] : []);

it('equals normalise(…).text on every string of the shipped rules folder (clauses, quotes, ids) and on the marks it maps', () => {
  const texts = jsonFiles(path.join(root, 'rules')).flatMap((file) => strings(JSON.parse(readFileSync(file, 'utf8')), []));
  expect(texts.length).toBeGreaterThan(1000);
  texts.push('第三条　（一）“失信”，ＡＢＣ１２３！？\u00a0\n\t 𠀀𠮷 ‘x’ ：；～｛｝', '', ' \u3000\u2003');
  for (const text of texts) expect(normalisedText(text)).toBe(normalise(text).text);
  expect(matchQuote('（一）“失信”……ＡＢＣ１２３!', '第三条 (一)"失信", ＡＢＣ１２３！')).toEqual({ found: true });
  expect(matchQuote('(一)、失信', '(一),失信')).toMatchObject({ found: false });
});
