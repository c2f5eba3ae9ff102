import { useEffect, useState } from 'react';

/**
 * An element's width in CSS pixels, kept as it changes: pass the first item as the element's ref. Undefined until
 * measured, and where there is no ResizeObserver (jsdom): a caller falls back to a width of its own.
 */
export function useElementWidth<T extends Element>(): [(node: T | null) => void, number | undefined] {
  const [node, setNode] = useState<T | null>(null);
  const [width, setWidth] = useState<number>();
  useEffect(() => {
    if (!node || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [node]);
  return [setNode, width];
}
