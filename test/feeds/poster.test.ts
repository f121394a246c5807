import { describe, expect, it } from 'vitest';
import { THREAD_NAME_MAX, threadName } from '../../src/feeds/poster';

describe('threadName: a thread or forum post named after the item', () => {
  it.each([
    ['Harbour ferry adds a night crossing', 'Harbour ferry adds a night crossing'],
    ['  Two\nlines\tof title  ', 'Two lines of title'],
    ['\u202Egnp.exe title', 'gnp.exe title'],
    ['', 'Harbour Wire'],
    ['\u200F \n', 'Harbour Wire'],
  ])('%j -> %j', (title, name) => {
    expect(threadName(title, 'Harbour Wire')).toBe(name);
  });

  it('cuts a long title at a word, within Discord 100 characters, marked with …', () => {
    const name = threadName(`Harbour ${'and quay '.repeat(20)}works begin`, 'Harbour Wire');
    expect(name).toBe(`Harbour ${'and quay '.repeat(10).trimEnd()}…`);
    expect(name.length).toBeLessThanOrEqual(THREAD_NAME_MAX);
    const word = threadName('x'.repeat(300), 'Harbour Wire');
    expect(word).toBe(`${'x'.repeat(99)}…`);
    expect(word.length).toBe(THREAD_NAME_MAX);
  });

  it('falls back to the feed title, then to words of its own, when both are blank', () => {
    expect(threadName(' ', ' ')).toBe('New item');
  });
});
