import { GraphQLError } from 'graphql';
import { readsWhole, Role, type Viewer } from '../auth/role';
import { chinaDate } from '../domain/day';

/**
 * The fields an agency's `courtFacts` computes over (src/domain/court-facts.ts, its listings through
 * Agency.listings). What the public may learn by narrowing them is what these fields are to it.
 */
export const COURT_FACTS_READS = [
  'CourtCase.kind', 'CourtCase.filedOn', 'CourtCase.hearingOn', 'CourtCase.headAppeared', 'CourtCase.absenceFinding', 'CourtCase.absenceFoundOn',
  'CourtCase.judgmentDefaulter', 'CourtCase.defaulterListedOn', 'CourtCase.defaulterRemovedOn',
  'FindingObjection.status', 'FindingObjection.filedOn', 'FindingObjection.resolvedOn',
  'Agency.listings',
] as const;

/**
 * What the public may ask of an agency's `courtFacts` (sec23). commitmentFacts refuses the public its
 * narrowing arguments because the counts are computed over a finding the public reads as null
 * (public-commitment-arguments.ts): narrowed to one commitment, they tell it. courtFacts is computed
 * over the fields above only, and the public reads every one of them whole, case by case
 * (`courtCases`, `findingObjections`, `Agency.listings(asOf:)`); what it does not read — a case's
 * entrustedRepresentative and validAbsenceReason, an objection's filedBy, reason and resolution —
 * no count depends on. So `within`, `actsFrom`, `disputedFindingsCount` and any `asOf` tell the public
 * nothing it cannot read (test/security/public-court-facts-narrowing.test.ts), and are left to it.
 *
 * Should one of those fields come to be withheld from the public (FIELD_READERS), narrowing would
 * single it out, as it did a commitment's finding: then every narrowing argument and an `asOf` other
 * than today are refused, FORBIDDEN naming the argument, nothing read — without a change here.
 */
export function assertPublicCourtArguments(viewer: Viewer, asOf: Date, narrowing: Record<string, unknown>, reads: readonly string[] = COURT_FACTS_READS): void {
  if (viewer.role !== Role.PUBLIC) return;
  const hidden = reads.filter((field) => !readsWhole(Role.PUBLIC, field));
  if (!hidden.length) return;
  const given = Object.entries(narrowing).find(([, value]) => value !== null && value !== undefined && value !== false);
  if (given) {
    throw refusal(given[0], `courtFacts: the argument "${given[0]}" narrows an agency's court counts, which are computed over ${hidden.join(', ')}, withheld from the public; narrowed, they could single one case's out. Without a token only asOf (today) may be given. Leave "${given[0]}" out, or sign in with a token. Nothing was read.`);
  }
  const today = chinaDate(new Date());
  if (chinaDate(asOf) !== today) {
    throw refusal('asOf', `courtFacts: without a token asOf must fall on today (${today}, China Standard Time); the counts are computed over ${hidden.join(', ')}, withheld from the public, which past or future days could single out. Give the current time, or sign in with a token. Nothing was read.`);
  }
}

function refusal(argument: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 }, field: 'courtFacts', argument, role: Role.PUBLIC } });
}
