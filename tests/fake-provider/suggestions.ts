/**
 * The fake's answers to Frameline's suggestion requests, whatever the vendor: a scene review
 * (src/workflows/suggestions/sceneReview.ts) is answered with changes worked out from the shots
 * the prompt lists, a frame check (frameCheck.ts) with a score that names the characters the
 * prompt describes — or, when no picture came with it, with words a schema refuses, as a model
 * that saw nothing might. Everything else: null (the vendor's usual answer).
 */

const REVIEW_MARK = 'storyboard supervisor reviewing the shot plan';
const CHECK_MARK = 'You check a generated storyboard frame';
const SHOTS_HEADER = 'Shots, in order (JSON):';

/** Every string in a request body, in order (prompts sit at different paths per vendor). */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, out));
  else if (value && typeof value === 'object')
    Object.values(value).forEach((v) => stringsOf(v, out));
  return out;
}

/** A picture in any vendor's form: a data URL (OpenAI), base64 with an image type (others). */
function hasPicture(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('data:image/');
  if (Array.isArray(value)) return value.some(hasPicture);
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  const type = record.media_type ?? record.mimeType ?? record.mime_type;
  if (typeof type === 'string' && type.startsWith('image/') && typeof record.data === 'string')
    return record.data.length > 0;
  return Object.values(record).some(hasPicture);
}

interface ListedShot {
  readonly shot: string;
  readonly type: string;
  readonly camera: string;
  readonly seconds: number;
  readonly action: string;
}

const TYPES_TIGHTER: Record<string, string> = { WS: 'MS', EWS: 'WS', MLS: 'MCU', MS: 'CU' };

function review(prompt: string): string {
  const listed = prompt.slice(prompt.indexOf(SHOTS_HEADER) + SHOTS_HEADER.length);
  const shots = JSON.parse(listed.slice(0, listed.lastIndexOf(']') + 1)) as ListedShot[];
  const [first, second] = shots;
  const last = shots.length >= 3 ? shots.at(-1) : undefined;
  const changes = [];
  if (first)
    changes.push({
      shot: first.shot,
      shotType: TYPES_TIGHTER[first.type] ?? 'CU',
      seconds: Math.max(1, first.seconds - 1),
      reason: `Shot ${first.shot} holds too long on a wide frame; come in closer and cut sooner.`,
    });
  if (second)
    changes.push({
      shot: second.shot,
      cameraMove: second.camera === 'dolly' ? 'static' : 'dolly',
      reason: `A slow move on ${second.shot} carries the tension into the next beat.`,
    });
  const words = first?.action.split(/\s+/).slice(0, 4).join(' ') ?? 'the detail';
  return JSON.stringify({
    summary: `The scene needs a closer look at ${words.toLowerCase()}.`,
    changes,
    inserts: first
      ? [
          {
            after: first.shot,
            shotType: 'INSERT',
            cameraMove: 'static',
            seconds: 1.5,
            action: `Close on ${words.toLowerCase()}.`,
            reason: 'An insert shows the audience what the character sees.',
          },
        ]
      : [],
    omits: last ? [{ shot: last.shot, reason: `Shot ${last.shot} repeats an earlier beat.` }] : [],
  });
}

function frameScore(text: string): string {
  const names = [...text.matchAll(/^- ([A-Z][A-Z .'-]+?) —/gm)].map((m) => m[1] ?? '');
  const who = names[0] ?? 'The character';
  return JSON.stringify({
    score: 3,
    matches: ['The framing and the place match the shot.'],
    mismatches: [`${who}'s wardrobe differs from the character sheet.`],
    notes: `Dress ${who} exactly as the character sheet describes.`,
  });
}

export function suggestionAnswer(body: unknown): string | null {
  const strings = stringsOf(body);
  const text = strings.join('\n');
  const prompt = strings.find((s) => s.includes(SHOTS_HEADER));
  if (text.includes(REVIEW_MARK) && prompt) return review(prompt);
  if (text.includes(CHECK_MARK))
    return hasPicture(body) ? frameScore(text) : 'I do not see any picture attached.';
  return null;
}
