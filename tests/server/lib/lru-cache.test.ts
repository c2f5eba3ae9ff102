import { describe, expect, it } from 'vitest';
import { createLruCache } from '../../../server/lib/lru-cache';

describe('createLruCache', () => {
  it('forgets the least recently used entry beyond its capacity', () => {
    const cache = createLruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it('drops entries by key or by what they hold', () => {
    const cache = createLruCache<string, { owner: string }>(10);
    cache.set('k1', { owner: 'x' });
    cache.set('k2', { owner: 'y' });
    cache.set('k3', { owner: 'x' });
    cache.deleteWhere((value) => value.owner === 'x');
    cache.delete('k2');
    expect(cache.size).toBe(0);
  });
});
