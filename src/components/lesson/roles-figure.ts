/**
 * The static "who does what" figure of the roles lesson, computed from the same data as the
 * interactive RolesMatrix, so the drawing, its text alternative and the island can never
 * disagree. Pure: the Astro component only lays out what this returns.
 */
import { lifecyclePhases } from '../interactive/lifecycle.data';
import { roleCell, roles, type Involvement } from '../interactive/roles.data';

/** Row labels short enough for the drawing; a role missing here fails the type check. */
const shortRoleNames: Record<string, string> = {
	sme: 'Subject expert',
	stakeholder: 'Product owner',
	'data-scientist': 'Data scientist',
	'data-engineer': 'Data engineer',
	'ml-engineer': 'ML engineer',
	devops: 'Software / DevOps',
};

/** Column labels: the verb form reads best across a narrow header. */
const shortPhaseNames: Record<string, string> = {
	business: 'Frame',
	'data-acquisition': 'Data',
	'data-preparation': 'Features',
	modelling: 'Model',
	evaluation: 'Evaluate',
	deployment: 'Deploy',
	monitoring: 'Monitor',
	retraining: 'Retrain',
};

/** One row of the figure: a role and its involvement in each phase, in lifecycle order. */
export interface RolesFigureRow {
	id: string;
	label: string;
	cells: { phaseId: string; involvement: Involvement }[];
}

function label(names: Record<string, string>, id: string): string {
	const name = names[id];
	if (name === undefined) throw new Error(`The roles figure has no short label for "${id}".`);
	return name;
}

/** The column headings, in lifecycle order. */
export function rolesFigureColumns(): { id: string; label: string }[] {
	return lifecyclePhases.map((phase) => ({
		id: phase.id,
		label: label(shortPhaseNames, phase.id),
	}));
}

/** The rows, in the data's role order. */
export function rolesFigureRows(): RolesFigureRow[] {
	return roles.map((role) => ({
		id: role.id,
		label: label(shortRoleNames, role.id),
		cells: lifecyclePhases.map((phase) => ({
			phaseId: phase.id,
			involvement: roleCell(role.id, phase.id).involvement,
		})),
	}));
}

function list(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The figure's full text alternative, written from the same cells the drawing shows. */
export function rolesFigureDescription(): string {
	const columns = rolesFigureColumns();
	const phaseLabel = (id: string) => (columns.find((c) => c.id === id)?.label ?? id).toLowerCase();
	const sentences = rolesFigureRows().map((row) => {
		const of = (kind: Involvement) =>
			row.cells.filter((c) => c.involvement === kind).map((c) => phaseLabel(c.phaseId));
		const leads = of('responsible');
		const part = of('consulted');
		const parts = [
			leads.length > 0 ? `leads ${list(leads)}` : '',
			part.length > 0 ? `takes part in ${list(part)}` : '',
		].filter(Boolean);
		return `${row.label}: ${parts.join('; ')}.`;
	});
	return [
		`A grid with ${roles.length} roles as rows and ${columns.length} lifecycle phases as columns: ${list(columns.map((c) => c.label.toLowerCase()))}.`,
		'A filled dot means the role is responsible for (leads) the phase; an open ring means it takes part.',
		...sentences,
	].join(' ');
}
