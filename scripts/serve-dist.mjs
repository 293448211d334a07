/**
 * A small static server for the built site (dist/). The end-to-end tests and benchmarks use it
 * instead of `astro preview` so they control the port, can start and stop it in-process, and
 * can serve gzip like a real static host (so measured transfer sizes are realistic). Like such a
 * host, it compresses a file once, not on every request: compressing on the fly put up to 200 ms
 * of the server's own CPU (the offline precache fetches 6.7 MB) beside the page being measured,
 * on the same two cores, and stretched the benchmarks' long tasks.
 */
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
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

/**
 * Starts serving `dir`; resolves to `{ url, close }`. Port 0 picks a free port. `precompress`
 * gzips every compressible file before serving, as a host that stores compressed copies would:
 * the benchmarks ask for it, so no compression runs while they measure.
 */
export async function serveDist({
	dir = 'dist',
	port = 0,
	host = '127.0.0.1',
	precompress = false,
} = {}) {
	const root = resolve(dir);
	/** Gzipped bodies by file, kept while the file's size and modification time stay the same. */
	const gzipped = new Map();
	const compress = async (file, body) => {
		const { mtimeMs, size } = await stat(file);
		const key = `${mtimeMs}:${size}`;
		const cached = gzipped.get(file);
		if (cached?.key === key) return cached.body;
		const compressed = gzipSync(body);
		gzipped.set(file, { key, body: compressed });
		return compressed;
	};
	if (precompress) {
		const entries = await readdir(root, { recursive: true, withFileTypes: true });
		for (const entry of entries) {
			if (!entry.isFile() || !compressible.has(extname(entry.name))) continue;
			const file = join(entry.parentPath, entry.name);
			await compress(file, await readFile(file));
		}
	}
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
			body = await compress(file, body);
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
