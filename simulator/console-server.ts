import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatorContext } from './context.ts';
import { sendJson, sendText } from './http-util.ts';

// Static files of the console stand-in, plus the two discovery files the real console fetches
// first: constants.json (where the Management API is) and build.json (the APIM version).

const STATIC_FILES: Record<string, { file: string; contentType: string }> = {
  '/': { file: 'index.html', contentType: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', contentType: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', contentType: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', contentType: 'text/css; charset=utf-8' },
};

const CONSOLE_DIRECTORY = new URL('./console/', import.meta.url);

export async function handleConsoleRequest(sim: SimulatorContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const requested = new URL(request.url ?? '/', sim.consoleOrigin);
  // On the API's origin the stand-in lives under /console/; its files are looked up without that prefix.
  const base = sim.consoleBasePath.replace(/\/$/, '');
  const url = new URL(requested.pathname.slice(base.length) || '/', sim.consoleOrigin);
  response.setHeader('Cache-Control', 'no-store');
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method Not Allowed');

  if (url.pathname === '/constants.json') {
    const baseURL = sim.consoleBaseUrlRelative ? '/management' : `${sim.apiOrigin}/management`;
    return sendJson(response, 200, { baseURL, defaultPortal: 'next' });
  }
  if (url.pathname === '/build.json') return sendJson(response, 200, { version: sim.profile.version });

  // Browsers request a favicon on every load. A 204 keeps their console free of 404 errors.
  if (url.pathname === '/favicon.ico') {
    response.statusCode = 204;
    return void response.end();
  }

  const entry = STATIC_FILES[url.pathname];
  if (!entry) return sendText(response, 404, 'Not Found');
  const content = await readFile(new URL(entry.file, CONSOLE_DIRECTORY), 'utf8');
  sendText(response, 200, content, entry.contentType);
}
