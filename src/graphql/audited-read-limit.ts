import { errorsTotal } from '../metrics';

/** The window AUDITED_READS_PER_MINUTE counts in. */
const WINDOW_SECONDS = 60;
/** Holders counted at once before those whose window has ended are dropped. */
const PRUNE_AT = 10_000;

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
 * first rows, per server process (WEB_CONCURRENCY processes allow that many times the limit).
 */
export class AuditedReadLimit {
  private readonly windows = new Map<string, { rows: number; endsAt: number }>();

  constructor(readonly limit: number) {}

  /** Counts `rows` more audited rows of `holder`, unless they would pass the limit (then nothing is counted). */
  take(holder: string, rows: number): AuditedReadTake {
    const now = Date.now();
    if (this.windows.size >= PRUNE_AT) for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    let window = this.windows.get(holder);
    if (!window || window.endsAt <= now) this.windows.set(holder, (window = { rows: 0, endsAt: now + WINDOW_SECONDS * 1000 }));
    const allowed = window.rows + rows <= this.limit;
    if (allowed) window.rows += rows;
    return { allowed, limit: this.limit, rows, windowSeconds: WINDOW_SECONDS, retryAfterSeconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)) };
  }
}

/** A limit of AUDITED_READS_PER_MINUTE rows, or none for 0. */
export const auditedReadLimit = (perMinute: number): AuditedReadLimit | null => (perMinute > 0 ? new AuditedReadLimit(perMinute) : null);

/** The one error a refused request is answered with, in Chinese and English; HTTP 429 with Retry-After. */
export function auditedReadsRefusal(holder: string, take: AuditedReadTake) {
  errorsTotal.inc({ code: 'RATE_LIMITED' });
  return {
    message: `此令牌（sub ${holder}）每分钟产生的审计读取记录已达上限 ${take.limit} 条（AUDITED_READS_PER_MINUTE），本次查询需 ${take.rows} 条，结果未返回，也未记录读取；请 ${take.retryAfterSeconds} 秒后重试，或缩小查询。 `
      + `Too many audited reads with this token (sub ${holder}): this query would record ${take.rows} read(s) (explanations, personal data), and at most ${take.limit} are recorded a minute (AUDITED_READS_PER_MINUTE), per server process. Nothing is shown and no read was recorded. Retry after ${take.retryAfterSeconds} s, or ask for fewer explanations.`,
    extensions: { code: 'RATE_LIMITED', scope: 'token', limit: take.limit, rows: take.rows, windowSeconds: take.windowSeconds, retryAfterSeconds: take.retryAfterSeconds },
  };
}
