import { errorsTotal } from '../metrics';
import { sharedRowCounter, type RowCounter } from './shared-counts';

/** The window every per-minute limit counts in. */
const WINDOW_SECONDS = 60;

/** What a limit answers for `units` more of a holder: whether they fitted (and were counted), and when to retry. */
export interface WindowTake {
  allowed: boolean;
  limit: number;
  /** What this take asked to count: a request (1), audited rows, storing calls. */
  units: number;
  windowSeconds: number;
  retryAfterSeconds: number;
}

/** A refusal as GraphQL answers it: the one message in Chinese and English, and its extensions (code RATE_LIMITED). */
export interface WindowRefusal {
  message: string;
  extensions: { code: 'RATE_LIMITED' } & Record<string, unknown>;
}

export interface PerMinuteWindowLimitOptions {
  /** The shared count's name (shared-counts.ts keeps one window per name and holder). */
  name: string;
  /** Units per holder a minute, from src/config.ts; 0 or less is no limit. */
  perMinute: number;
  /** The refusal of `holder` past the limit, worded for this use. */
  refusal: (holder: string, take: WindowTake) => WindowRefusal;
}

/**
 * One per-caller per-minute limit over whole-server counts, configured per use (PERSONAL_READS_PER_MINUTE,
 * AUDITED_READS_PER_MINUTE, STORED_WRITES_PER_MINUTE): a fixed window per holder (`sub`) from its first
 * units; units that would pass the limit are not counted. With WEB_CONCURRENCY processes the cluster's
 * primary keeps the windows (shared-counts.ts), so the limit does not multiply with the number of
 * processes (sec23); a count the primary does not answer is SharedCountUnanswered, never a pass.
 */
export class PerMinuteWindowLimit {
  private readonly counter: RowCounter;

  /** The limit `options` describe, or none for a limit of 0. */
  static of(options: PerMinuteWindowLimitOptions): PerMinuteWindowLimit | null {
    return options.perMinute > 0 ? new PerMinuteWindowLimit(options) : null;
  }

  private constructor(private readonly options: PerMinuteWindowLimitOptions) {
    this.counter = sharedRowCounter(options.name);
  }

  get limit(): number {
    return this.options.perMinute;
  }

  /** Counts `units` more of `holder`, unless they would pass the limit (then nothing is counted). */
  async take(holder: string, units = 1): Promise<WindowTake> {
    const { allowed, endsAt } = await this.counter.take(holder, units, this.limit, WINDOW_SECONDS * 1000);
    return { allowed, limit: this.limit, units, windowSeconds: WINDOW_SECONDS, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - Date.now()) / 1000)) };
  }

  /** Uncounts `units` of `holder` that `take` counted and that were refused after all (by another limit). */
  async giveBack(holder: string, units = 1): Promise<void> {
    await this.counter.giveBack(holder, units);
  }

  /** The error a refused take is answered with (counted in errors_total as RATE_LIMITED). */
  refusal(holder: string, take: WindowTake): WindowRefusal {
    errorsTotal.inc({ code: 'RATE_LIMITED' });
    return this.options.refusal(holder, take);
  }
}
