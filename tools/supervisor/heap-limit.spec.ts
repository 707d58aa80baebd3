import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_HEAP_LIMIT_MB, withHeapLimit } from './heap-limit';

describe('withHeapLimit', () => {
  it('adds the heap limit to NODE_OPTIONS, keeping what is there', () => {
    expect(withHeapLimit({ A: '1' })).toEqual({
      A: '1',
      NODE_OPTIONS: `--max-old-space-size=${APP_HEAP_LIMIT_MB}`,
    });
    expect(withHeapLimit({ NODE_OPTIONS: ' --enable-source-maps ' }).NODE_OPTIONS).toBe(
      `--enable-source-maps --max-old-space-size=${APP_HEAP_LIMIT_MB}`,
    );
  });

  it("leaves an operator's own limit alone", () => {
    const env = { NODE_OPTIONS: '--max-old-space-size=2048' };
    expect(withHeapLimit(env)).toBe(env);
    expect(withHeapLimit({ NODE_OPTIONS: '--max-old-space-size 300' }).NODE_OPTIONS).toBe(
      '--max-old-space-size 300',
    );
  });

  it('is the limit the Docker image sets', () => {
    const dockerfile = readFileSync(join(__dirname, '..', '..', 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`ENV NODE_OPTIONS=--max-old-space-size=${APP_HEAP_LIMIT_MB}\n`);
  });
});
