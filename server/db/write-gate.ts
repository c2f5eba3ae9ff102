/**
 * Lets the WAL checkpointer hold back the request log's batched writes, the one writer that never pauses under
 * load, while it copies the WAL's last pages into the database: with nothing appended meanwhile, the next commit
 * starts the WAL over instead of growing it (wal-checkpointer.ts). Held writes wait in their queue, never on the
 * event loop.
 */
export interface WriteGate {
  /** While the returned promise is pending, `held` is it; a second hold while one is pending joins the first. */
  hold(until: Promise<void>): void;
  /** The hold in force, or null when writes may go ahead. */
  readonly held: Promise<void> | null;
}

export function createWriteGate(): WriteGate {
  let held: Promise<void> | null = null;
  return {
    hold(until) {
      if (held) return;
      const released = until.then(
        () => undefined,
        () => undefined,
      );
      held = released;
      void released.then(() => {
        held = null;
      });
    },
    get held() {
      return held;
    },
  };
}
