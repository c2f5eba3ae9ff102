/**
 * "12,345": an integer's digits in groups of three, as en-US writes them. Not Intl: a page's first Intl object sets
 * up the browser's locale data (20–30 ms on a desktop, four times that on a slow phone), and counts and credits are
 * on every first screen.
 */
export const groupDigits = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
