import { AuditAction, type AuditEntry } from '../domain/audit';
import { PerMinuteWindowLimit, type WindowTake } from './per-minute-window-limit';

/**
 * Per-token-holder (`sub`) rate limit on GraphQL queries that read a civil servant's personal data
 * whole (hostile14 F3): a DISPLAY token's `assess` of 100 servants wrote 100 READ_PERSONAL_DATA events
 * a request, as fast as it could send them, and nothing bounded how much of the register one token
 * read in a minute. At most PERSONAL_READS_PER_MINUTE such queries per holder a minute (each however
 * many persons it reads; the in-flight limit bounds how many run at once); past it, the answer is
 * withheld and no read recorded (read-audit-plugin.ts).
 *
 * A fixed window per holder from its first request, for the whole server (per-minute-window-limit.ts):
 * with WEB_CONCURRENCY processes a holder gets the limit, not that many times it (sec23). Only the
 * answer knows whether a request read personal data, so it is counted after it ran. A request
 * refused, by this limit or by AUDITED_READS_PER_MINUTE after it, consumes nothing: this limit
 * counts nothing it refuses, and what it counted is given back (`giveBack`) when the other refuses.
 */
export type PersonalReadLimit = PerMinuteWindowLimit;

/** The one error a refused request is answered with, in Chinese and English; HTTP 429 with Retry-After (read-audit-plugin.ts). */
const refusal = (holder: string, take: WindowTake) => ({
  message: `此令牌（sub ${holder}）每分钟读取个人信息的请求已达上限 ${take.limit} 次（PERSONAL_READS_PER_MINUTE），本次结果未返回，也未记录读取；请 ${take.retryAfterSeconds} 秒后重试。 `
    + `Too many requests reading personal data with this token (sub ${holder}): at most ${take.limit} a minute (PERSONAL_READS_PER_MINUTE), across the whole server. Nothing is shown and no read was recorded. Retry after ${take.retryAfterSeconds} s.`,
  extensions: { code: 'RATE_LIMITED' as const, scope: 'token', limit: take.limit, windowSeconds: take.windowSeconds, retryAfterSeconds: take.retryAfterSeconds },
});

/** A limit of PERSONAL_READS_PER_MINUTE, or none for 0. */
export const personalReadLimit = (perMinute: number): PersonalReadLimit | null => PerMinuteWindowLimit.of({ name: 'personal-reads', perMinute, refusal });

/** Whether a request's reads include a person's data read whole. */
export const readsPersonalData = (entries: readonly AuditEntry[]): boolean => entries.some((entry) => entry.action === AuditAction.READ_PERSONAL_DATA);
