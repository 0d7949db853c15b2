/**
 * Subjects whose facts are read by one execution of the facts query, inside a chunk (SWEEP_FACTS_BATCH).
 * Each batch is read, decided and kept as JSON text before the next is read, so a worker holds one
 * batch's result tree and ORM entities at a time, not a whole chunk's: those lived long enough to
 * be promoted to V8's old generation, whose growth made a worker's peak memory. Measured on 10,000
 * civil servants read in one process: batches of 1,000 peaked at 476 MB with 1.35–1.71 ms of CPU a
 * subject, of 100 at 247–262 MB with 0.85–1.08 ms (more statements, far less garbage collection).
 */
export const FACTS_BATCH = 100;
