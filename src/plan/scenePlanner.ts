import type { ShotType } from '../model/camera';
import type { CharacterId } from '../model/ids';
import type { IntExt } from '../model/scene';
import { ms } from '../model/units';
import type { ScriptElement } from '../script/types';
import type { Cast } from './cast';
import { ESTABLISHING_SHOT_MS, estimateActionMs } from './durations';
import { exchangeShots } from './exchanges';
import { isPlainTransition } from './onScreen';
import type { ShotDraft } from './shotDraft';
import {
  actionShotType,
  describedShotType,
  establishingShotType,
  TITLE_CARD_SHOT_TYPE,
} from './shotTypes';
import { addParenthetical, addSpokenLine, closeSpeech, startSpeech, type Speech } from './speech';

export interface SceneContext {
  /** The heading as written; null for a cold open, which gets no establishing shot. */
  readonly heading: string | null;
  readonly intExt: IntExt;
}

/**
 * Turns one scene's elements into shots:
 * - an establishing shot of the place first, which takes the scene's opening action paragraph
 *   as its action when the scene opens with one (so that paragraph is not boarded twice);
 * - one shot per further action paragraph, and one per centered title card;
 * - a shot line (Final Draft's "Shot", `CLOSE ON THE LETTER` in Fountain or PDF) starts a new
 *   shot described by it, framed as it says (shotTypes.ts), which takes the action paragraph
 *   right after it as its own (`CLOSE ON THE LETTER` + `It reads: "Sorry."` is one shot);
 * - one shot per exchange, a run of consecutive speeches, split when long (see exchanges.ts);
 * - notes go to the shot they were written in (or the one before them).
 * Transitions (also plain `FADE OUT.`), sections, synopses and page breaks end an exchange but
 * make no shot.
 */
export function planSceneShots(
  scene: SceneContext,
  elements: readonly ScriptElement[],
  cast: Cast,
): ShotDraft[] {
  const planner = new ScenePlanner(scene, cast);
  for (const element of elements) planner.add(element);
  return planner.finish();
}

class ScenePlanner {
  private readonly drafts: ShotDraft[] = [];
  private readonly establishing: ShotDraft | null = null;
  /** The establishing shot may still take the scene's opening action as its own. */
  private establishingTakesAction = false;
  /**
   * Characters named in a heading that is not a place (a forced `.NAK` or `.SCOTT, IN THE
   * KITCHEN` is a shot description). `INT. SCOTT'S APARTMENT` names a place, not who is in it.
   */
  private readonly namedInHeading: CharacterId[] = [];
  private speeches: Speech[] = [];
  /** Notes met before any shot existed (in a cold open); they go to its first shot. */
  private readonly earlyNotes: string[] = [];
  /** The shot a shot line just started: it takes the action paragraph that follows it. */
  private describedShot: { draft: ShotDraft; framing: ShotType | null } | null = null;

  constructor(
    scene: SceneContext,
    private readonly cast: Cast,
  ) {
    if (scene.heading === null) return;
    if (scene.intExt === 'NONE') this.namedInHeading = cast.mentionedIn(scene.heading);
    this.establishing = {
      shotType: establishingShotType(scene.heading, scene.intExt),
      durationMs: ESTABLISHING_SHOT_MS,
      action: scene.heading,
      dialogue: [],
      characterIds: this.namedInHeading,
      notes: [],
    };
    this.drafts.push(this.establishing);
    this.establishingTakesAction = true;
  }

  add(element: ScriptElement): void {
    const speech = this.speeches.at(-1);
    // Only the action paragraph right after a shot line belongs to that shot.
    if (element.type !== 'note' && element.type !== 'action') this.describedShot = null;
    switch (element.type) {
      case 'character':
        this.startSpeech(element.text);
        return;
      case 'parenthetical':
        if (speech) addParenthetical(speech, element.text);
        else this.addAction(element.text);
        return;
      case 'dialogue':
      case 'lyrics':
        if (speech) addSpokenLine(speech, element.text);
        else this.addAction(element.text);
        return;
      case 'action':
        if (isPlainTransition(element.text)) {
          this.describedShot = null;
          this.closeExchange();
        } else this.addAction(element.text);
        return;
      case 'note':
        this.addNote(element.text);
        return;
      case 'centered':
        this.addTitleCard(element.text);
        return;
      case 'shot':
        this.addDescribedShot(element.text);
        return;
      default:
        this.closeExchange();
    }
  }

  finish(): ShotDraft[] {
    this.closeExchange();
    this.drafts[0]?.notes.unshift(...this.earlyNotes);
    return this.drafts;
  }

  private startSpeech(name: string): void {
    const previous = this.speeches.at(-1);
    if (previous) closeSpeech(previous);
    this.establishingTakesAction = false;
    this.speeches.push(startSpeech(this.cast.nameOf(name)));
  }

  private closeExchange(): void {
    const last = this.speeches.at(-1);
    if (!last) return;
    closeSpeech(last);
    this.drafts.push(...exchangeShots(this.speeches, this.cast));
    this.speeches = [];
  }

  private addAction(text: string): void {
    this.closeExchange();
    const action = text.trim();
    if (this.describedShot) {
      this.describeFurther(this.describedShot, action);
      this.describedShot = null;
      return;
    }
    const characterIds = this.cast.mentionedIn(action);
    if (this.establishing && this.establishingTakesAction) {
      this.establishingTakesAction = false;
      this.establishing.action = action;
      this.establishing.characterIds = [...new Set([...this.namedInHeading, ...characterIds])];
      // The opening paragraph still has to be read: never shorter than its reading time.
      const readingMs = estimateActionMs(action);
      this.establishing.durationMs = ms(Math.max(ESTABLISHING_SHOT_MS, readingMs));
      return;
    }
    this.drafts.push({
      shotType: actionShotType(action, characterIds.length),
      durationMs: estimateActionMs(action),
      action,
      dialogue: [],
      characterIds,
      notes: [],
    });
  }

  /** `CLOSE ON THE LETTER`: a new shot, framed as the line says, described by it. */
  private addDescribedShot(text: string): void {
    this.closeExchange();
    this.establishingTakesAction = false;
    const description = text.trim();
    const framing = describedShotType(description);
    const characterIds = this.cast.mentionedIn(description);
    const draft: ShotDraft = {
      shotType: framing ?? actionShotType(description, characterIds.length),
      durationMs: estimateActionMs(description),
      action: description,
      dialogue: [],
      characterIds,
      notes: [],
    };
    this.drafts.push(draft);
    this.describedShot = { draft, framing };
  }

  /** The action under a shot line is what that shot shows. */
  private describeFurther(shot: { draft: ShotDraft; framing: ShotType | null }, action: string) {
    const { draft, framing } = shot;
    draft.action = `${draft.action}\n${action}`;
    draft.characterIds = this.cast.mentionedIn(draft.action);
    draft.durationMs = estimateActionMs(draft.action);
    draft.shotType = framing ?? actionShotType(draft.action, draft.characterIds.length);
  }

  private addTitleCard(text: string): void {
    this.closeExchange();
    this.establishingTakesAction = false;
    this.drafts.push({
      shotType: TITLE_CARD_SHOT_TYPE,
      durationMs: estimateActionMs(text),
      action: text.trim(),
      dialogue: [],
      characterIds: [],
      notes: [],
    });
  }

  /** A note belongs to the speech or shot it was written in. */
  private addNote(text: string): void {
    const speech = this.speeches.at(-1);
    if (speech) speech.notes.push(text);
    else if (this.drafts.length > 0) this.drafts.at(-1)?.notes.push(text);
    else this.earlyNotes.push(text);
  }
}
