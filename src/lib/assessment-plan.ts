/**
 * The action plan a team lead takes into a planning meeting: next steps turned into actions with
 * an owner, a due date and a status, kept in the team's order, and the date to assess again.
 * Everything here is a pure function of plain data, so the exports are unit-tested byte for byte.
 * The three exports follow what their readers import: a Markdown table for a repository, a CSV
 * with the column names issue trackers map by default (Jira's importer: Summary, Description,
 * Assignee, Due date, Status, Labels), and an iCalendar file (RFC 5545) with the re-assessment
 * date and each dated action as all-day events.
 */
import type { NextStep, QuestionBank } from '@/assessment';
import type { ActionPlan, PlanItem, PlanStatus, SavedAssessment } from './assessment-store';

/** How the statuses read. */
export const planStatusLabels: Record<PlanStatus, string> = {
	todo: 'To do',
	doing: 'In progress',
	done: 'Done',
};

/** Days from today to the suggested re-assessment: a quarter, as the results page advises. */
export const reassessAfterDays = 91;

/** `YYYY-MM-DD` of a day `days` after the given one (UTC, so no time zone moves the date). */
export function addDays(isoDate: string, days: number): string {
	const ms = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
	return new Date(ms).toISOString().slice(0, 10);
}

/** A short, stable action title for a practice: its prompt's first sentence, trimmed. */
function titleFor(bank: QuestionBank, questionId: string): string {
	const prompt = bank.questions.find((q) => q.id === questionId)?.prompt ?? questionId;
	const first = prompt.split(/(?<=\.)\s/)[0] ?? prompt;
	return first.length > 300 ? `${first.slice(0, 297)}…` : first;
}

/**
 * Adds the next steps that are not in the plan yet, in their ranked order, after the team's own
 * actions; an action already planned for a practice is left as the team wrote it. With no
 * re-assessment date yet, one is set a quarter after `todayIso`.
 */
export function addStepsToPlan(
	bank: QuestionBank,
	plan: ActionPlan,
	steps: readonly NextStep[],
	todayIso: string,
): ActionPlan {
	const planned = new Set(plan.items.map((i) => i.questionId));
	const taken = new Set(plan.items.map((i) => i.id));
	const added: PlanItem[] = [];
	for (const step of steps) {
		if (planned.has(step.questionId)) continue;
		let id = step.questionId;
		for (let n = 2; taken.has(id); n++) id = `${step.questionId}-${n}`;
		taken.add(id);
		added.push({
			id,
			questionId: step.questionId,
			title: titleFor(bank, step.questionId),
			owner: '',
			due: '',
			status: 'todo',
		});
	}
	return {
		items: [...plan.items, ...added],
		reassessOn: plan.reassessOn ?? addDays(todayIso, reassessAfterDays),
	};
}

/** A blank action the team writes itself, with an id not yet used. */
export function newPlanItem(plan: ActionPlan, title: string): PlanItem {
	const taken = new Set(plan.items.map((i) => i.id));
	let n = plan.items.length + 1;
	while (taken.has(`action-${n}`)) n++;
	return { id: `action-${n}`, questionId: null, title, owner: '', due: '', status: 'todo' };
}

/** Moves the action at `index` by `delta` places (clamped to the list). */
export function moveItem(items: readonly PlanItem[], index: number, delta: number): PlanItem[] {
	const to = Math.max(0, Math.min(items.length - 1, index + delta));
	const copy = [...items];
	const [item] = copy.splice(index, 1);
	if (item) copy.splice(to, 0, item);
	return copy;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The plan as a Markdown section (heading, table, re-assessment date). */
export function planMarkdown(bank: QuestionBank, assessment: SavedAssessment): string {
	const { items, reassessOn } = assessment.plan;
	const lines = ['## Action plan', ''];
	if (items.length === 0) lines.push('No actions planned yet.');
	else {
		lines.push('| # | Action | Owner | Due | Status | Practice |', '|---|---|---|---|---|---|');
		items.forEach((item, i) => {
			const practice = item.questionId
				? (bank.questions.find((q) => q.id === item.questionId)?.id ?? '')
				: '';
			lines.push(
				`| ${i + 1} | ${cell(item.title)} | ${cell(item.owner) || '—'} | ${item.due || '—'} | ${planStatusLabels[item.status]} | ${practice} |`,
			);
		});
	}
	if (reassessOn) lines.push('', `Assess again on ${reassessOn}.`);
	return lines.join('\n') + '\n';
}

/** Quotes a CSV field when it needs it (RFC 4180). */
function csvField(value: string): string {
	return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The plan as CSV for an issue tracker's importer: one row per action with the column names
 * trackers map without configuration. The description says why the action matters and what good
 * looks like, from the question bank.
 */
export function planCsv(bank: QuestionBank, assessment: SavedAssessment): string {
	const rows = [['Summary', 'Description', 'Assignee', 'Due date', 'Status', 'Labels']];
	for (const item of assessment.plan.items) {
		const q = bank.questions.find((x) => x.id === item.questionId);
		const description = q
			? `${q.why} What good looks like: ${q.good} (MLOps self-assessment of ${assessment.name}, practice "${q.id}")`
			: `From the MLOps self-assessment of ${assessment.name}.`;
		rows.push([
			item.title,
			description,
			item.owner,
			item.due,
			planStatusLabels[item.status],
			['mlops', q ? q.dimension : ''].filter(Boolean).join(' '),
		]);
	}
	return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
function icsText(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never splitting a UTF-8 character. */
function fold(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	for (const char of line) {
		const limit = parts.length === 0 ? 75 : 74;
		if (encoder.encode(current + char).length > limit) {
			parts.push(current);
			current = char;
		} else current += char;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const icsDate = (iso: string) => iso.replace(/-/g, '');
const icsStamp = (ms: number) =>
	new Date(ms)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

/**
 * The plan as an iCalendar file: the re-assessment date and every action with a due date, each an
 * all-day event. UIDs are stable per assessment and action, so importing an updated file updates
 * the events instead of duplicating them.
 */
export function planIcs(assessment: SavedAssessment, nowMs: number): string {
	const events: { uid: string; date: string; summary: string; description: string }[] = [];
	if (assessment.plan.reassessOn) {
		events.push({
			uid: `reassess-${assessment.id}@mlops-lab`,
			date: assessment.plan.reassessOn,
			summary: `Re-assess MLOps practice: ${assessment.name}`,
			description:
				'Run the MLOps self-assessment again and compare it with the last run in its history.',
		});
	}
	for (const item of assessment.plan.items) {
		if (!item.due) continue;
		events.push({
			uid: `${assessment.id}-${item.id}@mlops-lab`,
			date: item.due,
			summary: `Due: ${item.title}`,
			description: `${item.owner ? `Owner: ${item.owner}. ` : ''}Status: ${planStatusLabels[item.status]}.`,
		});
	}
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//MLOps Lab//Self-assessment plan//EN',
		'CALSCALE:GREGORIAN',
	];
	for (const e of events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${e.uid}`,
			`DTSTAMP:${icsStamp(nowMs)}`,
			`DTSTART;VALUE=DATE:${icsDate(e.date)}`,
			`DTEND;VALUE=DATE:${icsDate(addDays(e.date, 1))}`,
			`SUMMARY:${icsText(e.summary)}`,
			`DESCRIPTION:${icsText(e.description)}`,
			'TRANSP:TRANSPARENT',
			'END:VEVENT',
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(fold).join('\r\n') + '\r\n';
}
