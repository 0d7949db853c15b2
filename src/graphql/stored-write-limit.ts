import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { errorsTotal } from '../metrics';
import type { GraphQLContext } from './context';
import { PerMinuteWindowLimit, type WindowTake } from './per-minute-window-limit';
import { SharedCountUnanswered } from './shared-counts';

/**
 * hostile21 N2: one token grew the append-only tables without bound. `evaluate` and `recheck` each
 * store an immutable verdict and an audit row, `previewRules` a read row per civil servant; the app
 * role may delete none of them, mutations are outside PERSONAL_READS_PER_MINUTE and
 * AUDITED_READS_PER_MINUTE, and only IN_FLIGHT_PER_TOKEN bounded them (100 evaluate of one servant in
 * 7 s, ≈4 GB a day per token). At most STORED_WRITES_PER_MINUTE of these root fields (each alias
 * counted) per token holder (`sub`) a minute; past it the request is refused before anything runs,
 * HTTP 429 RATE_LIMITED with Retry-After, and writes nothing. Many subjects at once are a sweep's
 * work (startSweep), which this does not count. A fixed window per holder from its first call, for
 * the whole server, as the read limits (per-minute-window-limit.ts).
 */
export const STORING_FIELDS: readonly string[] = ['evaluate', 'recheck', 'previewRules'];

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

/** The one error a refused mutation is answered with, in Chinese and English (HTTP 429 with Retry-After: storedWriteLimitPlugin). */
const refusal = (holder: string, take: WindowTake) => ({
  message: `此令牌（sub ${holder}）每分钟可存储的评估、复核和规则预览已达上限 ${take.limit} 次（STORED_WRITES_PER_MINUTE），本次请求需 ${take.units} 次，未执行，未存储任何内容；请 ${take.retryAfterSeconds} 秒后重试；需评估大量主体的，请发起批量评估（startSweep）。 `
    + `Too many stored evaluations with this token (sub ${holder}): this request calls evaluate, recheck or previewRules ${take.units} time(s), and at most ${take.limit} are run a minute (STORED_WRITES_PER_MINUTE), across the whole server. Nothing was run or stored. Retry after ${take.retryAfterSeconds} s; to evaluate many subjects, start a sweep (startSweep).`,
  extensions: { code: 'RATE_LIMITED' as const, scope: 'token', limit: take.limit, calls: take.units, windowSeconds: take.windowSeconds, retryAfterSeconds: take.retryAfterSeconds },
});

function unanswered(): GraphQLError {
  errorsTotal.inc({ code: 'SERVICE_UNAVAILABLE' });
  return new GraphQLError(
    '暂时无法核对此令牌的评估、复核和规则预览次数（STORED_WRITES_PER_MINUTE），本次请求未执行，未存储任何内容；请 1 秒后重试。 '
      + 'The count of stored evaluations for this token (STORED_WRITES_PER_MINUTE) could not be taken just now. Nothing was run or stored. Retry after 1 s.',
    { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new Map([['retry-after', '1']]) } } },
  );
}

/** Refuses, before it runs, a mutation of a token holder past STORED_WRITES_PER_MINUTE; none for 0. */
export function storedWriteLimitPlugin(perMinute: number): ApolloServerPlugin<GraphQLContext> | null {
  const limit = PerMinuteWindowLimit.of({ name: 'stored-writes', perMinute, refusal });
  if (!limit) return null;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          const holder = contextValue?.viewer.subject;
          if (!holder || operation?.operation !== 'mutation') return;
          const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
          const calls = storingCalls(operation, fragments);
          if (!calls) return;
          // A count the cluster's primary did not answer refuses the call (503), never lets it pass.
          const take = await limit.take(holder, calls).catch((error: unknown) => {
            throw error instanceof SharedCountUnanswered ? unanswered() : error;
          });
          if (take.allowed) return;
          const { message, extensions } = limit.refusal(holder, take);
          throw new GraphQLError(message, { extensions: { ...extensions, http: { status: 429, headers: new Map([['retry-after', String(take.retryAfterSeconds)]]) } } });
        },
      };
    },
  };
}
