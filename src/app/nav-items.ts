/** The pages of DESIGN.md that exist so far; later work adds its page here when it lands. */
export const NAV_ITEMS = [
  { to: '/', label: 'Overview' },
  { to: '/scrape', label: 'Scrape' },
  { to: '/sessions', label: 'Sessions' },
  { to: '/usage', label: 'Usage' },
  { to: '/rate-limits', label: 'Rate limits' },
  { to: '/webhooks', label: 'Webhooks' },
  { to: '/triage', label: 'Triage' },
  { to: '/errors', label: 'Error reference' },
  { to: '/settings', label: 'Settings' },
] as const;
