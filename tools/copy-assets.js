// Copies non-TypeScript assets (the citizen web form) next to the compiled API.
const { cpSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const src = join(root, 'apps', 'api', 'public');
if (existsSync(src)) cpSync(src, join(root, 'dist', 'apps', 'api', 'public'), { recursive: true });
