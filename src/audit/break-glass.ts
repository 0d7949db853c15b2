import { Role, SYSTEM_VIEWER, type Viewer } from '../auth/role';

/**
 * ADMIN is exempt from the second-person rules (src/registry/second-person.ts) as the break-glass role.
 * An exemption used must be findable afterwards (sec31 item 5): one ADMIN token could otherwise file a
 * back-dated objection and uphold it, or enter and approve a repair, and the trail would show two
 * ordinary acts. The check notes here what it let through; withAudit writes it into the act's own event.
 * Keyed by the request's viewer object, which lives as long as the request and is not shared.
 */
const used = new WeakMap<Viewer, string[]>();

/** Notes that `actor`, an ADMIN, did alone what takes a second person: `what` was entered by the same account. */
export function noteBreakGlass(actor: Viewer, what: string): void {
  if (actor.role !== Role.ADMIN || actor === SYSTEM_VIEWER) return;
  used.set(actor, [...(used.get(actor) ?? []), what]);
}

/** The exemptions noted for `actor` since the last call, as a suffix for the audit outcome ('' when none); forgets them. */
export function takeBreakGlass(actor: Viewer): string {
  const noted = used.get(actor);
  used.delete(actor);
  if (!noted?.length) return '';
  return ` [self-approved by ADMIN, break-glass: ${noted.join('; ')} was entered by the same account (${actor.subject})]`;
}

/** The outcome with the break-glass mark, within the column's 1,000 characters: the mark is kept whole. */
export function markedOutcome(outcome: string, mark: string): string {
  if (!mark) return outcome;
  const room = 1000 - mark.length;
  return (outcome.length <= room ? outcome : `${outcome.slice(0, room - 1)}…`) + mark;
}
