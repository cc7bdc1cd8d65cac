import { APPROVAL_LABELS, type Approval } from '../../model/approval';
import { CAMERA_ANGLE_LABELS, CAMERA_MOVE_LABELS, SHOT_TYPE_LABELS } from '../../model/camera';
import { isExternal, threadsOf, type Comment, type CommentThread } from '../../model/comment';
import type { AssetHash, ShotId } from '../../model/ids';
import { timelineShots, totalDuration, type ProjectSnapshot } from '../../model/project';
import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';
import { formatDuration } from '../../model/units';
import { bytesToBase64 } from '../base64';
import { fileSlug } from '../fileNames';
import { REVIEW_NOTE_MAX_CHARS, REVIEWER_NAME_MAX_CHARS } from './reviewFile';
import { REVIEW_PAGE_SCRIPT } from './reviewPageScript';
import { REVIEW_PAGE_STYLE } from './reviewPageStyle';

/**
 * The review page: one HTML file a client opens with no Frameline and no network — the boards
 * with their frames (data: URIs), the animatic player, shot details, the team's comments and
 * approvals, and a verdict and a comment box per shot that "Download review" saves as a small
 * file (reviewFile.ts) the team imports back.
 *
 * Pure (runs in Node): frames come in as bytes. Every project text is escaped; the page's own
 * Content-Security-Policy allows nothing but its one script and one style sheet (by hash) and
 * data: pictures, so a title or a line of dialogue can never become code, and the page can
 * load nothing from anywhere.
 */
export interface ReviewPageInput {
  readonly projectId: string;
  readonly snapshot: ProjectSnapshot;
  readonly comments: readonly Comment[];
  readonly approvals: ReadonlyMap<ShotId, Approval>;
  /** Frames by hash, as the asset store holds them (type sniffed from the bytes). */
  readonly frames: ReadonlyMap<AssetHash, { readonly bytes: Uint8Array; readonly type: string }>;
  /** The shots' sound clips by hash; those missing (or past the budget) are left out. */
  readonly sounds?: ReadonlyMap<AssetHash, { readonly bytes: Uint8Array; readonly type: string }>;
  readonly exportedAt: number;
}

/**
 * Sound is embedded while it is cheap: past this many bytes of recordings the page would be
 * mostly audio, so later clips are left out and the boards play silent there.
 */
export const REVIEW_SOUND_BUDGET_BYTES = 20_000_000;

/** Picture types a browser shows in an <img>; anything else is left out (SVG never gets here). */
const PICTURE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif']);

