import { prettyFactory } from 'pino-pretty';

type Level = 'info' | 'warn' | 'error';
const PINO_LEVEL: Record<Level, number> = { info: 30, warn: 40, error: 50 };

/**
 * Nest's boot chatter (one line per module and per route, ~110 at start): useful in a log
 * store, noise on a terminal where it buries the banner. Hidden in pretty mode at info level.
 */
const BOOT_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/**
 * The apps' own console lines that the banner replaces. The API prints the first admin's line
 * itself when run alone; under npm start the banner carries the admin's email and password.
 */
const REPLACED_BY_BANNER = /^First admin created:/;

/** Pretty on a terminal (or LOG_FORMAT=pretty), JSON lines otherwise (or LOG_FORMAT=json). */
export function wantsPretty(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (env.LOG_FORMAT === 'pretty') return true;
  if (env.LOG_FORMAT === 'json') return false;
  return isTty;
}

/** Everything npm start writes: the apps' lines, its own log lines and the banner. */
export class Output {
  private readonly pretty?: (line: string | object) => string;

  constructor(pretty: boolean) {
    if (pretty) {
      this.pretty = prettyFactory({
        colorize: true,
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,context,app',
        messageFormat: '{if app}{app} {end}{if context}[{context}] {end}{msg}',
      });
    }
  }

  /** A line an app wrote. JSON (its pino log) is prettified or passed on as it is. */
  childLine(app: string, stream: 'stdout' | 'stderr', text: string): void {
    const out = stream === 'stderr' ? process.stderr : process.stdout;
    if (REPLACED_BY_BANNER.test(text)) return;
    const entry = parseLogLine(text);
    if (!this.pretty) {
      out.write(`${text}\n`);
      return;
    }
    if (!entry) {
      out.write(`${app.padEnd(6)} ${text}\n`);
      return;
    }
    if (entry.level <= 30 && BOOT_CONTEXTS.has(String(entry.context))) return;
    out.write(this.pretty({ ...entry, app: app.padEnd(6) }));
  }

  /** npm start's own line, in the same format as the apps'. */
  log(level: Level, msg: string): void {
    const entry = {
      level: PINO_LEVEL[level],
      time: Date.now(),
      pid: process.pid,
      app: 'start',
      msg,
    };
    // stdout like the apps' pino logs, so one stream holds the whole log in order.
    process.stdout.write(
      this.pretty ? this.pretty({ ...entry, app: 'start ' }) : `${JSON.stringify(entry)}\n`,
    );
  }

  /** Plain text in both modes: it is for the person who ran npm start. */
  banner(lines: string[]): void {
    const width = Math.max(...lines.map((l) => l.length));
    const rule = '─'.repeat(width + 2);
    process.stdout.write(
      `\n┌${rule}┐\n${lines.map((l) => `│ ${l.padEnd(width)} │`).join('\n')}\n└${rule}┘\n`,
    );
  }
}

function parseLogLine(text: string): ({ level: number } & Record<string, unknown>) | null {
  if (!text.startsWith('{')) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && typeof (v as { level?: unknown }).level === 'number'
      ? (v as { level: number } & Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
