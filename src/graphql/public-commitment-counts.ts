import type { CommitmentFacts } from '../domain/commitment-facts';

/**
 * sec26 (issue 10, item 2): the public reads no objection to a 履职不力 finding (findingObjections
 * withholds them all, README role table), yet an agency's `commitmentFacts` told one: a finding under
 * a pending objection left `breached` for `breachedDisputed`, and an upheld one left it for
 * `breachedRevoked`. Zeroing those two would not do: a commitment's status is public, so the gap
 * between the BREACHED commitments and the other counts would tell the same. For a role that reads no
 * commitment's finding the counts are folded instead, so that every one of them is what it would be
 * had the unit never objected:
 * - a finding under a pending objection is a finding made: it is in `breached`, as before it was objected to;
 * - a revoked finding no longer stands: the commitment is breached with no standing finding, as one not
 *   yet reviewed is (`breachedUnreviewed`);
 * - `breachedDisputed` and `breachedRevoked` read 0 for every agency.
 * The sum over the breached commitments stays, and two agencies that differ only in an objection read
 * the same. Signed-in roles and the evaluations read the counts as they are.
 */
export function foldObjectionsForPublic(facts: CommitmentFacts): CommitmentFacts {
  return {
    ...facts,
    breached: facts.breached + facts.breachedDisputed,
    breachedUnreviewed: facts.breachedUnreviewed + facts.breachedRevoked,
    breachedDisputed: 0,
    breachedRevoked: 0,
  };
}
