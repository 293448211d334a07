/**
 * The traffic world of the deployment lab: requests arrive per tick from the shared churn world,
 * a router sends each to the stable or the candidate version by weight (or mirrors a copy to the
 * candidate, whose answer is thrown away), and each version answers with a latency, maybe an
 * error, and a churn prediction that is checked once its label arrives, some ticks later.
 *
 * Key decisions. Requests come from a fixed population of subscribers drawn once from the world
 * (users return, so "users served" counts people, not requests, and the world's generator runs
 * once per run rather than once per request). Common random numbers: every request draws its
 * user, its routing number and each version's error and latency numbers from streams that do
 * not depend on the weights, so two strategies run on the same seed see the same users and the
 * same fate for each user on each version; only the routing differs, which makes blast radii
 * comparable. Scoring is pluggable
 * (a function from a row's features to a churn probability), so the kit's served models can
 * replace the presets' simple deterministic scorers later.
 */
import { createRng, type Rng } from '../shared/rng';
import {
	churnLogit,
	createWorld,
	generateRecords,
	noDrift,
	type ChurnRecord,
	type Features,
	type World,
} from '../world/world.model';

/** Scores one row: the predicted churn probability. */
export type RowScorer = (features: Features) => number;

/** A version that can serve requests. */
export interface ServingVersion {
	id: string;
	label: string;
	/** Median latency in ms. */
	latencyMedianMs: number;
	/** Log-normal spread of latency (σ of its logarithm). */
	latencySpread: number;
	/** Probability that a request to this version fails, given the row. */
	errorProbability: (features: Features) => number;
	score: RowScorer;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The segment the "worse on one segment" preset fails: premium subscribers in the west region,
 * about 4 % of requests (0.2 × 0.2 of the world's mix) — small enough to hide in a thin slice.
 */
export const weakSegment = {
	label: 'premium subscribers in the west region',
	matches: (f: Features) => f.plan === 'premium' && f.region === 'west',
};

/**
 * The production version: a fair linear model that misses the world's one interaction (long
 * absence × low usage), fast and reliable. The candidates that know the full rule are a little
 * more accurate, so a good candidate is worth shipping.
 */
export function stableVersion(world: World = createWorld()): ServingVersion {
	const linear = { ...world, disengagementEffect: 0 };
	return {
		id: 'stable',
		label: 'Stable (v1)',
		latencyMedianMs: 80,
		latencySpread: 0.35,
		errorProbability: () => 0.002,
		score: (f) => sigmoid(churnLogit(linear, noDrift, f)),
	};
}

/** The candidate presets of the lab. */
export type CandidatePresetId = 'good' | 'worseOnSegment' | 'broken' | 'slow' | 'flaky';

/** A candidate preset: the version and what a learner should notice. */
export interface CandidatePreset {
	id: CandidatePresetId;
	label: string;
	notice: string;
	version: ServingVersion;
}

/** Builds the candidate presets over a world (its rule gives the scorers). */
export function candidatePresets(
	world: World = createWorld(),
): Record<CandidatePresetId, CandidatePreset> {
	const good: RowScorer = (f) => sigmoid(churnLogit(world, noDrift, f));
	return {
		good: {
			id: 'good',
			label: 'A better model',
			notice: 'Every analysis passes and the rollout completes; its accuracy edges above stable.',
			version: {
				id: 'candidate',
				label: 'Candidate (v2, better)',
				latencyMedianMs: 80,
				latencySpread: 0.35,
				errorProbability: () => 0.002,
				score: good,
			},
		},
		worseOnSegment: {
			id: 'worseOnSegment',
			label: 'Worse on one segment',
			notice: `It fails most requests from ${weakSegment.label} (about 4 % of traffic) and predicts them backwards: at 1 % weight too few of them reach it to be sure.`,
			version: {
				id: 'candidate',
				label: 'Candidate (v2, weak segment)',
				latencyMedianMs: 80,
				latencySpread: 0.35,
				errorProbability: (f) => (weakSegment.matches(f) ? 0.8 : 0.002),
				score: (f) => (weakSegment.matches(f) ? 1 - good(f) : good(f)),
			},
		},
		broken: {
			id: 'broken',
			label: 'A broken model',
			notice: 'A quarter of its requests fail; the first analysis aborts the rollout.',
			version: {
				id: 'candidate',
				label: 'Candidate (v2, broken)',
				latencyMedianMs: 80,
				latencySpread: 0.35,
				errorProbability: () => 0.25,
				score: good,
			},
		},
		flaky: {
			id: 'flaky',
			label: 'A flaky model',
			notice:
				'About 3 % of its requests fail: worse than the 98 % success wanted, better than the 95 % that would fail it — an inconclusive verdict.',
			version: {
				id: 'candidate',
				label: 'Candidate (v2, flaky)',
				latencyMedianMs: 80,
				latencySpread: 0.35,
				errorProbability: () => 0.03,
				score: good,
			},
		},
		slow: {
			id: 'slow',
			label: 'A slower model',
			notice:
				'Its answers are right but three times slower: the latency metric, not accuracy, stops it.',
			version: {
				id: 'candidate',
				label: 'Candidate (v2, slow)',
				latencyMedianMs: 240,
				latencySpread: 0.35,
				errorProbability: () => 0.002,
				score: good,
			},
		},
	};
}

/** Where this tick's traffic goes: a share to the candidate, and a share mirrored to it. */
export interface TrafficSplit {
	/** Share of live requests the candidate answers, 0–100. */
	candidatePercent: number;
	/** Share of requests copied to the candidate, answers discarded (shadow), 0–100. */
	mirrorPercent?: number;
}

/** What one version did in one tick. */
export interface VersionTick {
	/** Requests answered for users (mirrored copies excluded). */
	served: number;
	/** Of those, failed requests. */
	errors: number;
	/** Latencies of the requests answered, in ms. */
	latenciesMs: number[];
	/** Successful predictions made (labels arrive later). */
	predictions: number;
	/** Of those, predictions that match the label. */
	correct: number;
	/** Population index of the user behind each answered request. */
	userIds: number[];
	/** Population index of each user who got an error. */
	failedUserIds: number[];
}

/** One tick of traffic. */
export interface TrafficTick {
	tick: number;
	requests: number;
	split: TrafficSplit;
	stable: VersionTick;
	candidate: VersionTick;
	/** The candidate's answers to mirrored copies: measured, never shown to users. */
	shadow: VersionTick;
}

/** The traffic world: who serves, how many requests arrive, how late labels are. */
export interface TrafficConfig {
	world: World;
	/** The subscribers who send requests (see createPopulation). */
	population: readonly ChurnRecord[];
	stable: ServingVersion;
	candidate: ServingVersion;
	requestsPerTick: number;
	/** Ticks before a prediction's true label is known. */
	labelDelayTicks: number;
}

/** A version's tally of a tick in which it served nobody. */
export const emptyVersionTick = (): VersionTick => ({
	served: 0,
	errors: 0,
	latenciesMs: [],
	predictions: 0,
	correct: 0,
	userIds: [],
	failedUserIds: [],
});

/** Draws the subscribers who will send requests, once per run (day 0 of the world, no drift). */
export function createPopulation(world: World, size: number, rng: Rng): ChurnRecord[] {
	return generateRecords(world, 0, noDrift, size, rng.split('population'));
}

/** What each version would do for each user, computed once: its error chance and whether it is right. */
interface VersionAnswers {
	errorProbability: Float64Array;
	correct: Uint8Array;
}

const answersCache = new WeakMap<ServingVersion, WeakMap<readonly ChurnRecord[], VersionAnswers>>();

// Scores are deterministic per user and version, so they are computed once and reused.
function answersFor(version: ServingVersion, population: readonly ChurnRecord[]): VersionAnswers {
	let byPopulation = answersCache.get(version);
	if (!byPopulation) {
		byPopulation = new WeakMap();
		answersCache.set(version, byPopulation);
	}
	let answers = byPopulation.get(population);
	if (!answers) {
		answers = {
			errorProbability: Float64Array.from(population, (r) => version.errorProbability(r.features)),
			correct: Uint8Array.from(population, (r) =>
				(version.score(r.features) >= 0.5 ? 1 : 0) === r.churned ? 1 : 0,
			),
		};
		byPopulation.set(population, answers);
	}
	return answers;
}

/**
 * Simulates one tick. `rng` is the run's root stream; each tick splits its own streams for the
 * users, their routing and each version's fate, so a tick is the same whatever came before it.
 */
export function simulateTick(
	config: TrafficConfig,
	split: TrafficSplit,
	tick: number,
	rng: Rng,
): TrafficTick {
	const users = rng.split(`users-${tick}`);
	const route = rng.split(`route-${tick}`);
	const fates = { stable: rng.split(`stable-${tick}`), candidate: rng.split(`candidate-${tick}`) };
	const known = {
		stable: answersFor(config.stable, config.population),
		candidate: answersFor(config.candidate, config.population),
	};
	const out: TrafficTick = {
		tick,
		requests: config.requestsPerTick,
		split,
		stable: emptyVersionTick(),
		candidate: emptyVersionTick(),
		shadow: emptyVersionTick(),
	};
	const candidateShare = split.candidatePercent / 100;
	const mirrorShare = (split.mirrorPercent ?? 0) / 100;
	const size = config.population.length;
	for (let i = 0; i < config.requestsPerTick; i++) {
		const user = Math.floor(users.next() * size);
		// Every draw happens for every request, whatever the weights (common random numbers).
		const routeDraw = route.next();
		const mirrorDraw = route.next();
		const stable = answer(config.stable, known.stable, user, fates.stable);
		const candidate = answer(config.candidate, known.candidate, user, fates.candidate);
		if (routeDraw < candidateShare) {
			record(out.candidate, candidate, user);
		} else {
			record(out.stable, stable, user);
			// A mirrored copy goes only to the candidate, and only when stable answers the user.
			if (mirrorDraw < mirrorShare) record(out.shadow, candidate, user);
		}
	}
	return out;
}

interface Answer {
	failed: boolean;
	latencyMs: number;
	correct: boolean;
}

function answer(version: ServingVersion, known: VersionAnswers, user: number, rng: Rng): Answer {
	const failDraw = rng.next();
	const latencyMs = version.latencyMedianMs * Math.exp(version.latencySpread * rng.normal());
	return {
		failed: failDraw < (known.errorProbability[user] as number),
		latencyMs,
		correct: known.correct[user] === 1,
	};
}

function record(into: VersionTick, a: Answer, user: number): void {
	into.served++;
	into.userIds.push(user);
	into.latenciesMs.push(a.latencyMs);
	if (a.failed) {
		into.errors++;
		into.failedUserIds.push(user);
		return;
	}
	into.predictions++;
	if (a.correct) into.correct++;
}

/** A version's figures over a window of ticks. */
export interface WindowStats {
	served: number;
	errors: number;
	/** Share of answered requests that succeeded; NaN with no traffic (no data). */
	successRate: number;
	/** 99th-percentile latency in ms; NaN with no traffic. */
	latencyP99Ms: number;
	/** Predictions whose labels have arrived by the window's end. */
	labelled: number;
	/** Accuracy of those; NaN when no label has arrived yet. */
	accuracy: number;
}

/** Which side of the traffic to summarise. */
export type TrafficSide = 'stable' | 'candidate' | 'shadow';

/** The nearest-rank percentile of unsorted values (p in 0–100); NaN when empty. */
export function nearestRankPercentile(values: readonly number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = Float64Array.from(values).sort();
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1] as number;
}

/**
 * A side's figures over ticks [fromTick, toTick]: traffic and latency over the window, and
 * accuracy over the predictions of that window whose labels have arrived by `toTick`.
 */
export function windowStats(
	ticks: readonly TrafficTick[],
	side: TrafficSide,
	fromTick: number,
	toTick: number,
	labelDelayTicks: number,
): WindowStats {
	const window = ticks.filter((t) => t.tick >= fromTick && t.tick <= toTick);
	let served = 0;
	let errors = 0;
	const latencies: number[] = [];
	for (const t of window) {
		const v = t[side];
		served += v.served;
		errors += v.errors;
		for (const l of v.latenciesMs) latencies.push(l);
	}
	return {
		served,
		errors,
		successRate: served === 0 ? Number.NaN : (served - errors) / served,
		latencyP99Ms: nearestRankPercentile(latencies, 99),
		...labelledAccuracy(window, side, toTick, labelDelayTicks),
	};
}

/**
 * How many of a side's predictions in `ticks` have their labels by the end of `toTick`, and
 * their accuracy: NaN until a label arrives (quality shows up only as delayed labels arrive).
 */
export function labelledAccuracy(
	ticks: readonly TrafficTick[],
	side: TrafficSide,
	toTick: number,
	labelDelayTicks: number,
): Pick<WindowStats, 'labelled' | 'accuracy'> {
	const arrived = ticks.filter((t) => t.tick + labelDelayTicks <= toTick);
	const labelled = arrived.reduce((n, t) => n + t[side].predictions, 0);
	const correct = arrived.reduce((n, t) => n + t[side].correct, 0);
	return { labelled, accuracy: labelled === 0 ? Number.NaN : correct / labelled };
}

/** Users each version answered, and how many of them got an error: the blast radius. */
export interface BlastRadius {
	servedByStable: number;
	servedByCandidate: number;
	/** Users the candidate answered with an error. */
	failedByCandidate: number;
	/** Users the candidate answered with a wrong prediction. */
	wrongByCandidate: number;
	/** Mirrored requests the candidate handled without any user seeing the answer. */
	mirrored: number;
	/** Distinct users the candidate answered at least once. */
	usersOfCandidate: number;
	/** Distinct users the candidate failed at least once. */
	usersFailedByCandidate: number;
}

/** Sums the blast radius over ticks. */
export function blastRadius(ticks: readonly TrafficTick[]): BlastRadius {
	const out: BlastRadius = {
		servedByStable: 0,
		servedByCandidate: 0,
		failedByCandidate: 0,
		wrongByCandidate: 0,
		mirrored: 0,
		usersOfCandidate: 0,
		usersFailedByCandidate: 0,
	};
	const users = new Set<number>();
	const failed = new Set<number>();
	for (const t of ticks) {
		for (const u of t.candidate.userIds) users.add(u);
		for (const u of t.candidate.failedUserIds) failed.add(u);
		out.servedByStable += t.stable.served;
		out.servedByCandidate += t.candidate.served;
		out.failedByCandidate += t.candidate.errors;
		out.wrongByCandidate += t.candidate.predictions - t.candidate.correct;
		out.mirrored += t.shadow.served;
	}
	out.usersOfCandidate = users.size;
	out.usersFailedByCandidate = failed.size;
	return out;
}

/** Everything a run needs to build its traffic world. */
export interface TrafficOptions {
	seed: number | string;
	/** A preset, or any version (e.g. a served model from the registry). */
	candidate: CandidatePresetId | ServingVersion;
	requestsPerTick: number;
	labelDelayTicks?: number;
	/** Subscribers in the population (default 2,000). */
	populationSize?: number;
}

/** The run's root random stream: every tick and the population split from it. */
export function trafficRng(seed: number | string): Rng {
	return createRng(seed).split('deployment');
}

/** Builds the traffic world for a run: the default world, stable, the candidate and the population. */
export function createTrafficConfig(options: TrafficOptions): TrafficConfig {
	const world = createWorld();
	const candidate =
		typeof options.candidate === 'string'
			? candidatePresets(world)[options.candidate].version
			: options.candidate;
	return {
		world,
		population: createPopulation(world, options.populationSize ?? 2000, trafficRng(options.seed)),
		stable: stableVersion(world),
		candidate,
		requestsPerTick: options.requestsPerTick,
		labelDelayTicks: options.labelDelayTicks ?? 3,
	};
}
