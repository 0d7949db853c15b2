/**
 * How batch loaders send their statements to the database.
 *
 * A request's loaders send each at once: outside a transaction every statement takes a pooled
 * connection of its own, so the batches of one tick run side by side. A facts read is one
 * read-only transaction (src/graphql/facts-runner.ts), so every statement of it goes down the
 * transaction's one connection; its loaders fire together, and node-postgres 8 would queue a query
 * sent while another runs on the same client itself — deprecated ("client.query() when the client
 * is already executing a query"), refused by pg 9. There, loaders send one statement at a time.
 * That costs nothing: the connection ran them one after another anyway.
 *
 * Only the database call goes through the gate, never a loader's wait on another loader (that
 * would wait for itself).
 */
export type StatementGate = <T>(statement: () => Promise<T>) => Promise<T>;

/** Each statement at once (loaders on pooled connections). */
export const atOnce: StatementGate = (statement) => statement();

/** Statements one after another, in the order they were sent (loaders sharing one connection). */
export function oneAtATime(): StatementGate {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(statement: () => Promise<T>) => {
    const next = last.then(statement);
    last = next.catch(() => undefined);
    return next;
  };
}

/**
 * At most `limit` calls running at once; the others wait their turn, in the order they came. A
 * finished call hands its place straight to the next in line, so the limit holds however the
 * calls interleave.
 */
export function atMost(limit: number): StatementGate {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>) => {
    if (running < limit) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
