import { errorsTotal } from '../metrics';
import { sharedRowCounter, type RowCounter } from './shared-counts';

/** The window AUDITED_READS_PER_MINUTE counts in. */
const WINDOW_SECONDS = 60;

/** What the limit answers for one more request of a holder: whether its rows may be written, and when to retry. */
export interface AuditedReadTake {
  allowed: boolean;
  limit: number;
  rows: number;
  windowSeconds: number;
  retryAfterSeconds: number;
}

/**
 * Per-token-holder (`sub`) bound on the audited read rows (READ_EXPLANATION, READ_PERSONAL_DATA) its
 * queries write a minute: rows, not requests (hostile19 F6). A DISPLAY token's `assess` of 100
 * enterprises with their explanations writes 100 append-only READ_EXPLANATION rows in 0.2–0.5 s;
 * enterprises are nobody's personal data, so PERSONAL_READS_PER_MINUTE did not apply, and 64 such
 * requests in flight wrote hundreds of rows a second that the triggers forbid pruning. A query whose
 * rows would pass AUDITED_READS_PER_MINUTE is withheld, HTTP 429 RATE_LIMITED with Retry-After, and
 * writes none (read-audit-plugin.ts); what is within is counted. A fixed window per holder from its
 * first rows, for the whole server: with WEB_CONCURRENCY processes the cluster's primary keeps the
 * windows (shared-counts.ts), so the limit is the same whatever the number of processes (sec23).
 */
export class AuditedReadLimit {
  private readonly counter: RowCounter = sharedRowCounter('audited-reads');

  constructor(readonly limit: number) {}

  /** Counts `rows` more audited rows of `holder`, unless they would pass the limit (then nothing is counted). */
  async take(holder: string, rows: number): Promise<AuditedReadTake> {
    const { allowed, endsAt } = await this.counter.take(holder, rows, this.limit, WINDOW_SECONDS * 1000);
    return { allowed, limit: this.limit, rows, windowSeconds: WINDOW_SECONDS, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - Date.now()) / 1000)) };
  }
}

/** A limit of AUDITED_READS_PER_MINUTE rows, or none for 0. */
export const auditedReadLimit = (perMinute: number): AuditedReadLimit | null => (perMinute > 0 ? new AuditedReadLimit(perMinute) : null);

/** The one error a refused request is answered with, in Chinese and English; HTTP 429 with Retry-After. */
export function auditedReadsRefusal(holder: string, take: AuditedReadTake) {
  errorsTotal.inc({ code: 'RATE_LIMITED' });
  return {
    message: `此令牌（sub ${holder}）每分钟产生的审计读取记录已达上限 ${take.limit} 条（AUDITED_READS_PER_MINUTE），本次查询需 ${take.rows} 条，结果未返回，也未记录读取；请 ${take.retryAfterSeconds} 秒后重试，或缩小查询。 `
      + `Too many audited reads with this token (sub ${holder}): this query would record ${take.rows} read(s) (explanations, personal data), and at most ${take.limit} are recorded a minute (AUDITED_READS_PER_MINUTE), across the whole server. Nothing is shown and no read was recorded. Retry after ${take.retryAfterSeconds} s, or ask for fewer explanations.`,
    extensions: { code: 'RATE_LIMITED', scope: 'token', limit: take.limit, rows: take.rows, windowSeconds: take.windowSeconds, retryAfterSeconds: take.retryAfterSeconds },
  };
}
