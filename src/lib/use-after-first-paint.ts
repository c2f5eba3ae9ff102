import { startTransition, useEffect, useState } from 'react';

let painted = false;
let paintedOnce: Promise<void> | null = null;

/** Calls `done` once the browser has painted: a frame is drawn after the next animation frame's callbacks run. */
function afterNextPaint(done: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done));
  else setTimeout(done);
}

/** A browser with paint timing that never reports a first content paint still lets what waits for it go after this. */
const NO_PAINT_REPORT_MS = 500;

/**
 * Calls `done` once the browser says content is on the screen (Paint Timing's first-contentful-paint). A frame's
 * callbacks run before its paint is presented: a request started there still came before the first paint, for the
 * browser and for Lighthouse, which counts it in the first paint's time. Without paint timing (jsdom), after a frame.
 */
function afterFirstContentPaint(done: () => void): void {
  const paintTiming =
    typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes.includes('paint');
  if (!paintTiming) return afterNextPaint(done);
  let waiting = true;
  const finish = () => {
    if (!waiting) return;
    waiting = false;
    observer.disconnect();
    done();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) finish();
  });
  // Buffered: a paint reported before this call counts.
  observer.observe({ type: 'paint', buffered: true });
  afterNextPaint(() => setTimeout(finish, NO_PAINT_REPORT_MS));
}

/** Started by a component's effect, so after React's first commit: a frame asked for earlier may show nothing yet. */
function firstPaint(): Promise<void> {
  paintedOnce ??= new Promise((resolve) =>
    afterFirstContentPaint(() => {
      painted = true;
      resolve();
    }),
  );
  return paintedOnce;
}

/**
 * False until the page has painted once. For what the first screen can do without (a list below the fold, a page's
 * code): its request and the code it loads then wait for the first paint instead of competing with it on a slow
 * phone. It turns true in a transition, so what it shows and that suspends keeps the screen as it is until ready.
 */
export function useAfterFirstPaint(): boolean {
  const [now, setNow] = useState(painted);
  useEffect(() => {
    if (now) return;
    let live = true;
    void firstPaint().then(() => live && startTransition(() => setNow(true)));
    return () => {
      live = false;
    };
  }, [now]);
  return now;
}

/**
 * How many frames of a component are on the screen: 0 on its first render, then one more after each paint, up to
 * `frames`. A heavy page draws what its first screen says in one frame and its controls over the next ones, each
 * render a task of its own: a slow phone shows the text first, and no one long task holds the page unresponsive.
 * Each step is a transition: React renders it in slices, and what it adds that suspends (lazy code) keeps the
 * screen as it is until ready, with no fallback.
 */
export function useFramesDrawn(frames: number): number {
  const [drawn, setDrawn] = useState(0);
  useEffect(() => {
    if (drawn >= frames) return;
    let live = true;
    // The first step waits for the page's first paint, when the app opens on this page.
    const step = () => live && startTransition(() => setDrawn(drawn + 1));
    if (painted) afterNextPaint(step);
    else void firstPaint().then(step);
    return () => {
      live = false;
    };
  }, [drawn, frames]);
  return drawn;
}
