import { GraphQLError, getNamedType, type GraphQLResolveInfo } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { FIELD_READERS, readsWhole, Role, type GuardedField } from '../auth/role';
import type { GraphQLContext } from './context';

/**
 * Filters on fields not every role reads (FIELD_READERS, src/auth/role.ts). A list narrowed by a
 * field tells its value as surely as the field does: `commitments(filter: { breachFindingPending: true })`
 * would list exactly the breaches with no finding to a public that reads `breachFindingPending`
 * as null "so that null tells nothing". A filter field names the field it narrows by (FiltersOn);
 * this middleware, on every field, refuses a filter given for such a field by a role that does not
 * read it whole — whatever its value (false tells the complement), before the resolver runs.
 */

/** Input type name → its filter fields → the guarded field each narrows by. */
const FILTERED = new Map<string, Map<string, GuardedField>>();

/** On a filter input's field: it narrows a list by `field`, so only roles reading `field` whole may give it. */
export function FiltersOn(field: GuardedField): PropertyDecorator {
  return (target, propertyName) => {
    const type = target.constructor.name;
    if (!FILTERED.has(type)) FILTERED.set(type, new Map());
    FILTERED.get(type)!.set(String(propertyName), field);
  };
}

/** Why the role may not give this filter field, as a coded error; null when it may. */
function refusal(role: Role, argument: string, key: string, field: GuardedField): GraphQLError | null {
  if (readsWhole(role, field)) return null;
  const allowed = FIELD_READERS[field].roles;
  const place = `${argument}.${key}`;
  const message = `${place}: 按 ${field} 筛选须由可读取该字段的角色（${allowed.join('、')}）进行，${role} 读取该字段时其值不予提供，因此不能按它筛选；请去掉该筛选条件。 `
    + `${place}: ${field} is withheld from the ${role} role, so a list may not be narrowed by it either (the list would tell the value); only ${allowed.join(', ')} may filter by it. Leave the condition out.`;
  return new GraphQLError(message, {
    extensions: role === Role.PUBLIC
      ? { code: 'UNAUTHENTICATED', http: { status: 401 }, field: place, allowed }
      : { code: 'FORBIDDEN', http: { status: 403 }, field: place, role, allowed },
  });
}

/** The filter fields given in this field's arguments that the viewer may not give. */
function refusedFilter(role: Role, args: Record<string, unknown>, info: GraphQLResolveInfo): GraphQLError | null {
  const definition = info.parentType.getFields()[info.fieldName];
  for (const argument of definition?.args ?? []) {
    const guarded = FILTERED.get(getNamedType(argument.type).name);
    const value = args[argument.name];
    if (!guarded || !value || typeof value !== 'object') continue;
    for (const [key, field] of guarded) {
      if ((value as Record<string, unknown>)[key] == null) continue;
      const refused = refusal(role, argument.name, key, field);
      if (refused) return refused;
    }
  }
  return null;
}

export const GuardedFilters: MiddlewareFn<GraphQLContext> = ({ args, info, context }, next) => {
  if (FILTERED.size && Object.keys(args).length) {
    const refused = refusedFilter(context.viewer.role, args, info);
    if (refused) throw refused;
  }
  return next();
};
