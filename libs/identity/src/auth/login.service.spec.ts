import { failureDelayMs } from './login.service';

describe('failureDelayMs', () => {
  it('grows with consecutive failures and is capped at two seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(failureDelayMs)).toEqual([
      0, 0, 250, 500, 1000, 2000, 2000, 2000,
    ]);
  });
});
