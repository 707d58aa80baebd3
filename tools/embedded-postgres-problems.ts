/**
 * Turns what embedded PostgreSQL printed (or the spawn error) into one sentence that says what
 * to do. A new user meets these on the first `npm start`; a stack trace helps nobody there.
 */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export interface ProblemContext {
  dir: string;
  port: number;
  portFile: string;
  /** True when npm start runs as root, so PostgreSQL runs as the `postgres` user. */
  asPostgresUser: boolean;
}

const OWN_DATABASE = 'or set DATABASE_URL to a PostgreSQL of your own';

export function unreadableAsPostgres(path: string): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    `Embedded PostgreSQL runs as the "postgres" user when npm start runs as root, and that user ` +
      `cannot read ${path}: move the project under a directory others can read (e.g. /srv or ` +
      `/opt, or \`chmod o+x\` each parent directory), run npm start as a non-root user, ` +
      `${OWN_DATABASE}.`,
  );
}

export function portInUse(ctx: ProblemContext): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    `Port ${ctx.port} of the embedded PostgreSQL (kept in ${ctx.portFile}) is in use by another ` +
      `program: stop that program, or delete ${ctx.portFile} so npm start picks a free port.`,
  );
}

export function otherVersion(ctx: ProblemContext, found: string, ours: number) {
  return new EmbeddedPostgresError(
    `${ctx.dir} holds data of PostgreSQL ${found} but the embedded PostgreSQL is ${ours}: move ` +
      `that directory away (or set EMBEDDED_PG_DIR to a new one) to start with an empty ` +
      `database, ${OWN_DATABASE}.`,
  );
}

/** The one sentence for a failed initdb/postgres, from its output or its spawn error. */
export function explainFailure(
  ctx: ProblemContext,
  output: string,
  err?: NodeJS.ErrnoException,
): EmbeddedPostgresError {
  const text = `${err?.code ?? ''} ${err?.message ?? ''}\n${output}`;
  if (/EACCES|Permission denied/i.test(text)) {
    if (ctx.asPostgresUser) return unreadableAsPostgres(err?.path ?? ctx.dir);
    return new EmbeddedPostgresError(
      `Embedded PostgreSQL cannot read or write ${err?.path ?? ctx.dir}: check its owner and ` +
        `permissions (\`ls -ld\`), ${OWN_DATABASE}.`,
    );
  }
  if (/ENOSPC|No space left on device/i.test(text)) {
    return new EmbeddedPostgresError(
      `The disk holding ${ctx.dir} is full: free some space (\`df -h ${ctx.dir}\`) and run ` +
        `npm start again.`,
    );
  }
  if (/Address already in use|could not bind/i.test(text)) return portInUse(ctx);
  const version = /initialized by PostgreSQL version (\d+)[^\n]*version (\d+)/i.exec(text);
  if (version) return otherVersion(ctx, version[1], Number(version[2]));
  if (/lock file "postmaster\.pid" already exists/i.test(text)) {
    return new EmbeddedPostgresError(
      `Another PostgreSQL is already running on ${ctx.dir}: stop it (its pid is the first line ` +
        `of ${ctx.dir}/postmaster.pid) and run npm start again.`,
    );
  }
  if (/exists but is not empty/i.test(text)) {
    return new EmbeddedPostgresError(
      `${ctx.dir} is not empty but holds no PostgreSQL data: move it away (or set ` +
        `EMBEDDED_PG_DIR to a new directory) and run npm start again.`,
    );
  }
  const detail = lastMeaningfulLine(text) ?? 'no output';
  return new EmbeddedPostgresError(
    `Embedded PostgreSQL in ${ctx.dir} failed to start (${detail}): fix that, ${OWN_DATABASE}.`,
  );
}

function lastMeaningfulLine(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.filter((l) => /FATAL|PANIC|ERROR|error/.test(l)).pop() ?? lines.pop();
}
