import { RESTART_CAP_MS, restartDelay } from './supervised-child';

describe('restartDelay', () => {
  it('doubles from 1 s and stops at the cap', () => {
    expect([0, 1, 2, 3, 4].map(restartDelay)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(restartDelay(5)).toBe(RESTART_CAP_MS);
    expect(restartDelay(50)).toBe(RESTART_CAP_MS);
  });
});
