import { AuditAction, type AuditEntry } from '../domain/audit';
import type { Store } from 'express-rate-limit';
import { errorsTotal } from '../metrics';
import { sharedStore } from './shared-counts';

/** The window PERSONAL_READS_PER_MINUTE counts in. */
const WINDOW_SECONDS = 60;

/** What the limit answers for one more request of a holder: whether it may be answered, and when to retry. */
export interface PersonalReadTake {
  allowed: boolean;
  limit: number;
  windowSeconds: number;
  retryAfterSeconds: number;
}

/**
 * Per-token-holder (`sub`) rate limit on GraphQL queries that read a civil servant's personal data
 * whole (hostile14 F3): a DISPLAY token's `assess` of 100 servants wrote 100 READ_PERSONAL_DATA events
 * a request, as fast as it could send them, and nothing bounded how much of the register one token
 * read in a minute. At most PERSONAL_READS_PER_MINUTE such queries per holder a minute (each however
 * many persons it reads; the in-flight limit bounds how many run at once); past it, the answer is
 * withheld and no read recorded (read-audit-plugin.ts).
 *
 * An express-rate-limit store counts, as for the anonymous limit (http-limits/public-rate-limit.ts), in a
 * fixed window per key from its first hit, for the whole server: with WEB_CONCURRENCY processes the
 * cluster's primary keeps the count (shared-counts.ts), so a holder gets the limit, not that many times
 * it (sec23). Its middleware cannot serve: only the answer knows whether a request read personal data.
 * A request refused, by this limit or by AUDITED_READS_PER_MINUTE after it, is given back (`giveBack`):
 * what was withheld consumes nothing.
 */
export class PersonalReadLimit {
  private readonly store = sharedStore('personal-reads');

  constructor(readonly limit: number) {
    // The cluster's store asks the primary to set up its count; the first increment follows on the same channel.
    void this.store.init?.({ windowMs: WINDOW_SECONDS * 1000 } as Parameters<NonNullable<Store['init']>>[0]);
  }

  /** Counts one request of `holder` that read personal data. */
  async take(holder: string): Promise<PersonalReadTake> {
    const { totalHits, resetTime } = await this.store.increment(holder);
    const retryAfterSeconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + WINDOW_SECONDS * 1000) - Date.now()) / 1000));
    return { allowed: totalHits <= this.limit, limit: this.limit, windowSeconds: WINDOW_SECONDS, retryAfterSeconds };
  }

  /** Uncounts one request of `holder` that `take` counted and that was refused after all. */
  async giveBack(holder: string): Promise<void> {
    await this.store.decrement(holder);
  }

  shutdown(): void {
    this.store.shutdown?.();
  }
}

/** A limit of PERSONAL_READS_PER_MINUTE, or none for 0. */
export const personalReadLimit = (perMinute: number): PersonalReadLimit | null => (perMinute > 0 ? new PersonalReadLimit(perMinute) : null);

/** Whether a request's reads include a person's data read whole. */
export const readsPersonalData = (entries: readonly AuditEntry[]): boolean => entries.some((entry) => entry.action === AuditAction.READ_PERSONAL_DATA);

/** The one error a refused request is answered with, in Chinese and English; HTTP 429 with Retry-After. */
export function personalReadsRefusal(holder: string, take: PersonalReadTake) {
  errorsTotal.inc({ code: 'RATE_LIMITED' });
  return {
    message: `此令牌（sub ${holder}）每分钟读取个人信息的请求已达上限 ${take.limit} 次（PERSONAL_READS_PER_MINUTE），本次结果未返回，也未记录读取；请 ${take.retryAfterSeconds} 秒后重试。 `
      + `Too many requests reading personal data with this token (sub ${holder}): at most ${take.limit} a minute (PERSONAL_READS_PER_MINUTE), across the whole server. Nothing is shown and no read was recorded. Retry after ${take.retryAfterSeconds} s.`,
    extensions: { code: 'RATE_LIMITED', scope: 'token', limit: take.limit, windowSeconds: take.windowSeconds, retryAfterSeconds: take.retryAfterSeconds },
  };
}
