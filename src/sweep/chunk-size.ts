/**
 * Subjects per sweep chunk: the unit a worker takes from the queue and commits whole. The largest
 * is also the most ids the chunk reads (`agenciesByIds` …, src/graphql/resolvers/subject-chunk.resolver.ts)
 * accept at once, so a chunk can always be read and nothing larger can.
 */
export const CHUNK_SIZE = { default: 1000, max: 10_000 } as const;
