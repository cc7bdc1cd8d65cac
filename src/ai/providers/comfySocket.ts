/**
 * ComfyUI reports progress over a websocket. Browsers have one; Node 20 (the unit tests) does
 * not without a flag, so the socket is a small seam: the adapter works without it (it polls
 * /history for the result) and reports progress when it has one.
 */
export interface ProgressSocket {
  close(): void;
}

export type OpenSocket = (url: string, onMessage: (text: string) => void) => ProgressSocket | null;

export const browserSocket: OpenSocket = (url, onMessage) => {
  if (typeof WebSocket === 'undefined') return null;
  const socket = new WebSocket(url);
  socket.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Binary messages are preview images; only the JSON status messages matter here.
    if (typeof event.data === 'string') onMessage(event.data);
  });
  // A socket that cannot connect only costs the progress bar; polling still finds the result.
  socket.addEventListener('error', () => undefined);
  return { close: () => socket.close() };
};
