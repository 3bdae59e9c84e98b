// The worker's sign of life. A worker killed by the browser (out of memory, a crashed GPU process,
// terminate()) often dies without an 'error' event; the UI notices the missing heartbeats instead.
// Kept apart from protocol.ts: it is not a request's event and no request listener sees it.

export interface HeartbeatMessage {
  type: 'heartbeat';
}

export const HEARTBEAT_INTERVAL_MS = 1000;

export function isHeartbeat(m: unknown): m is HeartbeatMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'heartbeat';
}

/** Posts a heartbeat every interval; returns a function that stops it. */
export function startHeartbeat(post: (m: HeartbeatMessage) => void, intervalMs = HEARTBEAT_INTERVAL_MS): () => void {
  post({ type: 'heartbeat' });
  const t = setInterval(() => post({ type: 'heartbeat' }), intervalMs);
  return () => clearInterval(t);
}