export async function buildReviewPage(input: ReviewPageInput): Promise<string> {
  const { snapshot } = input;
  const title = snapshot.meta.title || 'Untitled';
  const shots = timelineShots(snapshot);
  const [scriptHash, styleHash] = await Promise.all([
    sha256Base64(REVIEW_PAGE_SCRIPT),
    sha256Base64(REVIEW_PAGE_STYLE),
  ]);
  const pictures = new Map<AssetHash, string>();
  for (const [hash, frame] of input.frames) {
    if (PICTURE_TYPES.has(frame.type)) {
      pictures.set(hash, `data:${frame.type};base64,${bytesToBase64(frame.bytes)}`);
    }
  }
  const sounds = soundUris(shots, input.sounds ?? new Map());
  const threads = threadsOf(input.comments, new Map());
  const exported = new Date(input.exportedAt).toISOString().slice(0, 10);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reviewPagePolicy(scriptHash, styleHash)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Frameline">
<title>${text(title)} — review</title>
<style>${REVIEW_PAGE_STYLE}</style>
</head>
<body data-project-id="${text(input.projectId)}" data-review-file="${text(`${fileSlug(title)}-review-notes.json`)}">
<header class="top">
<div>
<h1>${text(title)}</h1>
<p class="meta muted">${shots.length} ${shots.length === 1 ? 'shot' : 'shots'} · ${formatDuration(totalDuration(snapshot))} · exported ${exported} from Frameline</p>
</div>
<div class="you review-box">
<label class="field">Your name<input id="reviewer" autocomplete="name" maxlength="${REVIEWER_NAME_MAX_CHARS}"></label>
<button type="button" class="primary" id="download">Download review</button>
<p id="download-status" class="muted" role="status"></p>
</div>
</header>
<main>
<section class="player" aria-label="Animatic player">
<div class="screen" id="screen" data-index="0">
<img id="screen-picture" alt="Current board" hidden>
<p class="screen-label" id="screen-label"></p>
<p class="screen-caption" id="screen-caption" hidden></p>
</div>
<div class="controls">
<button type="button" id="prev" aria-label="Previous board">◀ Prev</button>
<button type="button" id="play" aria-pressed="false">Play</button>
<button type="button" id="next" aria-label="Next board">Next ▶</button>
<progress id="progress" max="1" value="0" aria-label="Animatic position"></progress>
<span id="position" class="muted"></span>
</div>
</section>
${scenesHtml(snapshot.scenes, shots, { pictures, sounds }, threads, input.approvals)}
</main>
<footer class="muted">Mark each shot and write what you think, then <strong>Download review</strong> and send the file to the team. Nothing leaves this page unless you send it. Space plays and pauses, ← and → step through the boards.</footer>
<script>${REVIEW_PAGE_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * Nothing from anywhere: no connections, frames, forms or base; pictures and sound only as
 * data: URIs; the one script and style sheet by their SHA-256.
 */
export function reviewPagePolicy(scriptHash: string, styleHash: string): string {
  return [
    "default-src 'none'",
    'img-src data:',
    'media-src data:',
    `style-src 'sha256-${styleHash}'`,
    `script-src 'sha256-${scriptHash}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

interface Media {
  readonly pictures: ReadonlyMap<AssetHash, string>;
  readonly sounds: ReadonlyMap<AssetHash, string>;
}

/** data: URIs of the clips the boards play, in board order, until the budget is spent. */
function soundUris(
  shots: readonly Shot[],
  found: ReadonlyMap<AssetHash, { readonly bytes: Uint8Array; readonly type: string }>,
): Map<AssetHash, string> {
  const uris = new Map<AssetHash, string>();
  let spent = 0;
  for (const clip of shots.flatMap((s) => s.audio)) {
    const sound = found.get(clip.assetHash);
    if (!sound || uris.has(clip.assetHash) || !/^audio\/[\w.+-]+$/.test(sound.type)) continue;
    if (spent + sound.bytes.byteLength > REVIEW_SOUND_BUDGET_BYTES) continue;
    spent += sound.bytes.byteLength;
    uris.set(clip.assetHash, `data:${sound.type};base64,${bytesToBase64(sound.bytes)}`);
  }
  return uris;
}

function scenesHtml(
  scenes: readonly Scene[],
  shots: readonly Shot[],
  media: Media,
  threads: readonly CommentThread[],
  approvals: ReadonlyMap<ShotId, Approval>,
): string {
  const out: string[] = [];
  let index = 0;
  for (const scene of scenes) {
    const ofScene = shots.filter((s) => s.sceneId === scene.id);
    if (ofScene.length === 0) continue;
    const sceneThreads = threads.filter(
      (t) => t.target.kind === 'scene' && t.target.id === scene.id,
    );
    out.push(`<h2 class="scene-heading">${text(`${scene.number}. ${scene.heading}`)}</h2>`);
    if (sceneThreads.length > 0) out.push(commentsHtml(sceneThreads, 'scene-comments'));
    out.push('<ol class="boards">');
    for (const shot of ofScene) {
      const shotThreads = threads.filter(
        (t) => t.target.kind === 'shot' && t.target.id === shot.id,
      );
      out.push(boardHtml(shot, scene.heading, index++, media, shotThreads, approvals.get(shot.id)));
    }
    out.push('</ol>');
  }
  // A shot whose scene is not listed (a damaged record) still plays, after the others.
  const placed = new Set(scenes.map((s) => s.id));
  const loose = shots.filter((s) => !placed.has(s.sceneId));
  if (loose.length > 0) {
    out.push('<h2 class="scene-heading">Other shots</h2><ol class="boards">');
    for (const shot of loose)
      out.push(boardHtml(shot, '', index++, media, [], approvals.get(shot.id)));
    out.push('</ol>');
  }
  return out.join('\n');
}

function boardHtml(
  shot: Shot,
  heading: string,
  index: number,
  { pictures, sounds }: Media,
  threads: readonly CommentThread[],
  approval: Approval | undefined,
): string {
  const label = `Shot ${shot.number}`;
  const picture = shot.frameHash ? pictures.get(shot.frameHash) : undefined;
  const caption = shot.dialogue.map((d) => d.line).join(' ');
  const camera = [
    SHOT_TYPE_LABELS[shot.shotType],
    CAMERA_ANGLE_LABELS[shot.cameraAngle],
    CAMERA_MOVE_LABELS[shot.cameraMove],
  ].join(' · ');
  const dialogue = shot.dialogue
    .map(
      (d) =>
        `<p><span class="speaker">${text(d.speaker)}</span>${d.parenthetical ? ` <i>(${text(d.parenthetical)})</i>` : ''}<br>${text(d.line)}</p>`,
    )
    .join('');
  // Played by the page's script from the board's start (a pre-lap starts at the cut, skipping
  // what came before it): the player is a review aid, the render is the reference.
  const audio = shot.audio
    .flatMap((clip) => {
      const uri = sounds.get(clip.assetHash);
      return uri
        ? [
            `<audio class="clip" preload="auto" src="${uri}" data-offset-ms="${Math.round(clip.offsetMs)}" data-volume="${clip.volume}"></audio>`,
          ]
        : [];
    })
    .join('');
  const state = approval?.state ?? 'draft';
  const by = approval ? ` · ${text(approval.author.name)}` : '';
  return `<li class="board" id="board-${index + 1}" data-shot-id="${text(shot.id)}" data-duration-ms="${Math.round(shot.durationMs)}" data-label="${text(`${label} · ${formatDuration(shot.durationMs)}`)}" data-caption="${text(caption)}">
<button type="button" class="thumb" aria-label="Show ${text(label)} in the player">${
    picture ? `<img src="${picture}" alt="${text(label)}">` : '<span class="empty">No frame</span>'
  }</button>
${audio}<div class="details">
<h3>${text(label)} <span class="muted">${formatDuration(shot.durationMs)}</span></h3>
${heading ? `<p class="muted">${text(heading)}</p>` : ''}
<p class="camera muted">${text(camera)}</p>
${shot.action ? `<p class="action">${text(shot.action)}</p>` : ''}
${dialogue ? `<div class="dialogue">${dialogue}</div>` : ''}
<p><span class="state ${state}">${text(APPROVAL_LABELS[state])}${by}</span></p>
${threads.length > 0 ? commentsHtml(threads, '') : ''}
</div>
<div class="review-box">
<fieldset class="verdict"><legend>Your verdict on ${text(label)}</legend>
<button type="button" data-verdict="approved" aria-pressed="false">Approve</button>
<button type="button" data-verdict="changes-requested" aria-pressed="false">Request changes</button>
</fieldset>
<label class="field">Your comment on ${text(label)}<textarea maxlength="${REVIEW_NOTE_MAX_CHARS}"></textarea></label>
</div>
</li>`;
}

function commentsHtml(threads: readonly CommentThread[], className: string): string {
  const items = threads.flatMap((thread) =>
    thread.comments.map((comment, i) => {
      const outside = isExternal(comment)
        ? ' <span class="outside">from a review page, not signed</span>'
        : '';
      return `<li${i > 0 ? ' class="reply"' : ''}><strong>${text(comment.author.name)}</strong>${outside}<div class="comment-body">${text(comment.body)}</div></li>`;
    }),
  );
  return `<ul class="comments ${className}" aria-label="Comments">${items.join('')}</ul>`;
}

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function text(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

async function sha256Base64(source: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(source));
  return bytesToBase64(new Uint8Array(digest));
}
