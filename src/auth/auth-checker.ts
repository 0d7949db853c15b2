import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { Role, type Viewer } from './role';
import { UnauthenticatedError } from './tokens';

export class ForbiddenError extends GraphQLError {
  constructor(operation: string, role: Role, allowed: readonly string[]) {
    super(`${operation}: the ${role} role may not do this; it needs one of ${allowed.join(', ')}. Nothing was changed.`, {
      extensions: { code: 'FORBIDDEN', http: { status: 403 }, role, allowed },
    });
  }
}

/**
 * type-graphql's check for @Authorized(roles): without a token the caller is asked to sign in
 * (UNAUTHENTICATED); with the wrong role they are told which roles may (FORBIDDEN).
 */
export const authChecker: AuthChecker<{ viewer: Viewer }, string> = ({ context, info }, roles) => {
  const { role } = context.viewer;
  if (roles.includes(role)) return true;
  const operation = `${info.parentType.name}.${info.fieldName}`;
  if (role === Role.PUBLIC) throw new UnauthenticatedError(`${operation} needs a token with one of the roles ${roles.join(', ')}.`);
  throw new ForbiddenError(operation, role, roles);
};
