import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { FIELD_READERS, readsWhole, Role } from '../auth/role';
import type { GraphQLContext } from './context';

/**
 * The fields FIELD_READERS refuses (neither masked, withheld nor filtered) to roles it does not list. A
 * query reaches them only through roots and field resolvers that refuse those roles; a mutation's
 * response reached them around that: an OFFICER read `admitObjection { reason filedBy status }`, an
 * objection it may not read through any query, whole and unaudited (sec31 item 1).
 */
const REFUSED: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(FIELD_READERS)
    .filter(([, guard]) => !('mask' in guard) && !('withheld' in guard) && !('filtered' in guard))
    .map(([key, guard]) => [key, guard.roles]),
);

/**
 * A mutation's response is read as a query's is: before anything runs, a mutation that selects a field
 * the caller's role may not read is refused (FORBIDDEN, naming the fields and who reads them), so nothing
 * is written. Masked and withheld fields are applied by their middleware (guarded.ts) on any path, and
 * what is read whole is recorded by RecordPersonalReads (personal-reads.ts) on any path too.
 */
export const mutationResponseGuardPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, schema, contextValue }) {
        if (operation?.operation !== 'mutation') return;
        const role = contextValue.viewer.role;
        const refused = new Set<string>();
        const typeInfo = new TypeInfo(schema);
        visit(document, visitWithTypeInfo(typeInfo, {
          Field(node) {
            const key = `${typeInfo.getParentType()?.name}.${node.name.value}`;
            if (REFUSED.has(key) && !readsWhole(role, key)) refused.add(key);
          },
        }));
        if (!refused.size) return;
        const fields = [...refused].sort();
        const named = fields.map((f) => `${f} (${REFUSED.get(f)!.join(', ')})`).join('; ');
        throw new GraphQLError(
          `变更的返回选了 ${role} 不能读取的字段：${named}；变更的返回与查询一样按角色读取。未作任何更改；请去掉这些字段后重试。 / The mutation's response selects fields the ${role} role may not read: ${named} (in brackets, the roles that may). A mutation's response is read as a query's is. Nothing was changed: leave these fields out and send it again.`,
          // As every refusal: UNAUTHENTICATED without a token (README "Roles").
          role === Role.PUBLIC
            ? { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 }, role, fields } }
            : { extensions: { code: 'FORBIDDEN', http: { status: 403 }, role, fields } },
        );
      },
    };
  },
};
