/**
 * Whether an island has hydrated. The server HTML (what search indexes and what a reader without
 * JavaScript gets) shows everything; once the island mounts it turns into its interactive form.
 * Every lesson island starts this way, so the switch is written once here.
 */
import { onMount } from 'svelte';

/** `current` is false in the server HTML and becomes true once the calling island mounts. */
export function hydrated(): { readonly current: boolean } {
	let current = $state(false);
	onMount(() => {
		current = true;
	});
	return {
		get current() {
			return current;
		},
	};
}
