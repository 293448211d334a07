/**
 * Who does what in each lifecycle phase, for the RolesMatrix island. Each cell says whether a
 * role is responsible, consulted or absent and, when involved, what it does there. The phases
 * come from `lifecycle.data.ts`; the split follows the roles described in the course notes in
 * the seed documents, simplified: real teams merge and rename these roles.
 */
import { lifecyclePhases } from './lifecycle.data';

/** How much a role is involved in a phase. */
export type Involvement = 'responsible' | 'consulted' | 'absent';

/** A role on an ML team. */
export interface Role {
	id: string;
	name: string;
	/** One sentence on what the role is for. */
	summary: string;
}

/** What one role does in one phase. */
export interface RoleCell {
	involvement: Involvement;
	/** What the role does there; empty when absent. */
	does: string;
}

/** The roles, in the order of the matrix rows. */
export const roles: readonly Role[] = [
	{
		id: 'sme',
		name: 'Subject-matter expert',
		summary: 'Knows the domain: what the data means and what a useful prediction looks like.',
	},
	{
		id: 'stakeholder',
		name: 'Business stakeholder / product owner',
		summary: 'Owns the business goal, the budget and the decision to ship.',
	},
	{
		id: 'data-scientist',
		name: 'Data scientist',
		summary: 'Explores data, chooses algorithms, builds, trains and tunes models.',
	},
	{
		id: 'data-engineer',
		name: 'Data engineer',
		summary: 'Gets data in, keeps it clean and builds the pipelines that move it.',
	},
	{
		id: 'ml-engineer',
		name: 'ML engineer',
		summary: 'Turns a model into a reliable, automated service and keeps it running.',
	},
	{
		id: 'devops',
		name: 'Software / DevOps engineer',
		summary: 'Builds the application around the model and the infrastructure it runs on.',
	},
];

const r = (does: string): RoleCell => ({ involvement: 'responsible', does });
const c = (does: string): RoleCell => ({ involvement: 'consulted', does });
const absent: RoleCell = { involvement: 'absent', does: '' };

/** matrix[roleId][phaseId]: what that role does in that phase. */
export const rolesMatrix: Readonly<Record<string, Readonly<Record<string, RoleCell>>>> = {
	sme: {
		business: r('States the business question, goals and KPIs'),
		'data-acquisition': c('Explains what fields mean and where they come from'),
		'data-preparation': c('Suggests features from domain knowledge'),
		modelling: absent,
		evaluation: c('Judges whether errors are acceptable in practice'),
		deployment: absent,
		monitoring: r('Evaluates the model continuously as its user'),
		retraining: absent,
	},
	stakeholder: {
		business: r('Sets the objective, budget and success criteria'),
		'data-acquisition': absent,
		'data-preparation': absent,
		modelling: absent,
		evaluation: r('Signs off the model against the business goal'),
		deployment: c('Approves the release'),
		monitoring: c('Watches the business impact'),
		retraining: absent,
	},
	'data-scientist': {
		business: c('Checks the problem is feasible with ML'),
		'data-acquisition': r('Explores the data and judges its quality'),
		'data-preparation': r('Designs features and the train/test split'),
		modelling: r('Selects algorithms, trains and tunes models'),
		evaluation: r('Validates models against the baseline'),
		deployment: c('Explains inputs, outputs and dependencies'),
		monitoring: c('Interprets drift and quality alerts'),
		retraining: r('Decides what to change and retrains'),
	},
	'data-engineer': {
		business: absent,
		'data-acquisition': r('Connects sources and builds the data lake'),
		'data-preparation': r('Builds ETL pipelines, cleaning and quality checks'),
		modelling: c('Supplies training data at scale'),
		evaluation: absent,
		deployment: c('Makes features available for serving'),
		monitoring: r('Watches data quality and pipeline health'),
		retraining: r('Delivers fresh training data'),
	},
	'ml-engineer': {
		business: c('Says what can be served, how fast and how often'),
		'data-acquisition': absent,
		'data-preparation': c('Keeps feature code reusable in production'),
		modelling: c('Advises on what can be served'),
		evaluation: c('Tests the model fits the serving infrastructure'),
		deployment: r('Operationalises, packages and deploys the model'),
		monitoring: r('Runs model and system monitoring'),
		retraining: r('Automates the retraining pipeline'),
	},
	devops: {
		business: absent,
		'data-acquisition': absent,
		'data-preparation': absent,
		modelling: absent,
		evaluation: absent,
		deployment: r('Integrates the model into the application and CI/CD'),
		monitoring: c('Keeps infrastructure, latency and uptime healthy'),
		retraining: absent,
	},
};

/** The cell for a role and a phase; throws on ids that are not in the matrix. */
export function roleCell(roleId: string, phaseId: string): RoleCell {
	const cell = rolesMatrix[roleId]?.[phaseId];
	if (!cell) throw new Error(`No roles-matrix cell for role "${roleId}" and phase "${phaseId}".`);
	return cell;
}

/** Which row or column the matrix focuses on: nothing, one role, or one phase. */
export type MatrixFocus =
	{ kind: 'none' } | { kind: 'role'; id: string } | { kind: 'phase'; id: string };

/** Whether a cell stays emphasised under a focus. */
export function isCellInFocus(roleId: string, phaseId: string, focus: MatrixFocus): boolean {
	if (focus.kind === 'role') return focus.id === roleId;
	if (focus.kind === 'phase') return focus.id === phaseId;
	return true;
}

/** One line of a focus summary: who (or which phase) and what is done there. */
export interface FocusLine {
	label: string;
	involvement: Exclude<Involvement, 'absent'>;
	does: string;
}

/**
 * The involved cells under a focus, as lines for a summary: a role's phases in lifecycle order,
 * or a phase's roles with the responsible ones first. Absent cells are left out.
 */
export function focusSummary(focus: MatrixFocus): FocusLine[] {
	if (focus.kind === 'role') {
		return lifecyclePhases.flatMap((phase) => {
			const cell = roleCell(focus.id, phase.id);
			return cell.involvement === 'absent'
				? []
				: [{ label: phase.name, involvement: cell.involvement, does: cell.does }];
		});
	}
	if (focus.kind === 'phase') {
		const lines = roles.flatMap((role) => {
			const cell = roleCell(role.id, focus.id);
			return cell.involvement === 'absent'
				? []
				: [{ label: role.name, involvement: cell.involvement, does: cell.does }];
		});
		return [
			...lines.filter((l) => l.involvement === 'responsible'),
			...lines.filter((l) => l.involvement === 'consulted'),
		];
	}
	return [];
}
