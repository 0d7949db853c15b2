import { isEnumType, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Locale } from './locale';
import { factLabel } from './facts-catalogue';
import { subjectShape, type ShapeNode } from './facts-shape';
import type { RuleSet } from './rule-set';
import type { SubjectType } from '../domain/subject';

/**
 * One language's part of a schema description: "失信记录数 / Counting records." or
 * "承诺未兑现 unfulfilled commitment" give 失信记录数 / 承诺未兑现 in Chinese and the rest in English.
 * A description with no Chinese has no Chinese part.
 */
export function describedAs(description: string | null | undefined, locale: Locale): string | null {
  if (!description) return null;
  const text = description.trim().replace(/\.$/, '');
  const slash = text.split(' / ');
  if (slash.length === 2) return (locale === 'zh' ? slash[0] : slash[1]).trim();
  const leading = /^([\u3400-\u9fff（）()、·]+)[\s:：]*(.*)$/.exec(text);
  if (leading) return locale === 'zh' ? leading[1] : leading[2] || null;
  // English with a Chinese term in it is English: there is no Chinese description to show.
  return locale === 'zh' ? null : text;
}

/** Words for enum codes (UNFULFILLED_COMMITMENT → 承诺未兑现, SEVERE → 严重) from the schema's enum descriptions. */
export function enumWords(schema: GraphQLSchema): Map<string, string> {
  const words = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isEnumType(type) || type.name.startsWith('__')) continue;
    for (const value of type.getValues()) {
      const zh = describedAs(value.description, 'zh');
      if (zh && !words.has(value.name)) words.set(value.name, zh);
    }
  }
  return words;
}

/** Shapes of facts queries by schema and document: a loaded query never changes, and every summary read asks again. */
const shapes = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, ShapeNode | undefined>>();

function cachedShape(schema: GraphQLSchema, document: DocumentNode): ShapeNode | undefined {
  let bySchema = shapes.get(schema);
  if (!bySchema) shapes.set(schema, (bySchema = new WeakMap()));
  if (!bySchema.has(document)) bySchema.set(document, subjectShape(schema, document));
  return bySchema.get(document);
}

/** Words for a subject type's facts: `subject` paths described in the schema, in one language. */
export function factWords(schema: GraphQLSchema, ruleSet: RuleSet, subjectType: SubjectType, locale: Locale): (fact: string, path: string | null) => string | null {
  const query = ruleSet.factsQueries[subjectType];
  const shape: ShapeNode | undefined = query && cachedShape(schema, query.document);
  return (fact, path) => (fact === 'subject' && path ? describedAs(factLabel(shape, path), locale) : null);
}
