/**
 * What a line of plain text (a name, a post, a document number, a token's subject) and a multi-line
 * text (a summary, a reason) may hold, as problems in Chinese and English. Domain rules: the GraphQL
 * validators (src/graphql/validators.ts) and the token check (src/auth/tokens.ts) both apply them.
 */

/**
 * Characters a single line of text may not hold, so that what is shown is what is stored and what a
 * search or a comparison finds:
 * - \p{Cc}: C0/C1 control characters (line breaks, tabs, ESC) and DEL — a name with a line break
 *   forges a second line in an export or a log;
 * - \p{Zl}, \p{Zp}: the line and paragraph separators;
 * - \p{Cf}, every format character: the bidirectional embeddings, overrides, isolates and marks
 *   (U+202A–U+202E, U+2066–U+2069, LRM/RLM U+200E/U+200F, ALM U+061C) — "鄂州信〔2023〕\u202E21号"
 *   would show one document number and store another — and the invisible ones: zero-width space,
 *   non-joiner and joiner (U+200B–U+200D), word joiner (U+2060), the byte-order mark (U+FEFF),
 *   the soft hyphen (U+00AD), tag characters: "鄂州信〔2026〕\u200B12号" looks exactly like
 *   鄂州信〔2026〕12号 and "王\u200B明" like 王明. Nothing is allowed from the class: the texts held
 *   here are Chinese names, posts, departments and document numbers, none of which needs a joiner or
 *   a direction mark to be written (the emoji and Indic-script uses of U+200C/U+200D do not occur in
 *   them), so the allow-list is empty on purpose;
 * - \p{Cs}: half of a surrogate pair, which is no character;
 * - every default-ignorable code point (\p{Default_Ignorable_Code_Point}): besides the format
 *   characters and the Hangul fillers U+115F, U+1160, U+3164, U+FFA0 (letters by category, Lo), the
 *   variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF), the combining grapheme joiner U+034F and
 *   the Khmer inherent vowels U+17B4–U+17B5 — all render as nothing, so "鄂州信〔2024〕1\uFE0F2号"
 *   shows 12号 and a search for 12号 does not find it. Unicode names the class so that software may
 *   ignore it when it displays text; that is exactly why a stored identifier may not hold it.
 */
const NOT_SINGLE_LINE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Look-alikes of CJK ideographs: the Kangxi radicals (U+2F00–U+2FDF), the CJK radicals supplement
 * (U+2E80–U+2EFF) and the compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) whose
 * compatibility form (NFKC) is an ordinary ideograph: "⼀" (U+2F00) shows as 一 (U+4E00) but is
 * another character, so a name or a number written with it is not found by the name it shows.
 * The twelve unified ideographs inside U+FA0E–U+FA29 (﨎, 﨏, 﨑 …) are ordinary characters with
 * no other form, so they pass: only a character NFKC changes is refused.
 */
const LOOK_ALIKE_BLOCK = /[\u2E80-\u2EFF\u2F00-\u2FDF\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/gu;

function lookAlike(text: string): { char: string; index: number } | null {
  for (const found of text.matchAll(LOOK_ALIKE_BLOCK)) {
    if (found[0].normalize('NFKC') !== found[0]) return { char: found[0], index: found.index ?? 0 };
  }
  return null;
}

/** The code point at a match, as U+XXXX. */
const codePointName = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` is not one plain line, in Chinese and English, or null. */
export function singleLineProblem(text: string): string | null {
  const similar = lookAlike(text);
  if (similar) {
    const at = [...text.slice(0, similar.index)].length + 1;
    const plain = similar.char.normalize('NFKC');
    return `第 ${at} 个字符 ${codePointName(similar.char)} 是外形同“${plain}”（${codePointName(plain)}）的部首或兼容汉字，单行文本不能包含；请改用“${plain}”后重新提交。 `
      + `character ${at} is ${codePointName(similar.char)}, a radical or compatibility ideograph that looks like ${codePointName(plain)}, which single-line text may not hold; write ${codePointName(plain)} instead and send again.`;
  }
  const found = NOT_SINGLE_LINE.exec(text);
  if (!found) return null;
  const code = codePointName(found[0]);
  const at = [...text.slice(0, found.index)].length + 1;
  return `第 ${at} 个字符 ${code} 是控制字符、不可见字符或双向文字控制符，单行文本不能包含；请删除后重新提交。 `
    + `character ${at} is ${code}, a control, invisible or bidirectional formatting character, which single-line text may not hold; remove it and send again.`;
}

/**
 * Characters multi-line text (a summary, a reason, a note) may not hold: the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what follows
 * them on screen — "未按合同\u202E款程工付支\u202C约定" is stored as one sentence and shown, to the
 * public too, as another (Trojan Source). Line breaks and tabs stay: the text has lines.
 */
const REORDERS = /[\u202A-\u202E\u2066-\u2069]/u;

/** Why multi-line `text` cannot be taken, in Chinese and English, or null. */
export function multiLineProblem(text: string): string | null {
  const found = REORDERS.exec(text);
  if (!found) return null;
  const code = codePointName(found[0]);
  const at = [...text.slice(0, found.index)].length + 1;
  return `第 ${at} 个字符 ${code} 是双向文字嵌入、覆盖或隔离控制符，会使显示的文字与保存的不同，文本不能包含；请删除后重新提交。 `
    + `character ${at} is ${code}, a bidirectional embedding, override or isolate, which makes the text show other than it is stored; text may not hold it. Remove it and send again.`;
}

/**
 * Text as a reader sees it, for telling whether two texts say the same: compatibility forms folded
 * (NFKC: full-width letters, NFD spellings), characters that render as nothing dropped, every run of
 * white space one space, none at the ends. hostile32 F1: a "correction" adding a trailing space, a
 * line break or a zero-width space to a summary showed exactly the record's text, yet counted as a
 * correction and so restarted the count of rejected objections.
 */
export function shownText(text: string): string {
  return text.normalize('NFKC').replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '').replace(/\s+/gu, ' ').trim();
}
