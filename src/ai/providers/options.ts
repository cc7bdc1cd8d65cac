/**
 * What an adapter is built from: the user's provider settings with the kind's defaults filled
 * in (catalog.ts). Never holds the key; that arrives per call in CallContext.
 */
export interface AdapterOptions {
  readonly baseUrl: string;
  /** The main model: the image model for providers that draw, else the text or speech model. */
  readonly model: string;
  /** The text model for providers that do both; empty means `model`. */
  readonly textModel: string;
  /** Speech voice name or id; empty for the provider's default. */
  readonly voice: string;
  /** ComfyUI: the API-format workflow with placeholders; empty for the built-in one. */
  readonly workflow: string;
}
