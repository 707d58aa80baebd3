/**
 * The V8 heap limit the API and the worker run with. Left to itself, Node sizes the old
 * generation from the machine's memory (about 4 GB here) and, with that much room, lets
 * garbage pile up between major collections: under intake load the API's heap in use went
 * from 60 to 176 MB and its RSS past 280 MB, while a forced collection took it back to about
 * 50 MB (no leak). With a 512 MB limit, V8 collects earlier and the RSS stays near 180 MB
 * (BENCHMARKS.md, memory). The Dockerfile sets the same flag in NODE_OPTIONS.
 */
export const APP_HEAP_LIMIT_MB = 512;

const HEAP_FLAG = /--max-old-space-size(=|\s|$)/;

/**
 * `env` with `--max-old-space-size=APP_HEAP_LIMIT_MB` added to NODE_OPTIONS, unless NODE_OPTIONS
 * already sets a limit (an operator's choice wins).
 */
export function withHeapLimit<T extends NodeJS.ProcessEnv | Record<string, string>>(env: T): T {
  const current = env.NODE_OPTIONS ?? '';
  if (HEAP_FLAG.test(current)) return env;
  const flag = `--max-old-space-size=${APP_HEAP_LIMIT_MB}`;
  return { ...env, NODE_OPTIONS: current.trim() === '' ? flag : `${current.trim()} ${flag}` };
}
