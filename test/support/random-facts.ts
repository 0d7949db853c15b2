import { getNamedType, isEnumType, isListType, isNonNullType, isObjectType, isScalarType, type GraphQLOutputType } from 'graphql';
import type { ShapeNode } from '../../src/engine/facts-shape';

/**
 * Random facts in the shape a facts query returns (the served schema's types of the fields it
 * selects), for differential tests of the evaluator. Seeded, so a run can be repeated: the same
 * seed and shape give the same facts.
 *
 * Values lean towards what rules compare with: small counts (0–3), the numbers the rules name and
 * their neighbours, every enum value, dates around the policy's years, now and then null.
 */
export function randomFacts(shape: ShapeNode, seed: number, interesting: number[] = []): unknown {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const numbers = [0, 0, 1, 1, 2, 3, ...interesting.flatMap((n) => [n - 1, n, n + 1])];
  let ids = 0;

  const value = (type: GraphQLOutputType, children: Map<string, ShapeNode> | undefined, field: string): unknown => {
    if (!isNonNullType(type) && random() < 0.08) return null;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return Array.from({ length: pick([0, 0, 1, 1, 2, 3]) }, () => value(inner.ofType, children, field));
    if (isEnumType(inner)) return pick(inner.getValues().map((v) => v.name));
    if (isScalarType(inner)) {
      if (field === 'id') return `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
      if (inner.name === 'Int') return pick(numbers);
      if (inner.name === 'Float') return random() < 0.3 ? pick([0, 50_000, 100_000, 1_000_000]) : pick(numbers);
      if (inner.name === 'Boolean') return random() < 0.5;
      if (['LocalDate', 'Date', 'DateTime', 'DateTimeISO'].includes(inner.name)) return `20${pick(['17', '19', '22', '24', '25', '26'])}-0${pick([1, 3, 6, 9])}-1${pick([0, 5, 9])}`;
      return pick(['', '鄂州信〔2023〕12号', '市发展改革委', 'x']);
    }
    const named = getNamedType(inner);
    if (isObjectType(named) && children) return objectOf(children);
    return null;
  };
  const objectOf = (children: Map<string, ShapeNode>): Record<string, unknown> =>
    Object.fromEntries([...children].map(([field, node]) => [field, value(node.type, node.children, field)]));

  // The subject itself is always there: a facts query without it fails before any rule runs.
  return objectOf(shape.children ?? new Map());
}

/** A small, fast, seedable generator (public domain): enough for test data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
