import { useId, useState, type FormEvent } from 'react';
import { decodePaste } from './decode-paste';
import { DecodedView } from './decoded-view';
import { useDecoderStore } from './decoder-store';

/**
 * The decoder: a pasted error response, SDK exception, request id, code or status, read in the browser. Only a
 * request id is ever sent (to look it up in this key's log); the paste stays in the box whatever happens.
 */
export function Decoder() {
  const text = useDecoderStore((state) => state.text);
  const decoded = useDecoderStore((state) => state.decoded);
  const textChanged = useDecoderStore((state) => state.textChanged);
  const pasteDecoded = useDecoderStore((state) => state.pasteDecoded);
  // Only a decode made here moves the focus: coming back to a kept one leaves it where the page puts it.
  const [decodedHere, setDecodedHere] = useState(false);
  const boxId = useId();
  const hintId = useId();
  const problemId = useId();
  const problem = decoded && !decoded.result.ok ? decoded.result.problem : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    pasteDecoded({ result: decodePaste(text), at: new Date() });
    setDecodedHere(true);
  }

  return (
    <section aria-labelledby={`${boxId}-heading`} className="space-y-4">
      <h2 id={`${boxId}-heading`} className="text-lg font-semibold">
        Decode an error
      </h2>
      <form onSubmit={submit} className="space-y-2">
        <label htmlFor={boxId} className="block text-sm font-medium">
          Paste an error
        </label>
        <p id={hintId} className="text-sm text-slate-700">
          An error body (JSON), a whole response (curl -i), an SDK’s exception text, a request id, a code or a status.
          It is read here, in the browser; only a request id is looked up in this key’s request log.
        </p>
        <textarea
          id={boxId}
          value={text}
          onChange={(event) => textChanged(event.target.value)}
          rows={8}
          spellCheck={false}
          aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
          aria-invalid={problem ? true : undefined}
          className="w-full rounded-md border border-slate-400 px-3 py-2 font-mono text-sm"
        />
        {problem && (
          <p id={problemId} role="alert" className="text-sm font-medium wrap-anywhere text-red-800">
            {problem}
          </p>
        )}
        <button
          type="submit"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          Decode
        </button>
      </form>
      {decoded?.result.ok && <DecodedView paste={decoded.result.paste} now={decoded.at} focus={decodedHere} />}
    </section>
  );
}
