/**
 * Subjects per sweep chunk: the unit a worker takes from the queue and commits whole. The largest
 * is also the most ids the chunk reads (`agenciesByIds` …, src/graphql/resolvers/subject-chunk.resolver.ts)
 * accept at once, so a chunk can always be read and nothing larger can.
 */
export const CHUNK_SIZE = { default: 1000, max: 10_000 } as const;

/**
 * The most chunks a run may plan for a population: ten, or one per hundred subjects when that is
 * more. Each chunk is a queued job and a row, so `chunkSize: 1` once queued one job per subject
 * (300 jobs in one request, hostile7 L3); small populations may still be split for parallel workers.
 */
export const maxChunksFor = (subjects: number): number => Math.max(10, Math.ceil(subjects / 100));

/** The smallest chunk size that keeps a population within maxChunksFor. */
export const smallestChunkFor = (subjects: number): number => Math.max(1, Math.ceil(subjects / maxChunksFor(subjects)));
