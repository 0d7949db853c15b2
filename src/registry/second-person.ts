import { GraphQLError } from 'graphql';
import { noteBreakGlass } from '../audit/break-glass';
import { Role, type Viewer } from '../auth/role';
import { shownText } from '../domain/plain-text';

/**
 * hostile13 F5: one clerk could enter an objection to any record and uphold it with REVOKE (or enter
 * a repair application and approve it), ending a record's effect alone. What takes a record's effect
 * away is decided by someone other than the person who entered the request: the token's `sub` that
 * entered it is kept (`enteredBy`) and may not also uphold or approve it. ADMIN may, as the break-glass
 * role: the act's audit event then says so (src/audit/break-glass.ts), so an inspector finds every such act. Requests entered before this was kept (enteredBy null) are not checked.
 */
/**
 * hostile31 N1: whether two token subjects name one person. Compared as the reserved actors are
 * (tokens.ts): after NFKC normalisation and case folding, so `h31.clerk`, `H31.CLERK` and a full-width
 * spelling are one person — hand-minted JWT_SECRET tokens, or an identity provider whose subjects are
 * case-insensitive user names (Active Directory), would otherwise give one person two "people".
 * Punctuation is kept: `a.b` and `ab` may be two people.
 */
export function samePerson(a: string, b: string | null | undefined): boolean {
  return b != null && personKey(a) === personKey(b);
}

/**
 * hostile32 F6: white space is folded away too — `王芳` and `王 芳` (tokens take single spaces inside)
 * are one person: a name's spaces are how it was typed, not who it names.
 */
function personKey(sub: string): string {
  return shownText(sub).replace(/\s/gu, '').toLowerCase();
}

/**
 * FORBIDDEN with `reason: SECOND_PERSON_REQUIRED`: what the caller asked takes someone else as well
 * (the message says who and what the caller may do instead). One shape for every such refusal.
 */
export function secondPersonRequired(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 }, ...extensions, reason: 'SECOND_PERSON_REQUIRED' } });
}

export function assertSecondPerson(actor: Viewer, enteredBy: string | null | undefined, what: { zh: string; en: string; field: string }): void {
  if (!enteredBy || !samePerson(enteredBy, actor.subject)) return;
  if (actor.role === Role.ADMIN) return noteBreakGlass(actor, what.en);
  throw secondPersonRequired(
    `${what.zh}由录入申请的同一人（${enteredBy}）决定，须由第二人（另一名 ${Role.CLERK} 或 ${Role.ADMIN}）办理；未作任何更改。 / ${what.en} was entered by ${enteredBy}, who may not also decide it in the subject's favour: it takes a second person (another ${Role.CLERK}, or ${Role.ADMIN}). Nothing was changed.`,
    { field: what.field },
  );
}

/**
 * hostile29 F10: where a second person is required of another role (an OFFICER admitting a renewed
 * objection, withdrawing a listing or an older grade in error), the second person is a person, not a
 * role: the token's `sub` that entered the thing may not also be the one who admits or erases it, under
 * whichever role it now holds (one `sub` may hold a CLERK and an OFFICER token). ADMIN stays the
 * break-glass role, as above. A row whose enterer is not known (entered before it was kept, or by the
 * command line as "system") is not checked; README "Erasable history" lists them.
 */
export function assertNotWhoEntered(actor: Viewer, enteredBy: string | null | undefined, what: { zh: string; en: string; field?: string; others: readonly Role[] }): void {
  if (!enteredBy || !samePerson(enteredBy, actor.subject)) return;
  if (actor.role === Role.ADMIN) return noteBreakGlass(actor, what.en);
  throw secondPersonRequired(
    `${what.zh}由 ${enteredBy} 录入；第二人须是录入人以外的另一个人，同一账号（sub ${enteredBy}）以 ${actor.role} 身份办理仍是同一人。请交另一名 ${what.others.join('、')} 办理；未作任何更改。 / ${what.en} was entered by ${enteredBy}; the second person it takes is someone other than who entered it, and the same account (sub ${enteredBy}) acting as ${actor.role} is still that person. Hand it to another ${what.others.join(' or ')}. Nothing was changed.`,
    { ...(what.field ? { field: what.field } : {}), role: actor.role, enteredBy },
  );
}
