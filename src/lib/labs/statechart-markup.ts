/**
 * The statechart drawing as SVG markup, and the browser glue that lights it as the machine moves.
 * Key decision: once laid out the drawing never changes shape; only a few classes and arrowheads
 * follow the live state. So the drawing and its table are written here as strings at build time
 * (statechart-layout.ts calls the writers; the island receives the strings with the layout), and
 * an island hydrates an `{@html}` block by stepping over its top-level nodes instead of walking
 * and binding the two hundred-odd boxes, arrows, labels and cells one by one (that walk was a
 * fifth of the training lab's hydration task). In the browser only `lightStatechart` and
 * `lightStatechartRows` run: they toggle classes in place, so the CSS transitions still play.
 */
import {
	statechartMetrics as m,
	type LaidOutEdge,
	type StatechartGeometry,
	type TakenTransitions,
} from './statechart-view';

/** How an arrow is drawn: just taken, possible from the active states, or neither. */
export type EdgeTone = 'idle' | 'open' | 'taken';

/** The arrowhead markers, one per tone (the arrow's colour). */
const tones: readonly EdgeTone[] = ['idle', 'open', 'taken'];

/** The root ("") is always active: its transitions can be taken from any state. */
const isActive = (active: ReadonlySet<string>, id: string) => id === '' || active.has(id);

/** The tone of `edge` given the active states and the arrows just taken. */
export function edgeTone(
	edge: Pick<LaidOutEdge, 'id' | 'source'>,
	active: ReadonlySet<string>,
	taken: Pick<TakenTransitions, 'routes'>,
): EdgeTone {
	if (taken.routes.has(edge.id)) return 'taken';
	return isActive(active, edge.source) ? 'open' : 'idle';
}

/** Text and attribute values made safe to put between tags or in double quotes. */
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const pointsOf = (points: readonly [number, number][]) =>
	points.map(([x, y]) => `${x},${y}`).join(' ');

const arrowId = (uid: string, tone: EdgeTone) => `${uid}-arrow-${tone}`;

/** The prefix of a diagram's marker ids: one diagram of a machine per page. */
export const markerPrefix = (machineId: string) =>
	`statechart-${machineId.replace(/[^\w-]/g, '-')}`;

/** The states a machine is in when it starts: the initial child of each state entered (every
 * region of a parallel state), from the root down. */
export function initialStates(layout: Pick<StatechartGeometry, 'states'>): Set<string> {
	const active = new Set<string>();
	const enter = (id: string) => {
		const parallel = layout.states.find((s) => s.id === id)?.kind === 'parallel';
		for (const child of layout.states.filter((s) => s.parent === id)) {
			if (!child.initial && !parallel) continue;
			active.add(child.id);
			enter(child.id);
		}
	};
	enter('');
	return active;
}

/**
 * The inside of the diagram's `<svg>`: arrowhead markers, the states as nested boxes (parents
 * first, so children sit on top) and the arrows with their stacked labels, lit for `active` and
 * `taken`. `uid` keeps marker ids unique when a page shows more than one diagram.
 */
export function statechartMarkup(
	layout: StatechartGeometry,
	uid: string,
	active: ReadonlySet<string>,
	taken: TakenTransitions,
): string {
	const parallel = new Set(layout.states.filter((s) => s.kind === 'parallel').map((s) => s.id));
	const lineHeight = m.edgeFontSize * m.lineHeightEm;
	const out: string[] = ['<defs>'];
	for (const tone of tones) {
		out.push(
			`<marker id="${arrowId(uid, tone)}" class="arrowhead ${tone}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,1 L9,5 L0,9 z"></path></marker>`,
		);
	}
	out.push('</defs>');
	for (const state of layout.states) {
		// The children of a parallel state are its regions, all active at once: drawn dashed.
		const classes =
			`state ${state.kind}` +
			(state.id === '' ? ' root' : '') +
			(state.parent !== null && parallel.has(state.parent) ? ' region' : '') +
			(state.id !== '' && active.has(state.id) ? ' active' : '');
		out.push(
			`<g class="${classes}" data-state="${escape(state.id)}">`,
			`<rect x="${state.x}" y="${state.y}" width="${state.width}" height="${state.height}" rx="7"></rect>`,
		);
		if (state.kind === 'compound' || state.kind === 'parallel') {
			const label = state.id === '' ? `${state.label} machine` : state.label;
			out.push(
				`<text class="state-label" x="${state.x + m.compoundPadding}" y="${state.y + m.compoundHeader - 8}" font-size="${m.stateFontSize}">${escape(label)}</text>`,
			);
		} else {
			if (state.initial) {
				out.push(
					`<circle class="initial" cx="${state.x + 10}" cy="${state.y + state.height / 2}" r="3"></circle>`,
				);
			}
			out.push(
				`<text class="state-label" x="${state.x + m.statePaddingX + (state.initial ? 10 : 0)}" y="${state.y + state.height / 2}" dominant-baseline="central" font-size="${m.stateFontSize}">${escape(state.label)}</text>`,
			);
		}
		out.push('</g>');
	}
	for (const edge of layout.edges) {
		const tone = edgeTone(edge, active, taken);
		const points = pointsOf(edge.points);
		out.push(
			`<g class="edge ${tone}" data-edge="${escape(edge.id)}" data-source="${escape(edge.source)}">`,
			`<polyline class="route" points="${points}" marker-end="url(#${arrowId(uid, tone)})"></polyline>`,
		);
		if (tone === 'taken') out.push(pulseMarkup(points, taken.serial));
		const { x, y, width, height } = edge.label;
		out.push(
			`<rect class="label-bg" x="${x}" y="${y}" width="${width}" height="${height}" rx="3"></rect>`,
		);
		edge.transitions.forEach((transition, i) => {
			const classes = taken.ids.has(transition.id) ? 'edge-label taken' : 'edge-label';
			out.push(
				`<text class="${classes}" data-transition="${escape(transition.id)}" x="${x + 3}" y="${y + 1 + (i + 0.5) * lineHeight}" dominant-baseline="central" font-size="${m.edgeFontSize}">${escape(transition.label)}</text>`,
			);
		});
		out.push('</g>');
	}
	return out.join('');
}

