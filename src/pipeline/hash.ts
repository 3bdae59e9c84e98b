// A fast non-cryptographic fingerprint (FNV-1a, 32 bits) for telling texts apart as cache and
// storage keys; collisions only cost a cache miss or a fresh conversation.
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
