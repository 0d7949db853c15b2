import { GraphQLError } from 'graphql';
import { Role, type Viewer } from '../auth/role';

/**
 * hostile13 F5: one clerk could enter an objection to any record and uphold it with REVOKE (or enter
 * a repair application and approve it), ending a record's effect alone. What takes a record's effect
 * away is decided by someone other than the person who entered the request: the token's `sub` that
 * entered it is kept (`enteredBy`) and may not also uphold or approve it. ADMIN may, as the break-glass
 * role (audited like every act). Requests entered before this was kept (enteredBy null) are not checked.
 */
/**
 * FORBIDDEN with `reason: SECOND_PERSON_REQUIRED`: what the caller asked takes someone else as well
 * (the message says who and what the caller may do instead). One shape for every such refusal.
 */
export function secondPersonRequired(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 }, ...extensions, reason: 'SECOND_PERSON_REQUIRED' } });
}

export function assertSecondPerson(actor: Viewer, enteredBy: string | null | undefined, what: { zh: string; en: string; field: string }): void {
  if (actor.role === Role.ADMIN || !enteredBy || enteredBy !== actor.subject) return;
  throw secondPersonRequired(
    `${what.zh}由录入申请的同一人（${enteredBy}）决定，须由第二人（另一名 ${Role.CLERK} 或 ${Role.ADMIN}）办理；未作任何更改。 / ${what.en} was entered by ${enteredBy}, who may not also decide it in the subject's favour: it takes a second person (another ${Role.CLERK}, or ${Role.ADMIN}). Nothing was changed.`,
    { field: what.field },
  );
}
