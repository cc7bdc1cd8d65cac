/**
 * Message types on a document link. The same numbers y-websocket and y-webrtc use, so one link
 * speaks to a peer and to a y-websocket server alike.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
/** Sent by y-websocket servers with auth: `[2, 0, reason]` means permission denied. */
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * Frameline's own: a document update in a signed envelope (sync/roles/signedUpdate.ts), used in
 * rooms with roles instead of plain sync step 2 and update messages. y-protocols stop at 3.
 */
export const MESSAGE_SIGNED_SYNC = 5;

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;
