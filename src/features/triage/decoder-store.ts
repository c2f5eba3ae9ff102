import { create } from 'zustand';
import { onCredentialsChange } from '../../api/credentials-store';
import type { DecodeResult } from './decode-paste';

interface Decoded {
  result: DecodeResult;
  /** When it was decoded: retry times are counted from it. */
  at: Date;
}

/**
 * The decoder's paste and its reading, kept while the app is open, so opening the decoded request and coming Back
 * finds them as they were. In memory only, never in storage or a URL: a paste may hold a customer's key.
 */
interface DecoderState {
  text: string;
  decoded: Decoded | null;
  textChanged: (text: string) => void;
  pasteDecoded: (decoded: Decoded) => void;
}

export const useDecoderStore = create<DecoderState>()((set) => ({
  text: '',
  decoded: null,
  textChanged: (text) => set({ text }),
  pasteDecoded: (decoded) => set({ decoded }),
}));

// A paste may hold a customer's key: it goes when the user connects another key or server, as the app's data does.
onCredentialsChange(() => useDecoderStore.setState({ text: '', decoded: null }));
