/**
 * One rules reload at a time per reloader, shared by everyone who asks for it together (hostile19
 * F3): `reloadRules` requests and the folder watcher alike (src/engine/rule-reloader.ts holds the
 * only gate, so a watcher's reload cannot run beside a request's). A reload reads and checks the
 * whole rules folder synchronously (about 0.15–0.3 CPU-s on the shipped rules): eight OFFICER
 * `reloadRules` at once ran eight back to back and held /healthz 1.85 s, and IN_FLIGHT_PER_TOKEN
 * allows 64.
 *
 * Sharing was chosen over refusing (previewRules' PREVIEW_BUSY): a reload takes no input, so askers
 * who ask together want the same thing, and each gets a real answer instead of a retry. It stays
 * truthful: an asker shares only a reload that starts reading the folder after it asked. The first
 * asker waits a turn of the event loop (requests already read join it); an asker arriving while a
 * reload runs, or in the pause after it, joins the next one, which starts once that pause ends. The
 * pause lasts as long as the reload held the event loop (at least a turn), so a burst leaves every
 * other request at least half the time.
 */
export class SharedReload<T, A> {
  /** The reload askers asking now will share: not yet begun reading the folder. */
  private next: { result: Promise<T>; askers: A[] } | null = null;
  /** Settles when the last reload's pause is over. */
  private idle: Promise<void> = Promise.resolve();

  /**
   * Runs `reload` for this asker, or joins the one about to run. `askers` is everyone the reload
   * answers, in the order they asked (complete once `result` settles); `index` is this asker's place
   * in it (0: its asking began the reload).
   */
  run(asker: A, reload: (askers: readonly A[]) => T): { result: Promise<T>; askers: readonly A[]; index: number } {
    if (this.next) {
      this.next.askers.push(asker);
      return { result: this.next.result, askers: this.next.askers, index: this.next.askers.length - 1 };
    }
    const askers = [asker];
    const after = this.idle;
    const result = (async () => {
      await after;
      await aTurn();
      this.next = null; // from here on the folder is read: later askers wait for another reload
      const began = performance.now();
      try {
        return reload(askers);
      } finally {
        const held = performance.now() - began;
        this.idle = (async () => {
          await aTurn();
          if (held >= 1) await pause(held);
        })();
      }
    })();
    this.next = { result, askers };
    return { result, askers, index: 0 };
  }
}

const aTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
