import { explainFailure, ProblemContext } from './embedded-postgres-problems';

const ctx: ProblemContext = {
  dir: '/srv/app/.data/postgres',
  port: 25500,
  portFile: '/srv/app/.data/postgres/fraud-port',
  asPostgresUser: true,
};

/** One sentence: no line breaks, no stack, ends with a full stop. */
function expectOneSentence(message: string) {
  expect(message).not.toMatch(/\n|\s+at /);
  expect(message).toMatch(/\.$/);
}

describe('explainFailure: embedded PostgreSQL failures as one sentence with the fix', () => {
  it('a spawn EACCES as root names the path and says how to fix it', () => {
    const err = Object.assign(new Error('spawn /root/app/node_modules/x/postgres EACCES'), {
      code: 'EACCES',
      path: '/root/app/node_modules/x/postgres',
    });
    const { message } = explainFailure(ctx, '', err);
    expect(message).toMatch(/runs as the "postgres" user .*cannot read \/root\/app\/node_modules/);
    expect(message).toMatch(/non-root user, or set DATABASE_URL/);
    expectOneSentence(message);
  });

  it('a permission problem without root points at the directory', () => {
    const out = 'initdb: error: could not change permissions of directory "x": Permission denied';
    const { message } = explainFailure({ ...ctx, asPostgresUser: false }, out);
    expect(message).toMatch(/cannot read or write \/srv\/app\/\.data\/postgres/);
    expectOneSentence(message);
  });

  it('a full disk', () => {
    const out = 'FATAL:  could not write to file "pg_wal/xlogtemp.1": No space left on device';
    const { message } = explainFailure(ctx, out);
    expect(message).toMatch(/disk holding \/srv\/app\/\.data\/postgres is full: free some space/);
    expectOneSentence(message);
  });

  it('a port taken by another program names the port file', () => {
    const out = 'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use';
    const { message } = explainFailure(ctx, out);
    expect(message).toMatch(/Port 25500 .* in use by another program: .*delete .*fraud-port/);
    expectOneSentence(message);
  });

  it('a data directory of another PostgreSQL version', () => {
    const out =
      'FATAL:  database files are incompatible with server\nDETAIL:  The data directory was ' +
      'initialized by PostgreSQL version 16, which is not compatible with this version 18.0.';
    const { message } = explainFailure(ctx, out);
    expect(message).toMatch(/holds data of PostgreSQL 16 but the embedded PostgreSQL is 18/);
    expectOneSentence(message);
  });

  it('anything else: the last FATAL line, still one sentence', () => {
    const out = 'LOG:  starting\nFATAL:  something odd\nLOG:  shutting down';
    const { message } = explainFailure(ctx, out);
    expect(message).toMatch(/failed to start \(FATAL: {2}something odd\)/);
    expectOneSentence(message);
  });
});
