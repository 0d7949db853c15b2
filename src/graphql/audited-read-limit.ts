import { PerMinuteWindowLimit, type WindowTake } from './per-minute-window-limit';

/**
 * Per-token-holder (`sub`) bound on the audited read rows (READ_EXPLANATION, READ_PERSONAL_DATA) its
 * queries write a minute: rows, not requests (hostile19 F6). A DISPLAY token's `assess` of 100
 * enterprises with their explanations writes 100 append-only READ_EXPLANATION rows in 0.2–0.5 s;
 * enterprises are nobody's personal data, so PERSONAL_READS_PER_MINUTE did not apply, and 64 such
 * requests in flight wrote hundreds of rows a second that the triggers forbid pruning. A query whose
 * rows would pass AUDITED_READS_PER_MINUTE is withheld, HTTP 429 RATE_LIMITED with Retry-After, and
 * writes none (read-audit-plugin.ts); what is within is counted. A fixed window per holder from its
 * first rows, for the whole server (per-minute-window-limit.ts), whatever the number of processes (sec23).
 */
export type AuditedReadLimit = PerMinuteWindowLimit;

/** The one error a refused request is answered with, in Chinese and English; HTTP 429 with Retry-After (read-audit-plugin.ts). */
const refusal = (holder: string, take: WindowTake) => ({
  message: `此令牌（sub ${holder}）每分钟产生的审计读取记录已达上限 ${take.limit} 条（AUDITED_READS_PER_MINUTE），本次查询需 ${take.units} 条，结果未返回，也未记录读取；请 ${take.retryAfterSeconds} 秒后重试，或缩小查询。 `
    + `Too many audited reads with this token (sub ${holder}): this query would record ${take.units} read(s) (explanations, personal data), and at most ${take.limit} are recorded a minute (AUDITED_READS_PER_MINUTE), across the whole server. Nothing is shown and no read was recorded. Retry after ${take.retryAfterSeconds} s, or ask for fewer explanations.`,
  extensions: { code: 'RATE_LIMITED' as const, scope: 'token', limit: take.limit, rows: take.units, windowSeconds: take.windowSeconds, retryAfterSeconds: take.retryAfterSeconds },
});

/** A limit of AUDITED_READS_PER_MINUTE rows, or none for 0. */
export const auditedReadLimit = (perMinute: number): AuditedReadLimit | null => PerMinuteWindowLimit.of({ name: 'audited-reads', perMinute, refusal });
