// Time spent inside ORT session.run() calls, so a run's wall time splits into "the graph" and
// "everything else" (tensor conversion, logits processing, streaming, tokenizer): the part an
// engine controls. Works by wrapping run() on session instances, for either side.

export class SessionClock {
  ms = 0;
  calls = 0;

  /** Wraps `session.run` in place; the session behaves exactly as before. */
  watch<S extends { run: (...a: never[]) => Promise<unknown> }>(session: S): S {
    const orig = session.run.bind(session) as (...a: unknown[]) => Promise<unknown>;
    (session as { run: unknown }).run = async (...args: unknown[]) => {
      const t = performance.now();
      try {
        return await orig(...args);
      } finally {
        this.ms += performance.now() - t;
        this.calls++;
      }
    };
    return session;
  }

  reset(): void {
    this.ms = 0;
    this.calls = 0;
  }
}

interface OrtLike {
  InferenceSession: { create(...args: never[]): Promise<{ run: (...a: never[]) => Promise<unknown> }> };
}

/** The same ORT module, except that every session it creates reports to `clock`. */
export function clockedOrt<T extends OrtLike>(ort: T, clock: SessionClock): T {
  const IS = ort.InferenceSession;
  const create = async (...args: unknown[]) => clock.watch(await (IS.create as (...a: unknown[]) => ReturnType<typeof IS.create>)(...args));
  return { ...ort, InferenceSession: Object.assign(Object.create(IS) as object, { create }) } as T;
}
