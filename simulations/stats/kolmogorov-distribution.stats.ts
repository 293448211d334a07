/**
 * The distribution of the one-sample two-sided Kolmogorov statistic D_n, used for the large-sample
 * (asymptotic) p-value of the two-sample KS test the way scipy's `ks_2samp` does: with the
 * effective size n = round(n₁n₂ / (n₁ + n₂)), p = P(D_n ≥ d).
 *
 * Design decision: follow the same regime split as Simard & L'Ecuyer (2011), which scipy also
 * follows, so results agree in every region rather than only near the middle: closed forms at the
 * extremes (Ruben–Gambino), twice the exact one-sided Smirnov tail where the two one-sided events
 * cannot both happen in practice, the Durbin matrix (Marsaglia–Tsang–Wang) where it is cheap and
 * exact, and the Pelz–Good expansion for large n. Each method is written from its published
 * formula.
 */
import { logGamma } from './special-functions.math';

const LOG2 = Math.LN2;
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
const PI2 = Math.PI * Math.PI;
const PI4 = PI2 * PI2;
const PI6 = PI4 * PI2;

/** log(n! / nⁿ), exact enough for every n used here. */
function logFactorialOverPower(n: number): number {
	return logGamma(n + 1) - n * Math.log(n);
}

/**
 * Exact one-sided Smirnov tail P(D_n⁺ ≥ x) by the Birnbaum–Tingey sum, evaluated in log space.
 */
export function smirnovSurvival(n: number, x: number): number {
	if (x <= 0) return 1;
	if (x >= 1) return 0;
	const lastJ = Math.floor(n * (1 - x));
	let logBinomial = 0;
	let sum = 0;
	for (let j = 0; j <= lastJ; j++) {
		if (j > 0) logBinomial += Math.log((n - j + 1) / j);
		const left = 1 - x - j / n;
		if (left <= 0) continue;
		const logTerm = logBinomial + (n - j) * Math.log(left) + (j - 1) * Math.log(x + j / n);
		sum += Math.exp(logTerm);
	}
	return Math.min(1, Math.max(0, x * sum));
}

/** Multiplies two dense m×m matrices stored row-major. */
function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array<ArrayBuffer> {
	const out = new Float64Array(m * m);
	for (let i = 0; i < m; i++) {
		for (let k = 0; k < m; k++) {
			const aik = a[i * m + k] as number;
			if (aik === 0) continue;
			const rowB = k * m;
			const rowOut = i * m;
			for (let j = 0; j < m; j++) {
				out[rowOut + j] = (out[rowOut + j] as number) + aik * (b[rowB + j] as number);
			}
		}
	}
	return out;
}

/** P(D_n < d) by Durbin's matrix method in the Marsaglia–Tsang–Wang form. */
export function kolmogorovCdfDurbin(n: number, d: number): number {
	if (d >= 1) return 1;
	const nd = n * d;
	if (nd <= 0.5) return 0;
	const k = Math.ceil(nd);
	const h = k - nd;
	const m = 2 * k - 1;
	const H = new Float64Array(m * m);
	for (let i = 0; i < m; i++) {
		for (let j = 0; j < m; j++) if (i - j + 1 >= 0) H[i * m + j] = 1;
	}
	for (let i = 0; i < m; i++) {
		H[i * m] = (H[i * m] as number) - h ** (i + 1);
		H[(m - 1) * m + i] = (H[(m - 1) * m + i] as number) - h ** (m - i);
	}
	if (2 * h - 1 > 0) H[(m - 1) * m] = (H[(m - 1) * m] as number) + (2 * h - 1) ** m;
	const inverseFactorial = new Float64Array(m + 1);
	inverseFactorial[0] = 1;
	for (let i = 1; i <= m; i++) inverseFactorial[i] = (inverseFactorial[i - 1] as number) / i;
	for (let i = 0; i < m; i++) {
		for (let j = 0; j < m; j++) {
			const order = i - j + 1;
			if (order > 0) H[i * m + j] = (H[i * m + j] as number) * (inverseFactorial[order] as number);
		}
	}
	// Square-and-multiply with a power-of-two scale kept aside, since entries grow like nⁿ/n!.
	let power: Float64Array<ArrayBuffer> | null = null;
	let powerExponent = 0;
	let base: Float64Array<ArrayBuffer> = H;
	let baseExponent = 0;
	let remaining = n;
	while (remaining > 0) {
		if (remaining % 2 === 1) {
			power = power === null ? base.slice() : multiply(power, base, m);
			powerExponent += baseExponent;
			const scale = Math.abs(power[(k - 1) * m + (k - 1)] as number);
			if (scale > 2 ** 128) {
				for (let i = 0; i < power.length; i++) power[i] = (power[i] as number) / 2 ** 128;
				powerExponent += 128;
			}
		}
		remaining = Math.floor(remaining / 2);
		if (remaining > 0) {
			base = multiply(base, base, m);
			baseExponent *= 2;
			const scale = Math.abs(base[(k - 1) * m + (k - 1)] as number);
			if (scale > 2 ** 128) {
				for (let i = 0; i < base.length; i++) base[i] = (base[i] as number) / 2 ** 128;
				baseExponent += 128;
			}
		}
	}
	const corner = (power as Float64Array)[(k - 1) * m + (k - 1)] as number;
	if (corner <= 0) return 0;
	const logP = Math.log(corner) + powerExponent * LOG2 + logFactorialOverPower(n);
	return Math.min(1, Math.max(0, Math.exp(logP)));
}

