/**
 * The first key of a connection_init payload that would put a token where it is not read, or null.
 * Only `authorization` is read; a token under any other key made a silently public socket: a
 * display got public notices only, and no error (hostile10 N2, hostile11 F4).
 *
 * A key is folded before it is looked at — Unicode compatibility forms (NFKC: full-width letters),
 * invisible format characters (\p{Cf}: zero-width space, BOM, direction marks), every space, `-`
 * and `_`, and case — so "Authorization", "authorization\u200b" or "auth_token" are caught, as is
 * the `headers` object Apollo and urql clients send ({"headers": {"Authorization": …}}): that shape
 * is refused, not read, so one documented place holds the token.
 */
export function misplacedTokenKey(params: Readonly<Record<string, unknown>>): string | null {
  return Object.keys(params).find((key) => key !== 'authorization' && TOKEN_LIKE.test(fold(key))) ?? null;
}

const TOKEN_LIKE = /author|token|header|bearer|jwt/;

const fold = (key: string) => key.normalize('NFKC').replace(/[\p{Cf}\p{Z}\s_-]/gu, '').toLowerCase();

/**
 * A key as a close reason may quote it: JSON, every non-ASCII character escaped (an invisible one
 * shows as \u200b), at most `max` characters — a close reason holds 123 bytes, and ws throws past that.
 */
export function quotedKey(key: string, max = 28): string {
  const quoted = JSON.stringify(key).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return quoted.length <= max ? quoted : `${quoted.slice(0, max - 4)}..."`;
}
