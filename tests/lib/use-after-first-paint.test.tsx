import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A browser's PerformanceObserver, reduced to what the hook uses: paint entries, delivered when the test says. */
class PaintObserver {
  static readonly supportedEntryTypes = ['paint'];
  static observers: PaintObserver[] = [];
  constructor(private readonly callback: (list: { getEntriesByName: (name: string) => unknown[] }) => void) {}
  observe() {
    PaintObserver.observers.push(this);
  }
  disconnect() {
    PaintObserver.observers = PaintObserver.observers.filter((observer) => observer !== this);
  }
  static paint(name: string) {
    for (const observer of [...PaintObserver.observers]) {
      observer.callback({ getEntriesByName: (wanted) => (wanted === name ? [{ name }] : []) });
    }
  }
}

/** The module keeps whether the page has painted: each test starts from a page that has not. */
async function freshHook() {
  vi.resetModules();
  const { useAfterFirstPaint } = await import('../../src/lib/use-after-first-paint');
  function BelowTheFold() {
    return useAfterFirstPaint() ? <p>the demo accounts</p> : null;
  }
  render(<BelowTheFold />);
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  PaintObserver.observers = [];
});

describe('useAfterFirstPaint', () => {
  it("waits for the browser's first content paint, not only for a frame", async () => {
    vi.stubGlobal('PerformanceObserver', PaintObserver);
    await freshHook();
    // A frame and its timer have run: before the paint was presented, the browser has not reported it.
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(screen.queryByText('the demo accounts')).not.toBeInTheDocument();

    await act(async () => PaintObserver.paint('first-paint'));
    expect(screen.queryByText('the demo accounts')).not.toBeInTheDocument();
    await act(async () => PaintObserver.paint('first-contentful-paint'));
    expect(screen.getByText('the demo accounts')).toBeInTheDocument();
  });

  it('goes ahead half a second after a frame when the browser never reports the paint', async () => {
    vi.stubGlobal('PerformanceObserver', PaintObserver);
    await freshHook();
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(screen.queryByText('the demo accounts')).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(screen.getByText('the demo accounts')).toBeInTheDocument();
  });

  it('goes ahead after a frame where there is no paint timing', async () => {
    vi.stubGlobal('PerformanceObserver', undefined);
    await freshHook();
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(screen.getByText('the demo accounts')).toBeInTheDocument();
  });
});
