import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Every GraphQL answer says `Cache-Control: no-store`: it may hold a person's data, and no proxy or
 * browser may keep it. Apollo's cache-control plugin said so until stop 31 (no field has a cache
 * hint, so every answer was uncacheable), but to say it, it wrapped every field resolver of the
 * schema and was called for every field of every answer: ≈ 2 % of `evaluate`'s CPU with its
 * promise hops (BENCHMARKS.md, stop 31). It is disabled (server.ts) and this says the same.
 * A header set before (none is today) is left as it is, as Apollo's left one it could not read.
 */
export const noStorePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};
