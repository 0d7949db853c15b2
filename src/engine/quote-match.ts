/**
 * Matching a quote against a document's words, and nothing looser than this:
 * - full-width and half-width forms of one punctuation mark are the same mark (，and ,  （ and (
 *   ： and :  “ ” and "), because published texts and editors mix them freely;
 * - spaces of any width are ignored: Chinese text has no word spaces, and copied pages carry
 *   stray ones (U+3000, no-break spaces, line breaks);
 * - "……" leaves words out: the parts on either side must each appear verbatim, in order.
 * Every other difference — a character, its order, a different mark such as 、 for , — is a misquote.
 */

/** Parts of a quote on either side of each "……", empty parts dropped. */
export function quoteParts(quote: string): string[] {
  return quote.split('……').filter((part) => normalisedText(part).length > 0);
}

/** Full-width punctuation (U+FF01–FF5E, letters and digits excepted) and Chinese quotation marks → half-width. */
function halfWidth(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = String.fromCharCode(code - 0xfee0);
    return /[A-Za-z0-9]/.test(ascii) ? char : ascii;
  }
  if (char === '“' || char === '”') return '"';
  if (char === '‘' || char === '’') return "'";
  return char;
}

export interface Normalised {
  text: string;
  /** For each character of `text`, its index in the original string. */
  origin: number[];
}

/** The text as the comparison sees it, with a map back to the original for showing passages. */
export function normalise(original: string): Normalised {
  let text = '';
  const origin: number[] = [];
  Array.from(original).reduce((index, char) => {
    if (!/\s/u.test(char)) {
      text += halfWidth(char);
      origin.push(index);
    }
    return index + char.length;
  }, 0);
  return { text, origin };
}

/**
 * `normalise(original).text` without the map back: what matching needs. Two replacements instead of
 * a step per character, since every rules load matches each quote against its clause's text (a
 * profile of a load put `normalise` first among the law check's own costs). Whitespace and the
 * marks halfWidth maps are all single UTF-16 units, so this equals the text normalise builds.
 */
export function normalisedText(original: string): string {
  return original.replace(/\s/gu, '').replace(/[\uFF01-\uFF5E“”‘’]/g, halfWidth);
}

export type QuoteMatch = { found: true } | { found: false; part: string; outOfOrder: boolean };

/** Does every part of the quote stand verbatim (after normalising) in the text, in order? */
export function matchQuote(quote: string, text: string): QuoteMatch {
  const haystack = normalisedText(text);
  let from = 0;
  for (const part of quoteParts(quote)) {
    const needle = normalisedText(part);
    const at = haystack.indexOf(needle, from);
    if (at < 0) return { found: false, part, outOfOrder: haystack.includes(needle) };
    from = at + needle.length;
  }
  return { found: true };
}

/**
 * Where each part of a quote stands in the text, as [start, end) offsets of the normalised text, the
 * parts found in order as matchQuote finds them; null when the quote does not match.
 */
export function quoteSpans(quote: string, text: string): [number, number][] | null {
  const haystack = normalisedText(text);
  const spans: [number, number][] = [];
  let from = 0;
  for (const part of quoteParts(quote)) {
    const needle = normalisedText(part);
    const at = haystack.indexOf(needle, from);
    if (at < 0) return null;
    spans.push([at, at + needle.length]);
    from = at + needle.length;
  }
  return spans;
}

/**
 * The passage of the text closest to a quote part (fewest characters inserted, deleted or changed:
 * approximate substring matching), in the text's own characters, with that number of edits.
 */
export function closestPassage(part: string, text: string): { passage: string; edits: number } {
  const needle = Array.from(normalise(part).text);
  const hay = normalise(text);
  const chars = Array.from(hay.text);
  // dp over the needle with a free start anywhere in the text; start[] remembers where each alignment began.
  let cost = Array.from({ length: chars.length + 1 }, () => 0);
  let start = Array.from({ length: chars.length + 1 }, (_, j) => j);
  for (let i = 1; i <= needle.length; i++) {
    const nextCost = [i];
    const nextStart = [0];
    for (let j = 1; j <= chars.length; j++) {
      const options: [number, number][] = [
        [cost[j - 1] + (needle[i - 1] === chars[j - 1] ? 0 : 1), start[j - 1]],
        [cost[j] + 1, start[j]],
        [nextCost[j - 1] + 1, nextStart[j - 1]],
      ];
      const [best, from] = options.reduce((a, b) => (b[0] < a[0] ? b : a));
      nextCost.push(best);
      nextStart.push(from);
    }
    cost = nextCost;
    start = nextStart;
  }
  let end = 0;
  for (let j = 1; j <= chars.length; j++) if (cost[j] < cost[end]) end = j;
  const first = start[end];
  if (end <= first) return { passage: '', edits: cost[end] };
  const from = hay.origin[first];
  const last = hay.origin[end - 1];
  const to = last + String.fromCodePoint(text.codePointAt(last)!).length;
  return { passage: text.slice(from, to), edits: cost[end] };
}
