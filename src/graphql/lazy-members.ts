/**
 * Objects whose members are made when first read, then kept: the per-request loaders
 * (src/graphql/loaders.ts). A request made all of them, some forty DataLoaders and five nested-page
 * loaders reading the ORM's metadata, and used two or three: ≈ 2 % of an explanation read's CPU and
 * 1.5 % of an `evaluate`'s, which made two sets (issue 13, perf20 profile).
 *
 * The getters live on one prototype per kind, made once; an object gets a member of its own the
 * first time it is read, so a second read is a plain property read. A maker receives the object's
 * context and the object itself, for members made of others (a loader that primes another).
 * Members are read-only and enumerable only once made: copy such an object with Object.create, not
 * a spread.
 */
type Maker<C> = (context: C, self: never) => unknown;
export type Made<M> = { readonly [K in keyof M]: M[K] extends (...args: never[]) => infer R ? R : never };

const CONTEXT = Symbol('lazy members context');

export function lazyMembers<C, M extends Record<string, Maker<C>>>(makers: M): (context: C) => Made<M> {
  const prototype: object = {};
  for (const key of Object.keys(makers)) {
    Object.defineProperty(prototype, key, {
      get(this: { [CONTEXT]: C }) {
        const value = (makers[key] as (context: C, self: unknown) => unknown)(this[CONTEXT], this);
        Object.defineProperty(this, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return (context) => {
    const made = Object.create(prototype) as { [CONTEXT]: C };
    made[CONTEXT] = context;
    return made as unknown as Made<M>;
  };
}
