/**
 * Every size the sync layer enforces, in one place. Bytes unless the name says otherwise.
 */

/**
 * Largest message put on a WebRTC data channel. Chrome refuses more than 256 KiB and says
 * nothing (y-webrtc#20); Firefox ⇔ Chrome tops out at 16 KiB. Anything larger is chunked.
 */
export const MAX_DATA_CHANNEL_MESSAGE_BYTES = 16 * 1024;

/**
 * Largest document update accepted from a peer (sync step 2 carries a whole project: a 1,000-shot
 * board is well under 2 MiB). Anything larger is refused before it is decoded.
 */
export const MAX_REMOTE_UPDATE_BYTES = 32 * 1024 * 1024;

/** Largest awareness (presence) message: a few hundred bytes per person is normal. */
export const MAX_AWARENESS_UPDATE_BYTES = 64 * 1024;

/** A reassembled message may not be larger than the largest thing anyone may send. */
export const MAX_REASSEMBLED_MESSAGE_BYTES = MAX_REMOTE_UPDATE_BYTES + 1024;

/** Deepest nesting of a JSON-ish value inside an update (our records are 3 deep). */
export const MAX_VALUE_DEPTH = 32;

/** Distinct root names one update may create; a project has fewer than a dozen. */
export const MAX_ROOT_NAMES_PER_UPDATE = 256;

/** A single struct's length (a run of deleted items, say); real documents stay far below. */
export const MAX_STRUCT_LENGTH = 2 ** 32;

/** A peer whose messages are refused this many times is disconnected. */
export const REJECTIONS_BEFORE_DISCONNECT = 3;
