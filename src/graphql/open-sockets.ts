import { CloseCode, type Context } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Viewer } from '../auth/role';

/** A graphql-ws connection on a ws socket. */
export type SocketContext = Context<Record<string, unknown>, Extra>;

/** setTimeout's longest delay (about 24.8 days); a token may live longer (JWT_MAX_TTL_DAYS up to 3650). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** graphql-ws closes a refused connection with 4403; an expired token ends the same way, so a client can reconnect with a fresh one. */
export const EXPIRED = { code: CloseCode.Forbidden, reason: 'Forbidden: the token expired' };

/** Whether the caller's token has expired (a token without `exp` never does). */
export const tokenExpired = (viewer: Viewer): boolean => viewer.expiresAt !== undefined && viewer.expiresAt.getTime() <= Date.now();

/**
 * The sockets open per group — `sub:…` per token holder, `public` (a public address's are counted for
 * the whole server instead, websocket.ts and shared-counts.ts) —
 * oldest first, which the limits of websocket.ts count; and per socket, the groups it is counted in
 * and the timer that closes it (EXPIRED) when its token expires.
 */
export class OpenSockets {
  private readonly open = new Map<string, Set<SocketContext>>();
  private readonly held = new WeakMap<object, { groups: string[]; expiry?: NodeJS.Timeout }>();

  /** How many sockets the group holds. */
  size(group: string): number {
    return this.open.get(group)?.size ?? 0;
  }

  /** The group's oldest socket, if any. */
  oldest(group: string): SocketContext | undefined {
    return this.open.get(group)?.values().next().value;
  }

  /** Counts the socket in its groups, and closes it when the viewer's token expires. */
  add(ctx: SocketContext, groups: string[], viewer: Viewer): void {
    for (const group of groups) this.open.set(group, (this.open.get(group) ?? new Set()).add(ctx));
    this.held.set(ctx, { groups, expiry: this.closeOnExpiry(ctx, viewer) });
  }

  /** Stops counting the socket in one group (it is about to be closed). */
  leave(ctx: SocketContext, group: string): void {
    const members = this.open.get(group);
    members?.delete(ctx);
    if (members && members.size === 0) this.open.delete(group);
  }

  /** The socket closed: it is counted nowhere and its timer is stopped. */
  remove(ctx: SocketContext): void {
    const entry = this.held.get(ctx);
    if (!entry) return;
    this.held.delete(ctx);
    clearTimeout(entry.expiry);
    for (const group of entry.groups) this.leave(ctx, group);
  }

  /** Closes the socket when the token expires; timers longer than setTimeout allows are re-armed. */
  private closeOnExpiry(ctx: SocketContext, viewer: Viewer): NodeJS.Timeout | undefined {
    if (!viewer.expiresAt) return undefined;
    const wait = viewer.expiresAt.getTime() - Date.now();
    return setTimeout(() => {
      const entry = this.held.get(ctx);
      if (!entry) return;
      if (tokenExpired(viewer)) ctx.extra.socket.close(EXPIRED.code, EXPIRED.reason);
      else entry.expiry = this.closeOnExpiry(ctx, viewer);
    }, Math.max(0, Math.min(wait, LONGEST_TIMER_MS))).unref();
  }
}
