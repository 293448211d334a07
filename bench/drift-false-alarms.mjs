/**
 * False alarms under no drift (issue 14). Figures, not pass/fail.
 *
 * A seeded year with no scenario, one-day windows of 500 rows against the 5,000-row reference,
 * every one of the 11 features tested each day with a p-value test at 0.05 (the lab's `ks` alert
 * family: KS for the 7 numerical features, chi-square for the 4 categorical ones — the three
 * categories and the discount, which Evidently's inference calls categorical). A day is a false
 * alarm when any feature is flagged — uncorrected, after Bonferroni, after Benjamini–Hochberg —
 * or, under Evidently's dataset rule, when at least half the features are flagged. The same year
 * with the lab's default tests (normed Wasserstein and Jensen–Shannon at 0.1: no p-values, so no
 * correction) is shown beside it. Several seeds, so the rates carry their spread.
 *
 * Usage: node bench/drift-false-alarms.mjs [days=365] [seeds=42,7,2026]
 */
import { importTs } from '../scripts/import-ts.mjs';

const days = Number(process.argv[2] ?? 365);
const seeds = (process.argv[3] ?? '42,7,2026').split(',').map(Number);

const { runDriftStream, defaultStreamConfig, correctFeatureDrift } = await importTs({
	exports: {
		'simulations/monitoring/stream.model': ['runDriftStream', 'defaultStreamConfig'],
		'simulations/stats/multiple-testing.stats': ['correctFeatureDrift'],
	},
});

const percent = (k, n) => `${((100 * k) / n).toFixed(1)} %`;
const rules = ['none', 'bonferroni', 'benjamini-hochberg', 'share ≥ 0.5'];
const totals = Object.fromEntries(rules.map((rule) => [rule, 0]));
const defaultTotals = { anyFeature: 0, share: 0 };
let featureFlags = 0;
let featureTests = 0;
let dayCount = 0;

console.log(`No-drift false alarms: ${days} days × ${seeds.length} seeds, 11 features at 0.05`);
console.log('seed  ' + rules.map((r) => r.padEnd(20)).join('') + 'default tests (any / share)');
for (const seed of seeds) {
	const base = { ...defaultStreamConfig, seed, windowDays: 1 };
	const year = runDriftStream({ ...base, alertTest: 'ks' }, days);
	const counts = Object.fromEntries(rules.map((rule) => [rule, 0]));
	for (const day of year) {
		const features = day.features.map((f) => ({ name: f.feature, result: f.primary }));
		if (correctFeatureDrift(features, 'none').driftedCount > 0) counts.none++;
		if (day.datasetDrifted) counts['share ≥ 0.5']++;
		featureFlags += features.filter((f) => f.result.drifted).length;
		featureTests += features.length;
	}
	// The corrected rates as the lab computes them: the stream's own pValueCorrection setting.
	for (const rule of ['bonferroni', 'benjamini-hochberg']) {
		const corrected = runDriftStream({ ...base, alertTest: 'ks', pValueCorrection: rule }, days);
		counts[rule] = corrected.filter((d) => d.features.some((f) => f.primary.drifted)).length;
	}
	const defaults = runDriftStream({ ...base, alertTest: 'default' }, days);
	const anyFeature = defaults.filter((d) => d.features.some((f) => f.primary.drifted)).length;
	const share = defaults.filter((d) => d.datasetDrifted).length;
	defaultTotals.anyFeature += anyFeature;
	defaultTotals.share += share;
	for (const rule of rules) totals[rule] += counts[rule];
	dayCount += year.length;
	console.log(
		String(seed).padEnd(6) +
			rules.map((rule) => percent(counts[rule], year.length).padEnd(20)).join('') +
			`${percent(anyFeature, defaults.length)} / ${percent(share, defaults.length)}`,
	);
}
console.log(
	'all   ' +
		rules.map((rule) => percent(totals[rule], dayCount).padEnd(20)).join('') +
		`${percent(defaultTotals.anyFeature, dayCount)} / ${percent(defaultTotals.share, dayCount)}`,
);
console.log(`per-feature flag rate (uncorrected): ${percent(featureFlags, featureTests)}`);
console.log(
	`for comparison, independent tests exactly at 0.05: any of 11 ${percent(1 - 0.95 ** 11, 1)}, ` +
		`Bonferroni at most ${percent(0.05, 1)}`,
);
