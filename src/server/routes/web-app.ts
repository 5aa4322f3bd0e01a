import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../core/errors.js';

/** Where `npm run build` puts the workspace (web/dist), from src/server/routes or dist/server/routes alike. */
export const WEB_DIST = resolve(fileURLToPath(new URL('../../../web/dist', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** True when the workspace has been built. */
export async function webAppBuilt(dir = WEB_DIST): Promise<boolean> {
  return stat(join(dir, 'index.html')).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function sendFile(reply: FastifyReply, file: string, immutable: boolean): Promise<FastifyReply> {
  const body = await readFile(file);
  return reply
    .code(200)
    .header('content-type', TYPES[extname(file)] ?? 'application/octet-stream')
    .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(body);
}

/** Serves the built workspace: `/` (index.html) and `/assets/*` (hashed, immutable). */
export function registerWebAppRoutes(app: FastifyInstance, dir = WEB_DIST): void {
  app.get('/', async (_request, reply) => sendFile(reply, join(dir, 'index.html'), false));
  app.get('/assets/*', async (request, reply) => {
    const rest = (request.params as { '*'?: string })['*'] ?? '';
    const assets = join(dir, 'assets');
    const file = normalize(join(assets, rest));
    if (!file.startsWith(assets + sep) || !TYPES[extname(file)]) {
      throw new AppError('VITALIS_NOT_FOUND', 'No such asset');
    }
    const found = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!found) {
      throw new AppError('VITALIS_NOT_FOUND', 'No such asset');
    }
    return sendFile(reply, file, true);
  });
}