/** P(D_n ≤ x) by the Pelz–Good asymptotic expansion (four terms in 1/√n). */
export function kolmogorovCdfPelzGood(n: number, x: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const z = Math.sqrt(n) * x;
	const z2 = z * z;
	const z4 = z2 * z2;
	const z6 = z4 * z2;
	const logQ = -PI2 / (8 * z2);
	if (logQ < -708) return 0;
	const terms = Math.ceil((16 * z) / Math.PI);
	let k0 = 0;
	let k1 = 0;
	let k2 = 0;
	let k3 = 0;
	for (let k = 1; k <= terms; k++) {
		const odd = 2 * k - 1;
		const o2 = odd * odd;
		const o4 = o2 * o2;
		const o6 = o4 * o2;
		const weight = Math.exp(logQ * o2);
		k0 += weight;
		k1 += ((PI2 * o2) / 4 - z2) * weight;
		k2 +=
			(6 * z6 + 2 * z4 + ((PI2 * (2 * z4 - 5 * z2)) / 4) * o2 + ((PI4 * (1 - 2 * z2)) / 16) * o4) *
			weight;
		k3 +=
			(((PI6 * (5 - 30 * z2)) / 64) * o6 +
				((PI4 * (212 * z4 - 60 * z2)) / 16) * o4 +
				((PI2 * (135 * z4 - 96 * z6)) / 4) * o2 -
				(30 * z6 + 90 * z6 * z2)) *
			weight;
	}
	k0 *= SQRT_TWO_PI / z;
	k1 *= SQRT_TWO_PI / (6 * z4);
	k2 *= SQRT_TWO_PI / (72 * z6 * z);
	k3 *= SQRT_TWO_PI / (6480 * z6 * z4);
	let evenK2 = 0;
	let evenK3 = 0;
	for (let k = 1; k <= terms; k++) {
		const k2sq = k * k;
		const weight = Math.exp((-PI2 * k2sq) / (2 * z2));
		evenK2 += k2sq * weight;
		evenK3 += (3 * z2 - PI2 * k2sq) * k2sq * weight;
	}
	k2 -= (PI2 * SQRT_TWO_PI * evenK2) / (36 * z2 * z);
	k3 += (PI2 * SQRT_TWO_PI * evenK3) / (216 * z6);
	const sqrtN = Math.sqrt(n);
	return k0 + k1 / sqrtN + k2 / n + k3 / (n * sqrtN);
}

/** P(D_n ≥ x): the survival function of the two-sided one-sample Kolmogorov statistic. */
export function kolmogorovSurvival(n: number, x: number): number {
	const clip = (p: number): number => Math.min(1, Math.max(0, p));
	if (x >= 1) return 0;
	if (x <= 0) return 1;
	const t = n * x;
	if (t <= 1) {
		if (t <= 0.5) return 1;
		const logCdf = logFactorialOverPower(n) + n * Math.log(2 * t - 1);
		return clip(1 - Math.exp(logCdf));
	}
	if (t >= n - 1) return clip(2 * (1 - x) ** n);
	if (x >= 0.5) return clip(2 * smirnovSurvival(n, x));
	const nxSquared = t * x;
	if (n <= 140) {
		if (nxSquared <= 4) return clip(1 - kolmogorovCdfDurbin(n, x));
		return clip(2 * smirnovSurvival(n, x));
	}
	if (nxSquared >= 370) return 0;
	if (nxSquared >= 2.2) return clip(2 * smirnovSurvival(n, x));
	if (n <= 100_000 && n * x ** 1.5 <= 1.4) return clip(1 - kolmogorovCdfDurbin(n, x));
	return clip(1 - kolmogorovCdfPelzGood(n, x));
}

/** The limiting Kolmogorov tail Q(λ) = 2 Σ (−1)^(k−1) exp(−2k²λ²), for λ > 0. */
export function kolmogorovLimitSurvival(lambda: number): number {
	if (lambda <= 0) return 1;
	if (lambda < 0.2) return 1;
	let sum = 0;
	for (let k = 1; k <= 200; k++) {
		const term = Math.exp(-2 * k * k * lambda * lambda);
		sum += k % 2 === 1 ? term : -term;
		if (term < 1e-300) break;
	}
	return Math.min(1, Math.max(0, 2 * sum));
}
