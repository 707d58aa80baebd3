import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { problem, PROBLEM_CONTENT_TYPE } from '@app/common';

export const CONSOLE_PATH = '/console';

/**
 * The staff console's Content-Security-Policy (docs/access.md, "The console at /console/"): the
 * built SPA loads only its own scripts, styles, fonts and images and talks only to this origin;
 * no inline script or style, no eval, no plugins, no framing, no <base> rewriting.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Vite's output folder of content-hashed files: a new build means new names. */
const HASHED_DIR = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built console (`CONSOLE_DIR`, default `dist/console`) at `/console/`: files as they
 * are (those under `assets/` cached for a year, `immutable`; the rest `no-cache`), client routes
 * (a path without a file extension) answered with `index.html`, `/console` redirected to
 * `/console/`, and a 503 problem while the console has not been built. Every answer carries
 * the console's own CSP in place of the citizen pages' one; the other helmet headers stay.
 */
export function consoleStatic(consoleDir: string): RequestHandler {
  const files = express.static(consoleDir, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      const relative = path.slice(consoleDir.length).replaceAll('\\', '/');
      res.setHeader('Cache-Control', relative.startsWith(HASHED_DIR) ? IMMUTABLE : 'no-cache');
    },
  });
  const indexFile = join(consoleDir, 'index.html');

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    if (req.originalUrl === CONSOLE_PATH || req.originalUrl.startsWith(`${CONSOLE_PATH}?`)) {
      const query = req.originalUrl.slice(CONSOLE_PATH.length);
      return res.redirect(301, `${CONSOLE_PATH}/${query}`);
    }
    if (!existsSync(indexFile)) return notBuilt(res);
    files(req, res, (err?: unknown) => {
      if (err) return next(err);
      // A missing file with an extension (a stale asset) is a 404, never the HTML shell.
      if (/\.[A-Za-z0-9]+$/.test(req.path) && req.path !== '/index.html') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexFile, { dotfiles: 'deny' }, (sendErr?: Error) => {
        if (sendErr && !res.headersSent) notBuilt(res);
      });
    });
  };
}

function notBuilt(res: Response): void {
  res
    .status(503)
    .setHeader('Cache-Control', 'no-store')
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify(
        problem(
          503,
          'console-not-built',
          'The staff console is not built on this server: build apps/console into CONSOLE_DIR',
        ),
      ),
    );
}
