/**
 * The typed protocol between the drift lab's clock and its stream service (a Web Worker, or the
 * same service on the page): the clock opens a stream, asks for one day per tick, and passes on
 * scenario injections and model swaps; the service answers each day with its results.
 */
import type { ModelArtifact } from '../training/artifact';
import type { TrainingReference } from '../training/training.data';
import type { FeatureHistogram } from '../monitoring/histogram.model';
import type { DayResult, ReferenceInfo, StreamConfig } from '../monitoring/stream.model';
import type { DriftScenario, ScheduledScenario } from './scenario.model';

/** What the clock asks of the stream. */
export type StreamRequest =
	| {
			readonly type: 'open';
			readonly config: StreamConfig;
			readonly artifact: ModelArtifact | null;
			/** The served model's lineage, so the reference is the data it was trained on. */
			readonly training?: TrainingReference | null;
	  }
	| { readonly type: 'day'; readonly day: number }
	| { readonly type: 'inject'; readonly scenario: DriftScenario }
	/** Serve `artifact` from `fromDay` on (a retrained or promoted model). */
	| {
			readonly type: 'serve';
			readonly artifact: ModelArtifact;
			readonly version: string;
			readonly fromDay: number;
	  };

/** One simulated day as the stream computed it; the lab machine receives it as a clock fact. */
export interface StreamDay {
	readonly result: DayResult;
	readonly histograms: readonly FeatureHistogram[];
	readonly modelSource: 'registry' | 'default';
	/** The data the windows are compared with. */
	readonly reference: ReferenceInfo;
	/** The run's injection schedule as the stream applied it (the truth a link carries). */
	readonly injections?: readonly ScheduledScenario[];
}

/** What the stream answers. */
export type StreamReply =
	({ readonly type: 'day' } & StreamDay) | { readonly type: 'error'; readonly message: string };

/** The protocol's error reply. */
export const streamFailure = (message: string): StreamReply => ({ type: 'error', message });
