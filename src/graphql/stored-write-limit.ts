import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { errorsTotal } from '../metrics';
import type { GraphQLContext } from './context';

/**
 * hostile21 N2: one token grew the append-only tables without bound. `evaluate` and `recheck` each
 * store an immutable verdict and an audit row, `previewRules` a read row per civil servant; the app
 * role may delete none of them, mutations are outside PERSONAL_READS_PER_MINUTE and
 * AUDITED_READS_PER_MINUTE, and only IN_FLIGHT_PER_TOKEN bounded them (100 evaluate of one servant in
 * 7 s, ≈4 GB a day per token). At most STORED_WRITES_PER_MINUTE of these root fields (each alias
 * counted) per token holder (`sub`) a minute; past it the request is refused before anything runs,
 * HTTP 429 RATE_LIMITED with Retry-After, and writes nothing. Many subjects at once are a sweep's
 * work (startSweep), which this does not count. A fixed window per holder from its first call, per
 * server process (WEB_CONCURRENCY processes allow that many times the limit), as the read limits.
 */
export const STORING_FIELDS: readonly string[] = ['evaluate', 'recheck', 'previewRules'];

/** The window STORED_WRITES_PER_MINUTE counts in. */
const WINDOW_SECONDS = 60;
/** Holders counted at once before those whose window has ended are dropped. */
const PRUNE_AT = 10_000;

export interface StoredWriteTake {
  allowed: boolean;
  limit: number;
  calls: number;
  retryAfterSeconds: number;
}

export class StoredWriteLimit {
  private readonly windows = new Map<string, { calls: number; endsAt: number }>();

  constructor(readonly limit: number) {}

  /** Counts `calls` more storing calls of `holder`, unless they would pass the limit (then nothing is counted). */
  take(holder: string, calls: number): StoredWriteTake {
    const now = Date.now();
    if (this.windows.size >= PRUNE_AT) for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    let window = this.windows.get(holder);
    if (!window || window.endsAt <= now) this.windows.set(holder, (window = { calls: 0, endsAt: now + WINDOW_SECONDS * 1000 }));
    const allowed = window.calls + calls <= this.limit;
    if (allowed) window.calls += calls;
    return { allowed, limit: this.limit, calls, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)) };
  }
}

/**
 * How many storing root fields an operation runs: GraphQL runs each response key (alias or name) of
 * the root once, however many fragments repeat it, so distinct keys are counted, through fragment
 * spreads and inline fragments at the root (each fragment read once; @skip/@include are not read,
 * which can only count more).
 */
export function storingCalls(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): number {
  const keys = new Set<string>();
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (STORING_FIELDS.includes(selection.name.value)) keys.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        seen.add(selection.name.value);
        collect(fragments[selection.name.value].selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return keys.size;
}

function refusal(holder: string, take: StoredWriteTake): GraphQLError {
  errorsTotal.inc({ code: 'RATE_LIMITED' });
  return new GraphQLError(
    `此令牌（sub ${holder}）每分钟可存储的评估、复核和规则预览已达上限 ${take.limit} 次（STORED_WRITES_PER_MINUTE），本次请求需 ${take.calls} 次，未执行，未存储任何内容；请 ${take.retryAfterSeconds} 秒后重试；需评估大量主体的，请发起批量评估（startSweep）。 `
      + `Too many stored evaluations with this token (sub ${holder}): this request calls evaluate, recheck or previewRules ${take.calls} time(s), and at most ${take.limit} are run a minute (STORED_WRITES_PER_MINUTE), per server process. Nothing was run or stored. Retry after ${take.retryAfterSeconds} s; to evaluate many subjects, start a sweep (startSweep).`,
    {
      extensions: {
        code: 'RATE_LIMITED', scope: 'token', limit: take.limit, calls: take.calls, windowSeconds: WINDOW_SECONDS, retryAfterSeconds: take.retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(take.retryAfterSeconds)]]) },
      },
    },
  );
}

/** Refuses, before it runs, a mutation of a token holder past STORED_WRITES_PER_MINUTE; none for 0. */
export function storedWriteLimitPlugin(perMinute: number): ApolloServerPlugin<GraphQLContext> | null {
  if (perMinute <= 0) return null;
  const limit = new StoredWriteLimit(perMinute);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          const holder = contextValue?.viewer.subject;
          if (!holder || operation?.operation !== 'mutation') return;
          const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
          const calls = storingCalls(operation, fragments);
          if (!calls) return;
          const take = limit.take(holder, calls);
          if (!take.allowed) throw refusal(holder, take);
        },
      };
    },
  };
}
