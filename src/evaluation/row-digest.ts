import { createHash } from 'node:crypto';
import { SubjectType } from '../domain/subject';

/**
 * The digest a verdict keeps of the row versions its facts were read from, and the one `stale`
 * computes now (src/evaluation/row-versions.ts, stale.ts), built the same way on both sides.
 *
 * A subject's fact rows fall into parts, each named by one letter relative to the subject:
 *   s  its own row                      a  (a civil servant) its agency's row
 *   r  its credit records, with their objections and repairs (and, for a 四(四) entry, the unit's
 *      objections to the finding it rests on, tag 'f')          R  its agency's
 *   l  its list memberships                                      L  its agency's
 *   m  (an agency) its commitments      n  (a civil servant) the commitments they answer for
 *   M  its agency's commitments
 *   k  (an agency) its court cases      K  its agency's
 *   g  (an enterprise) its credit grade history (issue 10), entries ended or in error included
 * A row's version is its table's tag, id and `xmin` ('r<uuid>:<xmin>'); a part's digest is the md5
 * of its versions sorted bytewise (`collate "C"` in SQL) and joined by ','.
 *
 * A stored digest is '<parts>:<md5 of the parts' digests in that order>': the parts are those the
 * facts read read (src/graphql/facts-row-digest.ts), so it is computed from the rows the facts
 * already brought, without a statement of its own, and `stale` compares it with the same parts now.
 * A part the facts query never reads (an agency's court cases for a promotion) cannot change the
 * verdict, and no longer makes it stale.
 */
export const PART_ORDER = 'sarRlLmnMkKg';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** The digest of one part from its rows' versions (the order they come in does not matter). */
export function partDigest(versions: readonly string[]): string {
  return md5([...versions].sort(bytewise).join(','));
}

/** JavaScript's `<` on strings compares UTF-16 code units: for these ASCII texts, PostgreSQL's `collate "C"`. */
const bytewise = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The digest of an empty part (no rows). */
export const EMPTY_PART = md5('');

/** A row's version as both sides write it: its table's tag, id and xmin. */
export const versionText = (tag: string, id: string, xmin: string) => `${tag}${id}:${xmin}`;

/** The stored digest of `parts` (letters of PART_ORDER, any order) from each part's digest; a part without rows is EMPTY_PART. */
export function composeDigest(parts: Iterable<string>, digestOf: (part: string) => string | undefined): string {
  const wanted = new Set(parts);
  const ordered = [...PART_ORDER].filter((part) => wanted.has(part));
  return `${ordered.join('')}:${md5(ordered.map((part) => digestOf(part) ?? EMPTY_PART).join(''))}`;
}

/** The parts a stored digest covers, or null for a digest of the earlier form (one md5 over every row, without parts). */
export function partsOf(stored: string): string | null {
  const at = stored.indexOf(':');
  return at > 0 ? stored.slice(0, at) : null;
}

/** Every part a subject of the type has: what a digest of all its rows covers (the public-status cache's key). */
export const ALL_PARTS: Record<SubjectType, string> = {
  [SubjectType.AGENCY]: 'srlmk',
  [SubjectType.CIVIL_SERVANT]: 'sarRlLnMK',
  [SubjectType.ENTERPRISE]: 'srlg',
};
