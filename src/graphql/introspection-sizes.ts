import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';

/**
 * The sizes of the introspection lists (`__schema { types { fields { args } } }` …), for the cost
 * estimate and the anonymous field budget (query-cost.ts KnownSizes). At the five items the estimate
 * assumes for a list it does not know, 30 aliases of `__schema { types { fields … } }` over the
 * schema's ~150 types were priced as a few thousand fields and answered with 5 MB (hostile18 F3).
 * A nested list counts the mean over its parents (fields per type over every type, args per field
 * over every field), so `types × fields × args` is the schema's real total, not a product of maxima.
 */
export function introspectionSizes(schema: GraphQLSchema): Record<string, number> {
  const types = Object.values(schema.getTypeMap());
  const fieldsOf = (type: (typeof types)[number]) => (isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : []);
  const fields = types.flatMap(fieldsOf);
  const mean = (total: number, over: number) => Math.max(1, Math.ceil(total / Math.max(1, over)));
  const directives = schema.getDirectives();
  return {
    '__Schema.types': Math.max(1, types.length),
    '__Schema.directives': Math.max(1, directives.length),
    '__Type.fields': mean(fields.length, types.length),
    '__Field.args': mean(fields.reduce((sum, field) => sum + field.args.length, 0), fields.length),
    '__Type.inputFields': mean(types.reduce((sum, type) => sum + (isInputObjectType(type) ? Object.keys(type.getFields()).length : 0), 0), types.length),
    '__Type.enumValues': mean(types.reduce((sum, type) => sum + (isEnumType(type) ? type.getValues().length : 0), 0), types.length),
    '__Type.interfaces': mean(types.reduce((sum, type) => sum + (isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().length : 0), 0), types.length),
    '__Type.possibleTypes': mean(types.reduce((sum, type) => sum + (isUnionType(type) ? type.getTypes().length : isInterfaceType(type) ? schema.getPossibleTypes(type).length : 0), 0), types.length),
    '__Directive.args': mean(directives.reduce((sum, directive) => sum + directive.args.length, 0), directives.length),
  };
}
