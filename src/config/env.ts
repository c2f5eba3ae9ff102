/**
 * The dashboard's build-time settings, read once. The API base is a default:
 * Settings can point the dashboard at another server (the real API) at run time.
 */
export const env = {
  defaultApiBase: (import.meta.env.VITE_API_BASE as string | undefined) ?? '/api/v1',
} as const;
