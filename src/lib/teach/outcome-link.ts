/**
 * The link a lab shows once a run has an outcome: the results page (`/teach/send/`) with that
 * outcome in its fragment, so the participant only confirms it there instead of typing it, and
 * nothing reaches a server (a fragment never leaves the browser). The labs load this module
 * only when an outcome exists; the send page reads the fragment back with the results file's
 * own checks (`readOutcomeFragment` in participant-results), so a hand-edited link is named
 * there, never trusted.
 *
 * Key decision: the fragment is plain base64url JSON, not compressed like a results link: an
 * outcome is a few dozen characters, and a compressor would cost every lab's bundle more than
 * it saves in the address bar. The labs build the outcome itself (with `withSeed` from url-params,
 * which they load anyway), so this module and its encoder stay out of a lab's first load.
 */
import { toBase64Url } from '../base64url';
import type { LabOutcome } from './participant-results';

/** The fragment prefix of a lab's "send this result" link. */
export const outcomePrefix = '#outcome=';

/** The site-relative link that opens the results page with `outcome` filled in. */
export function outcomeHref(outcome: LabOutcome): string {
	const packed = toBase64Url(new TextEncoder().encode(JSON.stringify(outcome)));
	return `/teach/send/${outcomePrefix}${packed}`;
}
