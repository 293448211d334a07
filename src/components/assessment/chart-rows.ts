/**
 * The row both assessment charts draw (the bar chart on screen, the radar on paper): one
 * dimension's score and level, as the results page computes them. One type, so the two charts
 * cannot drift apart in what they take.
 */
export interface DimensionChartRow {
	/** Dimension id. */
	id: string;
	/** Dimension title. */
	title: string;
	/** 0–10, or null when nothing applies. */
	score: number | null;
	/** Level reached (0–4). */
	level: number;
	/** Target level (0–4); the radar does not draw it. */
	target: number;
}
