import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../../../server/lib/seal';

describe('sealing a value with AES-256-GCM', () => {
  const key = randomBytes(32);

  it('opens with the same key and context, with a fresh 12-byte IV every time', () => {
    const one = seal(key, 'secret value', 'session:a:1');
    const two = seal(key, 'secret value', 'session:a:1');
    expect(one.iv).toHaveLength(12);
    expect(one.tag).toHaveLength(16);
    expect(one.iv.equals(two.iv)).toBe(false);
    expect(one.data.includes(Buffer.from('secret value'))).toBe(false);
    expect(unseal(key, one, 'session:a:1')).toBe('secret value');
  });

  it('refuses another context, another key, or any changed byte', () => {
    const sealed = seal(key, 'secret value', 'session:a:1');
    expect(() => unseal(key, sealed, 'session:b:1')).toThrow();
    expect(() => unseal(randomBytes(32), sealed, 'session:a:1')).toThrow();
    const flipped = Buffer.from(sealed.data);
    flipped[0] = flipped[0]! ^ 1;
    expect(() => unseal(key, { ...sealed, data: flipped }, 'session:a:1')).toThrow();
  });
});
