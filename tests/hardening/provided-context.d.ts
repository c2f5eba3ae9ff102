import 'vitest';

declare module 'vitest' {
  // Set by the node project of vite.config.ts from HARDENING_CASES and HARDENING_ROUNDS.
  export interface ProvidedContext {
    hardeningCases: number;
    hardeningRounds: number;
  }
}
