import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { readLogOf, recordsReads, writeReads } from '../audit/read-log';
import { logSafely } from '../errors';
import type { GraphQLContext } from './context';
import { readsPersonalData, type PersonalReadLimit } from './personal-read-limit';
import type { AuditedReadLimit } from './audited-read-limit';

/**
 * Writes the reads a request made that the audit trail records (explanations, personal data) in one
 * transaction, before the response leaves: a response that shows them has its reads recorded, and
 * one whose data was withheld (null) records none. If they cannot be written, the data is withheld.
 * A query of a token holder past PERSONAL_READS_PER_MINUTE that read personal data is withheld too,
 * HTTP 429 with Retry-After, its reads not recorded (personal-read-limit.ts). A mutation is not:
 * its write is done, and its answer withheld would only be sent again. A query whose rows would pass
 * the holder's AUDITED_READS_PER_MINUTE is withheld the same way (audited-read-limit.ts).
 */
/** What a response whose reads could not be counted or recorded says instead of its data. */
const UNRECORDED = 'The read could not be recorded in the audit trail, so nothing is shown. Try again in a moment.';

export function readAuditPlugin(limit: PersonalReadLimit | null, rowLimit: AuditedReadLimit | null = null): ApolloServerPlugin<GraphQLContext> {
  /**
   * Counts a query against the holder's two limits in turn, and returns the refusal of the first
   * that refuses, if any. A refused query consumes neither (sec23): neither limit counts what it
   * refuses, and a personal read counted first is given back when the audited rows are refused, so a
   * query withheld by AUDITED_READS_PER_MINUTE leaves the holder's PERSONAL_READS_PER_MINUTE as it was.
   */
  const takeLimits = async (holder: string, personal: boolean, rows: number) => {
    const countsPersonal = !!limit && personal;
    if (countsPersonal) {
      const take = await limit!.take(holder);
      if (!take.allowed) return { error: limit!.refusal(holder, take), retryAfterSeconds: take.retryAfterSeconds };
    }
    if (rowLimit) {
      const take = await rowLimit.take(holder, rows).catch(async (error: unknown) => {
        if (countsPersonal) await limit!.giveBack(holder);
        throw error;
      });
      if (!take.allowed) {
        if (countsPersonal) await limit!.giveBack(holder);
        return { error: rowLimit.refusal(holder, take), retryAfterSeconds: take.retryAfterSeconds };
      }
    }
    return null;
  };
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation }) {
          if (!contextValue) return;
          const entries = readLogOf(contextValue).take();
          if (response.body.kind !== 'single' || response.body.singleResult.data == null || !entries.length) return;
          if (!recordsReads(contextValue.viewer)) {
            contextValue.log?.info({ explanationsRead: entries.map((entry) => entry.targetId) }, 'public read of explanations (kept in the log, not the audit trail)');
            return;
          }
          const holder = contextValue.viewer.subject;
          // Withheld with HTTP 429 and Retry-After, its reads not recorded.
          const withhold = (error: GraphQLFormattedError, retryAfterSeconds: number) => {
            response.body = { kind: 'single', singleResult: { errors: [error] } };
            response.http.status = 429;
            response.http.headers.set('retry-after', String(retryAfterSeconds));
          };
          if (holder && operation?.operation === 'query') {
            try {
              const refusal = await takeLimits(holder, readsPersonalData(entries), entries.length);
              if (refusal) return withhold(refusal.error, refusal.retryAfterSeconds);
            } catch (error) {
              // The cluster's primary did not answer the count (shared-counts.ts): withheld, as when the reads cannot be written.
              contextValue.log?.error(logSafely(error), 'could not count the reads of a request against its limits; its data was withheld');
              response.body.singleResult = { errors: [{ message: UNRECORDED, extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
              return;
            }
          }
          try {
            await writeReads(contextValue.em, contextValue.viewer, entries);
          } catch (error) {
            contextValue.log?.error(logSafely(error), 'could not record the reads of a request; its data was withheld');
            response.body.singleResult = { errors: [{ message: UNRECORDED, extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
          }
        },
      };
    },
  };
}
