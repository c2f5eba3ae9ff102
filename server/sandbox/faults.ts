/** The envelope codes of the statuses the faults endpoint can inject. */
export const FAULT_CODES = {
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
} as const;

export type FaultStatus = keyof typeof FAULT_CODES;
export interface Fault {
  status: FaultStatus;
  code: (typeof FAULT_CODES)[FaultStatus];
}

/** Faults armed per account (sandbox only): the next `count` calls answer `status`, so retries can be shown. */
export function createFaults() {
  const armed = new Map<string, { status: FaultStatus; remaining: number }>();
  return {
    arm(accountId: string, status: FaultStatus, count: number) {
      armed.set(accountId, { status, remaining: count });
    },
    take(accountId: string): Fault | null {
      const fault = armed.get(accountId);
      if (!fault) return null;
      if (--fault.remaining <= 0) armed.delete(accountId);
      return { status: fault.status, code: FAULT_CODES[fault.status] };
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
