/**
 * Scoring benchmark: how long the engine takes to score a full assessment and rank the next
 * steps (target: well under 1 ms). The TypeScript engine is bundled in memory with esbuild (which
 * Astro already brings) so the benchmark measures the same code the page ships. Answers are a
 * fixed mix of options, `na` and `unknown`, so every branch runs.
 *
 * Usage: npx node bench/assessment.mjs
 */
import { performance } from 'node:perf_hooks';
import { importTs } from '../scripts/import-ts.mjs';

const { questionBank, scoreAssessment, nextSteps } = await importTs({
	entry: 'src/assessment/index.ts',
	external: ['astro/zod'],
});

const answers = { serving: 'online', regulated: 'personal', change: 'fast' };
questionBank.questions.forEach((q, i) => {
	answers[q.id] =
		i % 11 === 0
			? 'na'
			: i % 7 === 0
				? 'unknown'
				: (q.options[i % q.options.length]?.id ?? 'unknown');
});

function time(label, run, iterations = 5000) {
	for (let i = 0; i < 2000; i++) run(); // warm up the JIT
	const start = performance.now();
	for (let i = 0; i < iterations; i++) run();
	const perRunMs = (performance.now() - start) / iterations;
	console.log(`${label}: ${(perRunMs * 1000).toFixed(1)} µs per run (target < 1000 µs)`);
}

console.log(
	`${questionBank.questions.length} questions, ${questionBank.context.length} context questions`,
);
time('score a full assessment', () => scoreAssessment(questionBank, answers));
time('score and rank next steps', () =>
	nextSteps(questionBank, answers, scoreAssessment(questionBank, answers)),
);
