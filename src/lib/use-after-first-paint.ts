import { useEffect, useState } from 'react';

let painted = false;
let afterPaint: Promise<void> | null = null;

/** Resolves once the browser has painted: a frame is drawn after the next animation frame's callbacks run. */
function firstPaint(): Promise<void> {
  afterPaint ??= new Promise<void>((resolve) => {
    const done = () => {
      painted = true;
      resolve();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done));
    else setTimeout(done);
  });
  return afterPaint;
}

/**
 * False until the page has painted once. For what the first screen can do without (a list below the fold): its
 * request and the code it loads then wait for the first paint instead of competing with it on a slow phone.
 */
export function useAfterFirstPaint(): boolean {
  const [now, setNow] = useState(painted);
  useEffect(() => {
    if (now) return;
    let live = true;
    void firstPaint().then(() => live && setNow(true));
    return () => {
      live = false;
    };
  }, [now]);
  return now;
}
