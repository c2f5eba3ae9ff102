import { afterEach, beforeEach } from 'vitest';

/** jsdom lays nothing out: the log's scrolling frame gets a height, and each row of the table this one. */
export const ROW_HEIGHT = 60;
const FRAME_HEIGHT = 600;

const lengths = (element: HTMLElement, of: 'client' | 'offset') => {
  if (of === 'client') return element.getAttribute('role') === 'region' ? FRAME_HEIGHT : 0;
  return element.tagName === 'TR' ? ROW_HEIGHT : 0;
};

/** Gives the request log a layout for the test file's tests, so its virtualizer draws rows as a browser would. */
export function withLayout() {
  const saved = {
    client: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
    offset: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight'),
  };
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return lengths(this, 'client');
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return lengths(this, 'offset');
      },
    });
  });
  afterEach(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    if (saved.offset) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', saved.offset);
    if (saved.client) Object.defineProperty(Element.prototype, 'clientHeight', saved.client);
  });
}
