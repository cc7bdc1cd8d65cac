import type { Shot } from '../../model/shot';
import { isClipTake, type Take } from '../../model/take';
import type { ProjectSession } from '../../store';
import { useAssetUrl } from '../common/useAssetUrl';

function TakeButton({
  take,
  index,
  current,
  onPick,
}: {
  take: Take;
  index: number;
  current: boolean;
  onPick: () => void;
}) {
  const url = useAssetUrl(take.hash);
  const clip = isClipTake(take);
  const when = new Date(take.createdAt).toLocaleString(undefined, {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return (
    <button
      type="button"
      className={`ai-take${current ? ' current' : ''}`}
      aria-pressed={current}
      aria-label={`Take ${index + 1}${clip ? ' (clip)' : ''}: ${take.providerLabel}, ${take.model}, ${when}`}
      title={take.prompt}
      onClick={onPick}
    >
      {url === null ? (
        <span className="ai-take-missing">{clip ? 'no clip' : 'no image'}</span>
      ) : clip ? (
        // The clip's first frame as its thumbnail; it plays in the preview, not here.
        <video src={url} muted playsInline preload="metadata" aria-hidden="true" />
      ) : (
        <img src={url} alt="" />
      )}
      <span className="ai-take-label">
        {index + 1}
        {clip ? ' ▶' : ''}
      </span>
    </button>
  );
}

/**
 * Every generated take of the shot, newest last; pressing one makes it the frame. The live
 * sketch is always one choice away.
 */
export function TakesStrip({
  session,
  shot,
}: {
  readonly session: ProjectSession;
  readonly shot: Shot;
}) {
  if (shot.takes.length === 0) return null;
  const disabled = session.readOnly;
  // Two takes can be the same image (same bytes, same hash): the newest of them is the one shown.
  // A playing clip is the current take; the still under it is one click away ("Use still").
  const current =
    shot.clipHash !== null
      ? shot.takes.findLast((t) => isClipTake(t) && t.hash === shot.clipHash)
      : shot.frameSource === 'ai'
        ? shot.takes.findLast((t) => !isClipTake(t) && t.hash === shot.frameHash)
        : undefined;
  return (
    <div className="ai-takes">
      <div className="ai-takes-head">
        <span className="field-caption">Takes</span>
        {shot.clipHash !== null ? (
          <button
            type="button"
            className="button quiet"
            disabled={disabled}
            onClick={() => session.run('clip/stop', { shotId: shot.id })}
          >
            Use still
          </button>
        ) : null}
        <button
          type="button"
          className="button quiet"
          disabled={disabled || shot.frameSource === 'sketch' || shot.frameSource === null}
          onClick={() => session.run('frame/returnToSketch', { shotId: shot.id })}
        >
          Use sketch
        </button>
        {current ? (
          <button
            type="button"
            className="button quiet danger"
            disabled={disabled}
            aria-label={`Remove take ${shot.takes.indexOf(current) + 1}`}
            onClick={() => session.run('take/remove', { shotId: shot.id, takeId: current.id })}
          >
            Remove take
          </button>
        ) : null}
      </div>
      <div className="ai-take-list" role="group" aria-label="Takes">
        {shot.takes.map((take, i) => (
          <TakeButton
            key={take.id}
            take={take}
            index={i}
            current={take === current}
            onPick={() =>
              !disabled && session.run('take/choose', { shotId: shot.id, takeId: take.id })
            }
          />
        ))}
      </div>
      {current ? (
        <p className="muted ai-take-meta">
          Take {shot.takes.indexOf(current) + 1} · {current.providerLabel} · {current.model}
        </p>
      ) : null}
    </div>
  );
}
