// Waiting on conditions, never on time: a predicate is polled until it holds or the time is up.
import { setTimeout as delay } from "node:timers/promises";

/**
 * Polls `predicate` (sync or async) until it returns a truthy value, which is returned.
 * Throws, naming `what`, after `timeout` ms; an error thrown by the predicate ends the wait.
 */
export async function waitUntil(predicate, { timeout = 10_000, interval = 50, what = "a condition" } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await predicate();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await delay(interval);
  }
}
