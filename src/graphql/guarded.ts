import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { FIELD_READERS, readsWhole, type ShadedField } from '../auth/role';
import type { GraphQLContext } from './context';

/**
 * A field read as FIELD_READERS (src/auth/role.ts) says: whole for the roles listed there, masked
 * or withheld (null, or an empty list) for the others. It goes on an object type's plain field and
 * on a field resolver alike, so every masked or withheld field passes through this one middleware.
 * A withheld field is not even resolved for a role that may not read it: no loader runs, unless the
 * field `readsOwn` (a staff account's name), which is resolved to tell the caller whether it is its own.
 */
export function Guarded(field: ShadedField): ReturnType<typeof UseMiddleware> {
  const guard = FIELD_READERS[field] as { mask?: (value: string) => string; withheld?: null | readonly never[]; readsOwn?: true };
  const middleware: MiddlewareFn<GraphQLContext> = async ({ context }, next) => {
    if (readsWhole(context.viewer.role, field)) return next();
    if (guard.readsOwn) {
      // A field naming a staff account (a token's `sub`): the account itself reads its own name, no one else's.
      const value: unknown = await next();
      return context.viewer.subject !== null && value === context.viewer.subject ? value : guard.withheld ?? null;
    }
    if (guard.mask) {
      const value: unknown = await next();
      return typeof value === 'string' ? guard.mask(value) : value;
    }
    return guard.withheld ?? null;
  };
  return UseMiddleware(middleware);
}
