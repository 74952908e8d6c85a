/**
 * Lets the event loop run what waits (incoming requests above all) before
 * going on. better-sqlite3 answers synchronously, so a chain of awaited
 * queries never returns to the event loop by itself: a long read done in
 * one go holds every request of the backend until it is over.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}