/** The highlight that flows along an arrow just taken; `serial` names the change it marks. */
function pulseMarkup(points: string, serial: number): string {
	return `<polyline class="pulse" points="${points}" data-serial="${serial}"></polyline>`;
}

/**
 * Lights a drawing made by `statechartMarkup` inside `svg` for `active` and `taken`: the active
 * states' boxes, each arrow's tone and arrowhead, the labels of the transitions just taken, and a
 * fresh pulse on each arrow just taken (a new element, so its animation starts again).
 */
export function lightStatechart(
	svg: SVGSVGElement,
	uid: string,
	active: ReadonlySet<string>,
	taken: TakenTransitions,
): void {
	for (const g of svg.querySelectorAll<SVGGElement>('g[data-state]')) {
		const id = g.dataset['state'] ?? '';
		g.classList.toggle('active', id !== '' && active.has(id));
	}
	for (const g of svg.querySelectorAll<SVGGElement>('g[data-edge]')) {
		const tone = edgeTone(
			{ id: g.dataset['edge'] ?? '', source: g.dataset['source'] ?? '' },
			active,
			taken,
		);
		for (const other of tones) g.classList.toggle(other, other === tone);
		const route = g.querySelector('polyline.route');
		route?.setAttribute('marker-end', `url(#${arrowId(uid, tone)})`);
		const pulse = g.querySelector<SVGPolylineElement>('polyline.pulse');
		if (tone !== 'taken') pulse?.remove();
		else if (route && pulse?.dataset['serial'] !== String(taken.serial)) {
			pulse?.remove();
			// Parsed in the arrow's (SVG) context, so it is an SVG polyline like the one it replaces.
			route.insertAdjacentHTML(
				'afterend',
				pulseMarkup(route.getAttribute('points') ?? '', taken.serial),
			);
		}
	}
	for (const text of svg.querySelectorAll<SVGTextElement>('text[data-transition]')) {
		text.classList.toggle('taken', taken.ids.has(text.dataset['transition'] ?? ''));
	}
}

/** A dotted name that may break after its dots on a narrow screen, never inside a word. */
const dotted = (name: string) => name.split('.').map(escape).join('.<wbr>');

/**
 * The rows of the diagram's table in words (StatechartTable): one per transition, where it
 * starts, what triggers it and where it leads; rows the machine can take from `active` are
 * marked `possible`. Built as one string for the reason the drawing is.
 */
export function statechartRowsMarkup(
	layout: Pick<StatechartGeometry, 'edges'>,
	active: ReadonlySet<string>,
): string {
	return layout.edges
		.flatMap((edge) =>
			edge.transitions.map((transition) => {
				const from = edge.source === '' ? 'any state' : dotted(edge.source);
				const possible = isActive(active, edge.source) ? ' class="possible"' : '';
				return `<tr${possible} data-source="${escape(edge.source)}"><td>${from}</td><td><code>${dotted(transition.label)}</code></td><td>${dotted(edge.target)}</td></tr>`;
			}),
		)
		.join('');
}

/** Marks the rows made by `statechartRowsMarkup` inside `body` that `active` makes possible. */
export function lightStatechartRows(body: HTMLElement, active: ReadonlySet<string>): void {
	for (const row of body.querySelectorAll<HTMLTableRowElement>('tr[data-source]')) {
		row.classList.toggle('possible', isActive(active, row.dataset['source'] ?? ''));
	}
}
