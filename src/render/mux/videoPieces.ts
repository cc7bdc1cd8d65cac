import {
  ALL_FORMATS,
  BufferSource,
  EncodedPacketSink,
  EncodedVideoPacketSource,
  Input,
} from 'mediabunny';
import type { FramesPerSecond } from '../../model/units';

/**
 * Joins separately encoded pieces of one video (each starting with a key frame, all made with
 * the same encoder settings) into one track, by copying their packets: ffmpeg.wasm encodes the
 * pieces, mediabunny writes the file, so no second ffmpeg run has to hold every piece and the
 * finished file in its memory at once. Packets are re-stamped on the output's frame grid.
 */
export class VideoPieceWriter {
  readonly source: EncodedVideoPacketSource;
  #sentConfig = false;
  #packets = 0;
  private readonly frameRate: FramesPerSecond;

  constructor(codec: 'avc' | 'vp8', frameRate: FramesPerSecond) {
    this.source = new EncodedVideoPacketSource(codec);
    this.frameRate = frameRate;
  }

  get packetCount(): number {
    return this.#packets;
  }

  /** Adds a piece (an MP4 or WebM file) whose first frame is frame `startFrame` of the output. */
  async append(bytes: Uint8Array, startFrame: number): Promise<void> {
    const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
    try {
      const track = await input.getPrimaryVideoTrack();
      if (track === null) throw new Error('an encoded piece has no video track');
      let decoderConfig = this.#sentConfig ? null : await track.getDecoderConfig();
      for await (const packet of new EncodedPacketSink(track).packets()) {
        // Whole frames: the pieces are constant frame rate, starting at 0.
        const frame = startFrame + Math.round(packet.timestamp * this.frameRate);
        const stamped = packet.clone({
          timestamp: frame / this.frameRate,
          duration: 1 / this.frameRate,
        });
        // The first packet of the file carries the decoder configuration; the pieces share it.
        await this.source.add(stamped, decoderConfig ? { decoderConfig } : undefined);
        decoderConfig = null;
        this.#sentConfig = true;
        this.#packets += 1;
      }
    } finally {
      input.dispose();
    }
  }
}
