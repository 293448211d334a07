/**
 * Runs a bundled script as a Web Worker in a browser page, for the benchmarks that measure code
 * where the labs run it: in a worker, in Chromium. The script travels as text and becomes a blob
 * URL, so the page at `url` only has to give the worker an origin. The worker is sent `message`;
 * its first reply is the result (the worker is ended then), or `{ error }` if it fails to run.
 */

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url a page of the served site
 * @param {string} code the worker's script
 * @param {unknown} message what the worker is sent to start
 * @returns {Promise<any>}
 */
export async function runInPageWorker(browser, url, code, message) {
	const page = await browser.newPage();
	await page.goto(url);
	const reply = await page.evaluate(
		({ code, message }) =>
			new Promise((resolve) => {
				const worker = new Worker(
					URL.createObjectURL(new Blob([code], { type: 'text/javascript' })),
				);
				worker.onmessage = (event) => {
					worker.terminate();
					resolve(event.data);
				};
				worker.onerror = (event) => resolve({ error: event.message });
				worker.postMessage(message);
			}),
		{ code, message },
	);
	await page.close();
	return reply;
}
