/**
 * A small static server for the built site (dist/). The end-to-end tests and benchmarks use it
 * instead of `astro preview` so they control the port, can start and stop it in-process, and
 * can serve gzip like a real static host (so measured transfer sizes are realistic).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.xml': 'application/xml; charset=utf-8',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2',
};
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);

async function resolveFile(root, urlPath) {
	const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
	let file = join(root, clean);
	if (!file.startsWith(root)) return undefined;
	try {
		const info = await stat(file);
		if (info.isDirectory()) file = join(file, 'index.html');
		await stat(file);
		return file;
	} catch {
		return undefined;
	}
}

/** Starts serving `dir`; resolves to `{ url, close }`. Port 0 picks a free port. */
export async function serveDist({ dir = 'dist', port = 0, host = '127.0.0.1' } = {}) {
	const root = resolve(dir);
	const server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		let file = await resolveFile(root, url.pathname);
		let status = 200;
		if (!file && !url.pathname.endsWith('/') && !extname(url.pathname)) {
			response.writeHead(301, { location: `${url.pathname}/${url.search}` });
			response.end();
			return;
		}
		if (!file) {
			file = join(root, '404.html');
			status = 404;
		}
		let body;
		try {
			body = await readFile(file);
		} catch {
			response.writeHead(404).end('Not found');
			return;
		}
		const ext = extname(file);
		const headers = {
			'content-type': types[ext] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
		};
		if (compressible.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
			body = gzipSync(body);
			headers['content-encoding'] = 'gzip';
		}
		headers['content-length'] = String(body.length);
		response.writeHead(status, headers);
		response.end(request.method === 'HEAD' ? undefined : body);
	});
	await new Promise((done) => server.listen(port, host, done));
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	return {
		url: `http://${host}:${actualPort}`,
		close: () => new Promise((done) => server.close(() => done(undefined))),
	};
}

// Run directly: `node scripts/serve-dist.mjs [port]`.
if (import.meta.url === `file://${process.argv[1]}`) {
	const { url } = await serveDist({ port: Number(process.argv[2] ?? 4321) });
	console.log(`Serving dist/ at ${url}/`);
}
