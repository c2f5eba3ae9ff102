/** A map that forgets its least recently used entry once it holds more than `capacity`: memory stays bounded. */
export function createLruCache<K, V>(capacity: number) {
  // A Map iterates in insertion order, so re-inserting on use keeps the least recently used first.
  const entries = new Map<K, V>();
  return {
    get(key: K): V | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: K, value: V): void {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as K);
    },
    delete: (key: K) => void entries.delete(key),
    deleteWhere(matches: (value: V) => boolean): void {
      for (const [key, value] of entries) if (matches(value)) entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
