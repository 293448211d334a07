/**
 * The components lesson authors may use in MDX, imported from one place:
 * `import { Aside, Figure, Quiz, Term } from '@/components/lesson';`
 */
export { default as Aside } from './Aside.astro';
export { default as Figure } from './Figure.astro';
export { default as Quiz } from './Quiz.astro';
export { default as Term } from './Term.astro';
export { default as LifecycleStepper } from '../interactive/LifecycleStepper.svelte';
export { default as RolesMatrix } from '../interactive/RolesMatrix.svelte';
export { default as PipelineSteps } from '../interactive/PipelineSteps.svelte';
export { default as MaturityExplorer } from '../interactive/MaturityExplorer.svelte';
export { default as DeploymentStrategyCompare } from '../interactive/DeploymentStrategyCompare.svelte';
