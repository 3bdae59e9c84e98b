// The models the picker offers: real summarizers from models/catalogue.ts, never the
// random-weight test fixtures (those are reachable only through ?model= for tests).
import type { ModelLocation } from '../worker/protocol';

export interface ModelChoice {
  id: string;
  label: string;
  /** Size, context length and speed class in a few words. */
  detail: string;
  cached: boolean;
  location: ModelLocation;
}

export function pickableModels(): ModelChoice[] {
  return [];
}
