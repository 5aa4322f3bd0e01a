import { describe, expect, it } from 'vitest';
import { ContentCache } from './content-cache.js';

describe('ContentCache', () => {
  it('returns cached texts and drops the least recently used ones beyond its size', () => {
    const cache = new ContentCache(10);
    cache.set('1:1', 'aaaa');
    cache.set('2:1', 'bbbb');
    expect(cache.get('1:1')).toBe('aaaa'); // now most recently used
    cache.set('3:1', 'cccc');
    expect(cache.get('2:1')).toBeUndefined();
    expect(cache.get('1:1')).toBe('aaaa');
    expect(cache.get('3:1')).toBe('cccc');
    expect(cache.size).toBe(2);
  });

  it('does not keep a text larger than the whole cache', () => {
    const cache = new ContentCache(3);
    cache.set('1:1', 'long text');
    expect(cache.size).toBe(0);
  });
});
