/**
 * One rules reload at a time per reloader, shared by the callers that ask for it together (hostile19
 * F3). A reload reads and checks the whole rules folder synchronously (about 0.3 CPU-s on the shipped
 * rules): eight OFFICER `reloadRules` at once ran eight back to back and held /healthz 1.85 s, and
 * IN_FLIGHT_PER_TOKEN allows 64.
 *
 * Sharing was chosen over refusing (previewRules' PREVIEW_BUSY): a reload takes no input, so callers
 * who ask together want the same thing, and each gets a real answer instead of a retry. It stays
 * truthful: a caller shares only a reload that starts reading the folder after it asked. The first
 * caller waits a turn of the event loop (requests already read join it); a caller arriving while a
 * reload runs, or in the pause after it, joins the next one, which starts once that pause ends. The
 * pause lasts as long as the reload held the event loop (at least a turn), so a burst leaves every
 * other request at least half the time.
 */
export class SharedReload<T> {
  /** The reload callers asking now will share: not yet begun reading the folder. */
  private next: Promise<T> | null = null;
  /** Settles when the last reload's pause is over. */
  private idle: Promise<void> = Promise.resolve();

  /** Runs `reload` for this caller, or joins the one about to run; `started` says whether this caller's request began it. */
  run(reload: () => T): { result: Promise<T>; started: boolean } {
    if (this.next) return { result: this.next, started: false };
    const after = this.idle;
    const result = (async () => {
      await after;
      await aTurn();
      this.next = null; // from here on the folder is read: later callers wait for another reload
      const began = performance.now();
      try {
        return reload();
      } finally {
        const held = performance.now() - began;
        this.idle = (async () => {
          await aTurn();
          if (held >= 1) await pause(held);
        })();
      }
    })();
    this.next = result;
    return { result, started: true };
  }
}

const aTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
