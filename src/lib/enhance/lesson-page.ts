/**
 * Everything a lesson page adds with JavaScript: saved progress and quiz grading. The lesson
 * reads completely without it, so LessonLayout loads this one self-contained module only after
 * the page has loaded, keeping every script out of the way of the first paint.
 */
import { enhanceLessonProgress } from './lesson-progress';
import { enhanceQuizzes } from './quiz';

enhanceLessonProgress();
enhanceQuizzes();
