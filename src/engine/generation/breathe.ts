// Gives the event loop a turn between decoding steps. ORT's WASM session.run() settles through
// promise jobs only, so a decoding loop never lets a macrotask run: without this, a worker busy
// generating receives no cancel message, flushes no batched text, and sends no heartbeat until
// the whole summary is done (and the UI would take it for dead).

/** At most this much decoding time passes without a turn for the event loop. */
export const BREATHE_EVERY_MS = 30;

let last = Date.now();

function macrotask(): Promise<void> {
  // A MessageChannel turn is not clamped to 4 ms like nested setTimeout(0).
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves at once, or after one event-loop turn when the loop has run long enough without one. */
export async function breathe(now = Date.now()): Promise<void> {
  if (now - last < BREATHE_EVERY_MS) return;
  await macrotask();
  last = Date.now();
}
