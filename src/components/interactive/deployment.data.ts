/**
 * Four ways to put a new model into production, for the DeploymentStrategyCompare island:
 * basic (recreate, all at once), shadow, canary and blue/green. Each strategy carries the same
 * six attributes so they can be compared side by side, and a traffic description that the
 * island draws as a small split diagram. The percentages are illustrative, not prescriptive.
 */

/** A deployment strategy id. */
export type StrategyId = 'basic' | 'shadow' | 'canary' | 'blue-green';

/** One route of live traffic in the diagram. */
export interface TrafficRoute {
	/** Which model receives it. */
	to: 'current' | 'new';
	/** Share of live requests, 0–100. */
	percent: number;
	/** Whether users get this model's answers (false for a shadow copy). */
	answersUsers: boolean;
}

/** One strategy with its comparison attributes. */
export interface Strategy {
	id: StrategyId;
	name: string;
	/** Other names people use for it. */
	alsoCalled: string;
	trafficFlow: string;
	whoSeesNew: string;
	rollback: string;
	infrastructureCost: string;
	blastRadius: string;
	whenToUse: string;
	/** The routes the diagram draws. */
	routes: readonly TrafficRoute[];
	/** Whether the current model is still running after the switch (drawn dashed when not). */
	currentKept: boolean;
	/** What the diagram calls the two models. */
	modelLabels: { current: string; new: string };
}

/** The comparison attributes in display order, with their labels. */
export const strategyAttributes = [
	{ key: 'trafficFlow', label: 'How traffic flows' },
	{ key: 'whoSeesNew', label: 'Who sees the new model' },
	{ key: 'rollback', label: 'Rollback' },
	{ key: 'infrastructureCost', label: 'Infrastructure cost' },
	{ key: 'blastRadius', label: 'Blast radius of a bad model' },
	{ key: 'whenToUse', label: 'When to use it' },
] as const satisfies readonly { key: keyof Strategy; label: string }[];

/** The strategies, from simplest to most involved. */
export const strategies: readonly Strategy[] = [
	{
		id: 'basic',
		name: 'Basic',
		alsoCalled: 'recreate, all at once',
		trafficFlow: 'The old model is replaced; every request goes to the new one.',
		whoSeesNew: 'Everyone, immediately.',
		rollback: 'Slow: redeploy the old version, often with downtime.',
		infrastructureCost: 'Lowest: one model running at a time.',
		blastRadius: 'All users.',
		whenToUse: 'Low-stakes models, internal tools, or when a short outage is acceptable.',
		routes: [{ to: 'new', percent: 100, answersUsers: true }],
		currentKept: false,
		modelLabels: { current: 'Old (removed)', new: 'New' },
	},
	{
		id: 'shadow',
		name: 'Shadow',
		alsoCalled: 'dark launch, mirroring',
		trafficFlow:
			'Every request goes to both models; users get the current model’s answer, the new one’s is only logged.',
		whoSeesNew: 'Nobody: its predictions are compared offline.',
		rollback: 'Nothing to roll back: switch the copy off.',
		infrastructureCost: 'High: both models handle full traffic.',
		blastRadius: 'None for users (only extra load).',
		whenToUse: 'To test a model on real traffic before any user depends on it.',
		routes: [
			{ to: 'current', percent: 100, answersUsers: true },
			{ to: 'new', percent: 100, answersUsers: false },
		],
		currentKept: true,
		modelLabels: { current: 'Current', new: 'New (shadow)' },
	},
	{
		id: 'canary',
		name: 'Canary',
		alsoCalled: 'progressive rollout',
		trafficFlow: 'A small share of requests (say 5 %) goes to the new model, raised step by step.',
		whoSeesNew: 'A small, growing slice of users.',
		rollback: 'Fast: send the slice back to the current model.',
		infrastructureCost: 'Moderate: both run, the new one at small scale at first.',
		blastRadius: 'Only the slice, e.g. 5 % of users.',
		whenToUse: 'Most production model updates, when live metrics can judge the new model.',
		routes: [
			{ to: 'current', percent: 95, answersUsers: true },
			{ to: 'new', percent: 5, answersUsers: true },
		],
		currentKept: true,
		modelLabels: { current: 'Current', new: 'New (canary)' },
	},
	{
		id: 'blue-green',
		name: 'Blue/green',
		alsoCalled: 'red/black',
		trafficFlow:
			'Two full environments; the new one (green) is tested idle, then all traffic switches at once.',
		whoSeesNew: 'Everyone, after the switch.',
		rollback: 'Instant: switch traffic back to blue, which is still running.',
		infrastructureCost: 'High: two full environments during the release.',
		blastRadius: 'All users, but only until the switch back.',
		whenToUse: 'When you need zero downtime and instant rollback and can afford double capacity.',
		routes: [{ to: 'new', percent: 100, answersUsers: true }],
		currentKept: true,
		modelLabels: { current: 'Blue (standby)', new: 'Green (new)' },
	},
];

/** Every strategy id, in display order. */
export const strategyIds: readonly StrategyId[] = strategies.map((s) => s.id);

/** Line width in the diagram for a share of traffic: at least 1.5 so a 5 % route stays visible. */
export function routeWidth(percent: number): number {
	const share = Math.min(Math.max(percent, 0), 100) / 100;
	return Math.round((1.5 + share * 8.5) * 10) / 10;
}

/** The diagram in words, e.g. "95 % of requests are answered by Current; 5 % by New (canary)." */
export function trafficInWords(strategy: Strategy): string {
	const parts = strategy.routes.map((route) => {
		const model = route.to === 'new' ? strategy.modelLabels.new : strategy.modelLabels.current;
		return route.answersUsers
			? `${route.percent} % of requests are answered by ${model}`
			: `a copy of ${route.percent} % of requests goes to ${model}, whose answers are only logged`;
	});
	const idle =
		strategy.currentKept && !strategy.routes.some((r) => r.to === 'current')
			? `; ${strategy.modelLabels.current} keeps running with no traffic, ready for rollback`
			: '';
	return `${parts.join('; ')}${idle}.`;
}
