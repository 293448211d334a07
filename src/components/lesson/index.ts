/**
 * The components lesson authors may use in MDX, imported from one place:
 * `import { Aside, Figure, Quiz, Term } from '@/components/lesson';`
 *
 * Interactive islands are imported from their own files instead
 * (`import LifecycleStepper from '@/components/interactive/LifecycleStepper.svelte';`): a page
 * ships the CSS of every component its modules import, so re-exporting the islands here put all
 * five islands' styles (13 KB) into every lesson, including lessons that use none of them.
 */
export { default as Aside } from './Aside.astro';
export { default as Figure } from './Figure.astro';
export { default as Quiz } from './Quiz.astro';
export { default as Term } from './Term.astro';
