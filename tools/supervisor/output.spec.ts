import { wantsPretty } from './output';

describe('wantsPretty', () => {
  it('follows the terminal unless LOG_FORMAT says otherwise', () => {
    expect(wantsPretty({}, true)).toBe(true);
    expect(wantsPretty({}, false)).toBe(false);
    expect(wantsPretty({ LOG_FORMAT: 'json' }, true)).toBe(false);
    expect(wantsPretty({ LOG_FORMAT: 'pretty' }, false)).toBe(true);
  });
});
