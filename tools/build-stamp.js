// A hash of everything the build reads, kept in dist/ after a build, so `npm start` rebuilds
// only when sources changed. Plain CommonJS: it runs before dist/ exists.
// `node tools/build-stamp.js write` (the last step of `npm run build`) writes the stamp.
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const STAMP = join(ROOT, 'dist', '.build-stamp');
const SOURCES = ['apps', 'libs', 'tools'];
const FILES = ['package.json', 'package-lock.json', 'nest-cli.json'];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(path);
      return e.isFile() ? [path] : [];
    });
}

/** Content hash (not mtimes: a checkout or a copy touches every mtime). */
function sourceHash(root = ROOT) {
  const hash = createHash('sha256');
  const tsconfigs = readdirSync(root)
    .filter((f) => /^tsconfig.*\.json$/.test(f))
    .sort();
  const all = [
    ...SOURCES.filter((d) => existsSync(join(root, d))).flatMap((d) => files(join(root, d))),
    ...[...FILES, ...tsconfigs].map((f) => join(root, f)).filter((f) => existsSync(f)),
  ];
  for (const f of all) hash.update(relative(root, f)).update('\0').update(readFileSync(f));
  return hash.digest('hex');
}

/** True when dist/ was built from exactly the current sources. */
function isBuildCurrent() {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === sourceHash();
}

if (require.main === module && process.argv[2] === 'write') {
  writeFileSync(STAMP, `${sourceHash()}\n`);
}

module.exports = { isBuildCurrent, sourceHash };
