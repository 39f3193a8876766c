/**
 * The portals (src/portal, built by `npm run build:portal` into dist/portal) served by the API's
 * own server: every GET outside /api is a file of the build or, for any other path, the app's
 * index.html (the app's router shows the page). Its own strict CSP: scripts, styles, images and
 * requests only from this server, nothing inline, no frames. Without a build, `/` says how to make
 * one. Unknown paths under /api stay a problem+json 404.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where `npm run build:portal` writes the portal. */
export const DEFAULT_PORTAL_DIR = resolve(import.meta.dirname, '../../dist/portal');

/** The portal's CSP: nothing inline (no script, no style attribute or element), nothing from elsewhere. */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>PGB-platform: portaal niet gebouwd</title></head>
<body><h1>Het portaal is nog niet gebouwd</h1>
<p>Bouw het met <code>npm run build:portal</code> (of start alles met <code>npm start</code>) en laad deze pagina opnieuw.</p>
<p>De API werkt wel: zie <a href="/api/docs">/api/docs</a>.</p></body></html>
`;

export async function registerPortal(app: FastifyInstance, dir: string, notFound: (reply: FastifyReply, path: string) => FastifyReply): Promise<void> {
  const root = resolve(dir);
  await app.register(fastifyStatic, { root, serve: false, decorateReply: true, index: false, dotfiles: 'deny' });

  app.get('/*', { schema: { hide: true }, config: { access: 'public' } as never }, async (req, reply) => {
    const path = decodeURIComponent(req.url.split('?')[0]!);
    if (path === '/api' || path.startsWith('/api/')) return notFound(reply, path);
    reply.header('content-security-policy', PORTAL_CSP);
    const built = existsSync(join(root, 'index.html'));
    if (!built) return reply.code(path === '/' ? 200 : 404).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(NOT_BUILT);
    const file = resolve(root, `.${path}`);
    const inside = file.startsWith(root + sep);
    if (inside && path !== '/' && existsSync(file) && statSync(file).isFile()) {
      // the build names its assets by content hash: keep them; anything else is checked each time
      reply.header('cache-control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(file.slice(root.length + 1), root, { cacheControl: false });
    }
    // a file-like path that is not there is a 404; any other path is a page of the app
    if (/\.[a-z0-9]{1,8}$/i.test(path)) return reply.code(404).type('text/plain; charset=utf-8').send('niet gevonden');
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', root, { cacheControl: false });
  });
}
