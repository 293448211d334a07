/**
 * Jensen–Shannon distance between two discrete distributions, as
 * `scipy.spatial.distance.jensenshannon` with its default natural logarithm.
 *
 * Design decision: inputs are normalised to sum to one (so raw counts work too) and a zero in one
 * distribution contributes nothing, following the 0 · ln 0 = 0 convention, so no epsilon is needed;
 * the result is the square root of the divergence and lies in [0, √ln 2].
 */
import { assertCounts, DriftInputError } from './sample.input';

/** √(½ KL(p‖m) + ½ KL(q‖m)) with m = (p + q)/2, natural log. */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
	const pTotal = assertCounts('p', p);
	const qTotal = assertCounts('q', q);
	if (p.length !== q.length) {
		throw new DriftInputError('q', `has ${q.length} entries but p has ${p.length}`);
	}
	let divergence = 0;
	for (let k = 0; k < p.length; k++) {
		const pk = (p[k] as number) / pTotal;
		const qk = (q[k] as number) / qTotal;
		const mk = (pk + qk) / 2;
		if (pk > 0) divergence += pk * Math.log(pk / mk);
		if (qk > 0) divergence += qk * Math.log(qk / mk);
	}
	return Math.sqrt(Math.max(0, divergence / 2));
}
