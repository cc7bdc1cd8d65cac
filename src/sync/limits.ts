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

// The shape of an update (nesting, shared types, struct counts) is bounded wherever updates
// come from, so those limits live with the guard: store/updateGuard/limits.ts.

/** A peer whose messages are refused this many times is disconnected. */
export const REJECTIONS_BEFORE_DISCONNECT = 3;
