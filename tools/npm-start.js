// `npm start`: build when the sources changed since the last build (or on a fresh clone), then
// run the supervisor in this same process. One process, not `npm run build && node …`: npm
// forwards SIGTERM/SIGINT to its child only, and a shell between them would swallow it.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { isBuildCurrent } = require('./build-stamp');

const root = join(__dirname, '..');
if (!isBuildCurrent()) {
  console.log('[start] sources changed since the last build (or never built): npm run build');
  // npm sets npm_execpath for scripts; run the same npm that runs us.
  const npm = process.env.npm_execpath;
  const r = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build', '--silent'], {
        cwd: root,
        stdio: 'inherit',
      })
    : spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
require(join(root, 'dist', 'tools', 'start.js'));
