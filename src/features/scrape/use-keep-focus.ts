import { useEffect, useRef } from 'react';

/**
 * Each run the user starts moves focus to the panel's heading, scrolled into view. Each phase of a run replaces the panel's buttons (Cancel, Retry now, the guidance's fixes), so the button a
 * keyboard user just pressed, or was resting on, vanishes and focus falls to the page's start. When that happens
 * to focus that was inside the panel, it goes to the panel's heading instead; focus elsewhere is never taken.
 */
export function useKeepFocus(phase: string, started: number) {
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const inside = useRef(false);

  useEffect(() => {
    const element = section.current;
    if (!element) return;
    const entered = () => {
      inside.current = true;
    };
    // A removed element's focusout has no relatedTarget; only a move elsewhere on the page counts as leaving.
    const left = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (next instanceof Node && !element.contains(next)) inside.current = false;
    };
    element.addEventListener('focusin', entered);
    element.addEventListener('focusout', left);
    return () => {
      element.removeEventListener('focusin', entered);
      element.removeEventListener('focusout', left);
    };
  }, []);

  useEffect(() => {
    const active = document.activeElement;
    if (inside.current && (active === null || active === document.body)) heading.current?.focus();
  }, [phase]);

  // A run the user starts is brought into view with focus on the panel: the form is long, and on a phone the
  // panel is below it, so the countdown or the guidance would otherwise appear off screen.
  useEffect(() => {
    if (started === 0) return;
    section.current?.scrollIntoView?.({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
    inside.current = true;
  }, [started]);

  return { section, heading };
}
