import { GraphQLError } from 'graphql';

/**
 * One preview at a time per server process. A preview evaluates every subject concerned twice and
 * runs on the event loop between its database reads; two or three at once add up to seconds in
 * which /healthz and every other request wait. A second preview while one runs is refused at once
 * with PREVIEW_BUSY, to be tried again when the first is done.
 *
 * A preview counts from the moment it enters, its synchronous checks of the draft (writing it out,
 * inspectRules) included. Those run without yielding, so a draft they refused used to open the gate
 * again before the event loop ever turned: 30 refused drafts sent at once found it free one after
 * another and ran 30 checks back to back, /healthz waiting 11 s (hostile17 F7). Now the gate is
 * taken a turn of the event loop before the work starts (requests already read meet it taken), and
 * stays taken after the work for as long again as its first synchronous stretch held the event loop
 * (at least a turn): other requests, /healthz and the rest of a burst, get at least as much time as
 * the checks, and a burst is answered PREVIEW_BUSY instead of being checked one after another.
 */
let running = false;

export class PreviewBusyError extends GraphQLError {
  constructor() {
    super('另一个规则预览正在运行，请稍后重试；本次未做任何更改。Another rule preview is running on this server; nothing was done. Try again in a moment.', {
      extensions: { code: 'PREVIEW_BUSY' },
    });
  }
}

/** A full turn of the event loop: pending I/O (other requests) is read before this resolves. */
const aTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` as the only preview of this process, or throws PreviewBusyError at once. */
export async function onePreviewAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (running) throw new PreviewBusyError();
  running = true;
  let held = 0;
  try {
    await aTurn();
    const started = performance.now();
    // An async function runs up to its first await before it returns: that stretch is the checks.
    const pending = work();
    held = performance.now() - started;
    return await pending;
  } finally {
    await aTurn();
    if (held >= 1) await pause(held);
    running = false;
  }
}
