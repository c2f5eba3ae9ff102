/** What LoggedRequest shows while its lookup (or, loaded on demand, its code) is on the way. */
export function LookingUp() {
  return <p role="status">Looking the request up in this key’s request log…</p>;
}
