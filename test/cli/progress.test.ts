import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';

describe('progress line', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('stays quiet for short runs, then redraws at most every 100 ms, and erases itself', () => {
    vi.useFakeTimers();
    const writes: string[] = [];
    const p = progressLine({ write: (s: string) => { writes.push(s); return true; } } as unknown as NodeJS.WriteStream);
    p.update(1, 100);
    vi.advanceTimersByTime(400);
    p.update(2, 100);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(200);
    p.update(3, 100);
    p.update(4, 100);
    vi.advanceTimersByTime(150);
    p.update(9, 100);
    p.clear();
    expect(writes).toEqual(['\r\u001b[Kmilint: 3/100 files', '\r\u001b[Kmilint: 9/100 files', '\r\u001b[K']);
  });

  it('a run that never showed the line does not erase anything', () => {
    // The clock is stopped: on a real one, a pause of half a second before `update` would show the line.
    vi.useFakeTimers();
    const writes: string[] = [];
    const p = progressLine({ write: (s: string) => { writes.push(s); return true; } } as unknown as NodeJS.WriteStream);
    p.update(1, 2);
    p.clear();
    expect(writes).toEqual([]);
  });
});
