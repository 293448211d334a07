/**
 * The drift lab as a learner uses it: open a preset from the page's own list of links, stream
 * the days, and see the first alert on the day the simulation predicts; then open the lab's
 * shareable link in a fresh page and get the same alert on the same day. Also: a bad link
 * explains itself and the lab still runs with defaults.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
	baseUrl,
	labHydrated,
	openPage,
	openPresetFromList,
	registryEntry,
	runLabUntil,
	storeRegisteredRun,
	useBrowser,
	waitForLabStatus,
	writeLabStore,
} from './browser';
import { trainDefaultModel } from '../../simulations/serving/serving.model';
import {
	defaultTrainingParams,
	trainingDataVersion,
	trainingRecords,
	trainingReferenceOf,
} from '../../simulations/training/training.data';

const browser = useBrowser();

/** Streams at top speed until the run finishes and returns the first-alert sentence. */
async function runToEnd(page: Page, button = 'Stream days'): Promise<string> {
	await runLabUntil(page, { speed: '8', button, status: 'Finished' });
	return (await page.getByTestId('first-alert').textContent()) ?? '';
}

describe('drift lab', () => {
	test('a preset link injects drift, the alert comes on the expected day, and the shared link reproduces it', async () => {
		const { page, errors } = await openPage(browser());
		const notice = await openPresetFromList(page, 'drift', 'Detected but harmless');
		expect(page.url()).toMatch(/preset=harmless-shift/);
		expect(notice).toContain('Discounts jump on day 20');
		await expect(page.getByTestId('monitor-state').textContent()).resolves.toContain('Healthy');
		const first = await runToEnd(page);
		// The seeded run: discounts drift from day 20, three days in a row make an alert on day 22.
		expect(first).toContain('First alert on day 22: Discount');
		await expect(page.getByTestId('monitor-state').textContent()).resolves.toContain('Alerting');
		await page.getByRole('button', { name: 'Acknowledge alerts' }).click();
		await expect(page.getByTestId('monitor-state').textContent()).resolves.toContain(
			'Acknowledged',
		);
		const shared = page.url();
		expect(errors).toEqual([]);

		const again = await openPage(browser());
		await again.page.goto(shared);
		await labHydrated(again.page);
		expect(await runToEnd(again.page)).toBe(first);
		expect(again.errors).toEqual([]);
	});

	test('a run with drift injected mid-run is shared and replays to the same first alert', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/drift/?preset=harmless-shift`);
		await labHydrated(page);
		// Discounts drift from day 20 and alert on day 22; on day 24 a seats shift replaces them.
		for (let day = 1; day <= 23; day++) {
			await page.getByRole('button', { name: 'Step one day', exact: true }).click();
			await waitForLabStatus(page, `Paused after day ${day}`);
		}
		await page.locator('form.params').getByLabel(/^Kind/).selectOption('sudden');
		await page
			.locator('form.params')
			.getByLabel(/^Feature/)
			.selectOption('seats');
		await page.getByRole('button', { name: 'Inject this scenario' }).click();
		await page.waitForURL(/inject=24_sudden_seats_/);
		const first = await runToEnd(page, 'Resume');
		expect(first).toContain('First alert on day 22: Discount');
		const shared = page.url();
		// The link keeps the run's start (the discount shift) beside the injection.
		expect(shared).toContain('scenario=sudden');
		expect(shared).toContain('feature=discountPercent');
		expect(errors).toEqual([]);

		const again = await openPage(browser());
		await again.page.goto(shared);
		await labHydrated(again.page);
		expect(await runToEnd(again.page)).toBe(first);
		const chart = (await again.page.locator('.lab').textContent()) ?? '';
		expect(chart).not.toContain('is not a valid');
		expect(again.errors).toEqual([]);
	});

	test('the statechart lights the state the lab moves to', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/drift/`);
		await labHydrated(page);
		const diagram = page.getByTestId('statechart-diagram');
		await expect(diagram.isVisible()).resolves.toBe(true);
		const activeStates = () =>
			diagram.locator('[data-state].active').evaluateAll((gs) => gs.map((g) => g.dataset.state));
		await expect(activeStates()).resolves.toEqual(['idle']);
		await page.getByRole('button', { name: 'Step one day' }).click();
		await expect.poll(activeStates).toEqual(['running', 'running.paused']);
		await expect(
			diagram.locator('[data-edge="idle->running.paused"]').getAttribute('class'),
		).resolves.toContain('taken');
		expect(errors).toEqual([]);
		await page.context().close();
	});

	test('a bad link explains itself and the lab still runs with defaults', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/drift/?window=0&scenario=tsunami&days=3`);
		await labHydrated(page);
		const text = (await page.locator('.lab').textContent()) ?? '';
		expect(text).toContain('Window (days) 0 is outside 1–20');
		expect(text).toContain('Scenario “tsunami” is not one of');
		await page.getByRole('button', { name: 'Step one day', exact: true }).click();
		await waitForLabStatus(page, 'Paused after day 1');
		// The day charts load with the first day: wait for them rather than read the page at once.
		await expect.poll(() => page.getByTestId('feature-table').isVisible()).toBe(true);
		expect(errors).toEqual([]);
	});

	test('a week of persistent drift is one alert with its history, acknowledged from its row', async () => {
		const { page, errors } = await openPage(browser());
		// Discounts drift from day 20 and alert from day 22: days 22–29 are eight days of one alert.
		await page.goto(`${baseUrl()}/labs/drift/?preset=harmless-shift&days=29`);
		await labHydrated(page);
		await runToEnd(page);
		const groups = page.getByTestId('alert-group');
		await expect(groups.count()).resolves.toBe(1);
		const alert = groups.first();
		await expect(alert.textContent()).resolves.toContain('Persistent drift: Discount');
		await expect(alert.textContent()).resolves.toContain(
			'Opened day 22, firing 8 days; 1 notification.',
		);
		await expect(alert.getByTestId('alert-status').textContent()).resolves.toBe('Firing');
		await expect(page.locator('.lab .status').textContent()).resolves.toContain(
			'1 alert (1 firing)',
		);
		await alert.getByRole('button', { name: 'Acknowledge Persistent drift: Discount' }).click();
		await expect(alert.getByTestId('alert-status').textContent()).resolves.toBe('Acknowledged');
		await expect(page.getByTestId('monitor-state').textContent()).resolves.toContain(
			'Acknowledged',
		);
		await alert.getByText('History').click();
		const history = (await alert.locator('ol').textContent()) ?? '';
		expect(history).toContain('Day 22: notified (first notification)');
		expect(history).toContain('Day 29: acknowledged');
		expect(errors).toEqual([]);
	});

	test('a threshold changed mid-run applies from the next day and the link records the day', async () => {
		const { page, errors } = await openPage(browser());
		await page.goto(`${baseUrl()}/labs/drift/?days=5`);
		await labHydrated(page);
		for (let day = 1; day <= 3; day++) {
			await page.getByRole('button', { name: 'Step one day', exact: true }).click();
			await waitForLabStatus(page, `Paused after day ${day}`);
		}
		const field = page.locator('form.params').getByLabel(/^Accuracy threshold/);
		await field.fill('0.9');
		await field.press('Tab');
		await page.waitForURL(/thresholds=4_0\.9/);
		// Nothing was reset: the three days are still there.
		await expect(page.locator('.lab .status').textContent()).resolves.toContain(
			'Paused after day 3',
		);
		await expect(page.locator('form.params').textContent()).resolves.toContain(
			'applies to the running monitor from day 4',
		);
		expect(page.url()).not.toContain('accuracy=0.9');
		expect(errors).toEqual([]);
	});

	test('damaged production weights are named, the default model serves, and deleted ones are told apart', async () => {
		const { page, errors } = await openPage(browser());
		// Store a production version with corrupt weights from a page without the lab island.
		await page.goto(`${baseUrl()}/`);
		const version = registryEntry(2, 'run-e2e-1', 'production');
		const corrupt = { format: 'churn-model/1', kind: 'mlp', layers: [{ weights: [1] }] };
		const store = (action: 'corrupt' | 'delete') =>
			writeLabStore(page, [
				{ store: 'registry', key: 'v2', value: version },
				{ store: 'artifacts', key: 'run-e2e-1', value: action === 'corrupt' ? corrupt : undefined },
			]);
		await store('corrupt');
		await page.goto(`${baseUrl()}/labs/drift/`);
		await labHydrated(page);
		const monitor = page.locator('section.monitor');
		await page.waitForFunction(
			() => document.querySelector('section.monitor')?.textContent?.includes('Version 2') ?? false,
		);
		const damaged = (await monitor.textContent()) ?? '';
		expect(damaged).toContain(
			'Version 2 is in production in the training lab, but its stored weights are damaged',
		);
		expect(damaged).toContain('serves its default model');
		expect(damaged).toContain('Serving the default model');
		// Healthy is never said beside the damaged model's name as the one being served.
		expect(damaged).not.toContain('production model (version 2)');
		await page.getByRole('button', { name: 'Step one day', exact: true }).click();
		await waitForLabStatus(page, 'Paused after day 1');
		const text = (await page.locator('.lab').textContent()) ?? '';
		expect(text).not.toContain('Cannot read properties');
		expect(text).not.toContain('production model (version 2)');

		await store('delete');
		await page.reload();
		await labHydrated(page);
		await page.waitForFunction(
			() => document.querySelector('section.monitor')?.textContent?.includes('Version 2') ?? false,
		);
		const deleted = (await monitor.textContent()) ?? '';
		expect(deleted).toContain('its stored weights have been deleted');
		expect(deleted).not.toContain('No model is in production');
		expect(errors).toEqual([]);
	});

	test('a production model is monitored against the data it was trained on, named in the view', async () => {
		const { page, errors } = await openPage(browser());
		const params = { ...defaultTrainingParams, seed: 11, datasetSize: 1000 };
		const dataVersion = trainingDataVersion(params);
		const reference = trainingReferenceOf(
			{ version: 1, runId: 'run-e2e-ref' },
			{ dataVersion, params },
		);
		// Any sound artifact fitted on those rows stands in for the training lab's model.
		const artifact = trainDefaultModel(trainingRecords(reference), 11);
		await page.goto(`${baseUrl()}/`);
		await storeRegisteredRun(page, {
			runId: 'run-e2e-ref',
			params,
			dataVersion,
			final: null,
			artifact,
			version: 1,
			stage: 'production',
		});
		await page.goto(`${baseUrl()}/labs/drift/`);
		await labHydrated(page);
		const expected = `Reference: the data version 1 was trained on — the training split (600 rows) of run run-e2e-ref, data version ${dataVersion}, seed 11, simulated day 0.`;
		await page.waitForFunction(
			(text) =>
				document.querySelector('[data-testid=reference-text]')?.textContent?.includes(text) ??
				false,
			expected,
		);
		await page.getByRole('button', { name: 'Step one day', exact: true }).click();
		await waitForLabStatus(page, 'Paused after day 1');
		// After a day, the stream itself reports the reference it compared with.
		await expect(page.getByTestId('reference-text').textContent()).resolves.toContain(expected);
		await expect(page.locator('section.monitor').textContent()).resolves.toContain(
			'production model (version 1)',
		);
		expect(errors).toEqual([]);
	});
});
