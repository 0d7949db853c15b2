/**
 * Waits until `done()` holds, looking every 50 ms; throws after `ms` (10 s unless told). `seen`, if
 * given, says in the error what the test had instead, so a failure shows it.
 */
export async function until(done: () => boolean, ms = 10_000, seen?: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(seen ? `timed out; ${seen()}` : 'timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
