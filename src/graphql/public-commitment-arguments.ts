import { GraphQLError } from 'graphql';
import { Role, type Viewer } from '../auth/role';
import { chinaDate } from '../domain/day';

/**
 * What the public may ask of an agency's `commitmentFacts`: the counts of all its commitments, today.
 * The public reads every commitment's 履职不力 finding as null (Commitment.breachFinding, so that null
 * tells nothing), but chose the filters of the counts: `domains: [LIVELIHOOD]` against `[OTHER]`
 * (or `within`, `publiclyDisclosed`, a past `asOf`…) narrowed them to one commitment, and `breached`
 * against `breachedExcused` then told its finding; `breachedDisputed` a unit's objection, which
 * findingObjections hides (hostile19 F4). Without a token, every narrowing argument is refused
 * (FORBIDDEN, naming it) and `asOf` must fall on today (China Standard Time), whose counts the public
 * may watch as they change. Signed-in roles, and the evaluations (which read as the system), narrow freely.
 */
export function assertPublicCommitmentArguments(viewer: Viewer, asOf: Date, narrowing: Record<string, unknown>): void {
  if (viewer.role !== Role.PUBLIC) return;
  const given = Object.entries(narrowing).find(([, value]) => value !== null && value !== undefined);
  if (given) {
    throw refusal(given[0], `commitmentFacts: the argument "${given[0]}" narrows an agency's commitment counts, which could single out one commitment's finding; without a token only asOf (today) may be given. Leave "${given[0]}" out, or sign in with a token. Nothing was read.`);
  }
  const today = chinaDate(new Date());
  if (chinaDate(asOf) !== today) {
    throw refusal('asOf', `commitmentFacts: without a token asOf must fall on today (${today}, China Standard Time); past or future days could single out one commitment's finding by when it was made. Give the current time, or sign in with a token. Nothing was read.`);
  }
}

function refusal(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 }, field: 'commitmentFacts', argument, role: Role.PUBLIC } });
}
