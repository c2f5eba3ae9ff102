import { Fragment } from 'react';

/**
 * An error code (or a host) that may wrap after each `_` (or `.`) and nowhere else, so a narrow column shows
 * BLOCKED_ / BY_ / ANTIBOT rather than BLOC / KED_ / BY_A: a code cut inside its words cannot be read. A part wider
 * than its column alone (an IPv6 host) is the cell's to break (`wrap-break-word`).
 */
export function BreakableCode({ text }: { text: string }) {
  // Split after each separator (a code or a host holds no newline); no look-behind, which older Safari cannot parse.
  const parts = text.replace(/[_.]/g, (separator) => `${separator}\n`).split('\n');
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
