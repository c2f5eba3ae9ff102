import { create } from 'zustand';
import { env } from '../config/env';

/**
 * The API key and where the API lives. The key is kept in memory and in
 * sessionStorage (so a reload keeps it), or in localStorage only when the user
 * ticks "remember on this device". It never goes into a URL.
 */
interface CredentialsState {
  apiKey: string | null;
  remember: boolean;
  apiBase: string;
  keyEntered: (apiKey: string, remember: boolean) => void;
  keyForgotten: () => void;
  apiBaseChanged: (apiBase: string) => void;
}

const KEY_SLOT = 'scrape-dashboard.api-key';
const BASE_SLOT = 'scrape-dashboard.api-base';

function read(storage: Storage | undefined, slot: string): string | null {
  try {
    return storage?.getItem(slot) ?? null;
  } catch {
    return null; // storage can be disabled (privacy modes): the dashboard then keeps the key in memory only
  }
}

function write(storage: Storage | undefined, slot: string, value: string | null) {
  try {
    if (value === null) storage?.removeItem(slot);
    else storage?.setItem(slot, value);
  } catch {
    /* see read() */
  }
}

const session = typeof window === 'undefined' ? undefined : window.sessionStorage;
const local = typeof window === 'undefined' ? undefined : window.localStorage;

const rememberedKey = read(local, KEY_SLOT);

export const useCredentialsStore = create<CredentialsState>()((set) => ({
  apiKey: rememberedKey ?? read(session, KEY_SLOT),
  remember: rememberedKey !== null,
  apiBase: read(local, BASE_SLOT) ?? env.defaultApiBase,
  keyEntered: (apiKey, remember) => {
    write(remember ? local : session, KEY_SLOT, apiKey);
    write(remember ? session : local, KEY_SLOT, null);
    set({ apiKey, remember });
  },
  keyForgotten: () => {
    write(local, KEY_SLOT, null);
    write(session, KEY_SLOT, null);
    set({ apiKey: null, remember: false });
  },
  apiBaseChanged: (apiBase) => {
    const trimmed = apiBase.trim().replace(/\/+$/, '') || env.defaultApiBase;
    write(local, BASE_SLOT, trimmed === env.defaultApiBase ? null : trimmed);
    set({ apiBase: trimmed });
  },
}));

export const useApiKey = () => useCredentialsStore((state) => state.apiKey);

/**
 * Calls `listener` each time another key or server is connected (not on a change of "remember" alone): what was
 * read with the old credentials is not the new ones'. Returns the unsubscribe.
 */
export const onCredentialsChange = (listener: () => void) =>
  useCredentialsStore.subscribe((next, previous) => {
    if (next.apiKey !== previous.apiKey || next.apiBase !== previous.apiBase) listener();
  });
