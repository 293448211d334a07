import { describe, expect, test } from 'vitest';
import {
	rolesFigureColumns,
	rolesFigureDescription,
	rolesFigureRows,
} from '@/components/lesson/roles-figure';
import { roleCell, roles } from '@/components/interactive/roles.data';
import { lifecyclePhases } from '@/components/interactive/lifecycle.data';

describe('roles figure', () => {
	test('draws exactly the cells of the interactive matrix', () => {
		const rows = rolesFigureRows();
		expect(rows.map((r) => r.id)).toEqual(roles.map((r) => r.id));
		for (const row of rows) {
			expect(row.cells.map((c) => c.phaseId)).toEqual(lifecyclePhases.map((p) => p.id));
			for (const cell of row.cells) {
				expect(cell.involvement).toBe(roleCell(row.id, cell.phaseId).involvement);
			}
		}
		expect(rolesFigureColumns().map((c) => c.label)).toEqual([
			'Frame',
			'Data',
			'Features',
			'Model',
			'Evaluate',
			'Deploy',
			'Monitor',
			'Retrain',
		]);
	});

	test('describes each row in words from the same data', () => {
		const description = rolesFigureDescription();
		expect(description).toContain(
			'A grid with 6 roles as rows and 8 lifecycle phases as columns: frame, data, features, model, evaluate, deploy, monitor and retrain.',
		);
		expect(description).toContain('Software / DevOps: leads deploy; takes part in monitor.');
		expect(description).toContain(
			'ML engineer: leads deploy, monitor and retrain; takes part in frame, features, model and evaluate.',
		);
		expect(description).toContain(
			'Product owner: leads frame and evaluate; takes part in deploy and monitor.',
		);
	});
});
