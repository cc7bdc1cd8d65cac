import MiniSearch, { type SearchResult } from 'minisearch';
import type { ProjectId } from '../model/ids';
import type { SearchDocument } from '../model/searchDocument';
import { findPhrase, foldText } from './phrase';

/** One result as the palette shows it. */
export interface SearchHit {
  readonly id: string;
  readonly kind: SearchDocument['kind'];
  readonly projectId: ProjectId;
  readonly projectTitle: string;
  readonly sceneId: SearchDocument['sceneId'];
  readonly shotId: SearchDocument['shotId'];
  readonly label: string;
  /** The line the query was found on (a line of dialogue, of action…), or '' for none. */
  readonly snippet: string;
  readonly score: number;
}

const FIELDS = ['label', 'dialogue', 'text', 'tags'] as const;

/**
 * Scores are multiplied by these when the whole query appears as typed (words in order): the
 * line you typed outranks shots that only share some of its words. Dialogue first, because
 * "typing a line of dialogue jumps to its shot" is what the palette promises.
 */
const PHRASE_BOOST = { dialogue: 8, label: 4, text: 4, tags: 4 } as const;

/** How many of MiniSearch's best are re-ranked by phrase; the rest keep their place below. */
const RERANK_WINDOW = 100;

export interface SearchOptions {
  readonly limit?: number | undefined;
}

/**
 * Every project's search documents in one MiniSearch index, replaced a project at a time. A
 * changed document is discarded and added again; unchanged ones are left alone, so an edit to
 * one shot of a 5,000-shot project touches one entry.
 */
export class SearchIndex {
  private readonly mini = new MiniSearch<SearchDocument>({
    fields: [...FIELDS],
    processTerm: (term) => foldText(term) || null,
    searchOptions: {
      boost: { label: 2, dialogue: 1.5, tags: 2 },
      // Typing: the last word is usually unfinished.
      prefix: (_term, i, terms) => i === terms.length - 1,
      // A slip of one letter in longer words still finds the shot.
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      maxFuzzy: 1,
    },
  });
  private readonly byProject = new Map<ProjectId, Map<string, SearchDocument>>();
  private readonly byId = new Map<string, SearchDocument>();

  /** How many documents are indexed, over how many projects. */
  get size(): { readonly documents: number; readonly projects: number } {
    return { documents: this.byId.size, projects: this.byProject.size };
  }

  /** Makes `docs` the project's documents: new ones added, changed ones replaced, gone removed. */
  replaceProject(projectId: ProjectId, docs: readonly SearchDocument[]): void {
    const before = this.byProject.get(projectId) ?? new Map<string, SearchDocument>();
    const after = new Map<string, SearchDocument>();
    const added: SearchDocument[] = [];
    for (const doc of docs) {
      if (doc.projectId !== projectId) {
        throw new Error(
          `Search document ${doc.id} belongs to project ${doc.projectId}, not ${projectId}.`,
        );
      }
      after.set(doc.id, doc);
      const old = before.get(doc.id);
      if (old && sameDocument(old, doc)) continue;
      if (old) this.mini.discard(doc.id);
      added.push(doc);
    }
    for (const id of before.keys()) {
      if (!after.has(id)) {
        this.mini.discard(id);
        this.byId.delete(id);
      }
    }
    this.mini.addAll(added);
    for (const doc of added) this.byId.set(doc.id, doc);
    if (after.size > 0) this.byProject.set(projectId, after);
    else this.byProject.delete(projectId);
  }

  removeProject(projectId: ProjectId): void {
    this.replaceProject(projectId, []);
  }

  projects(): ProjectId[] {
    return [...this.byProject.keys()];
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 50;
    const phrase = foldText(query).replace(/\s+/g, ' ').trim();
    if (phrase === '') return [];
    // A typed line has enough words to find its shot; fuzzy matching each of them only costs
    // time (a 12-word line with fuzzy terms took five times as long over 10,000 shots).
    const words = phrase.split(' ').length;
    const fuzzy = words >= 4 ? { fuzzy: false as const } : {};
    // Every word must be there: OR over a typed line scores every shot that holds "the" (most of
    // them), which made a line's query take hundreds of milliseconds over 10,000 shots. Only
    // when no shot has them all do shots with some of them come back.
    const terms = { ...fuzzy, processTerm: termsToLookUp(phrase) };
    let results = this.mini.search(query, { ...terms, combineWith: 'AND' });
    if (results.length === 0 && words > 1) {
      results = this.mini.search(query, { ...terms, combineWith: 'OR' });
    }
    const scored = results.slice(0, RERANK_WINDOW).map((result) => {
      const doc = this.documentOf(result);
      const found = words > 1 ? phraseIn(doc, phrase) : null;
      return { doc, result, score: result.score * (found?.boost ?? 1), line: found?.line ?? null };
    });
    scored.sort((a, b) => b.score - a.score);
    const rest = results
      .slice(RERANK_WINDOW, RERANK_WINDOW + Math.max(0, limit - scored.length))
      .map((result) => ({ doc: this.documentOf(result), result, score: result.score, line: null }));
    return [...scored, ...rest].slice(0, limit).map(({ doc, result, score, line }) => ({
      id: doc.id,
      kind: doc.kind,
      projectId: doc.projectId,
      projectTitle: doc.projectTitle,
      sceneId: doc.sceneId,
      shotId: doc.shotId,
      label: doc.label,
      snippet: line ?? firstLineWith(doc, result.terms),
      score,
    }));
  }

  private documentOf(result: SearchResult): SearchDocument {
    const doc = this.byId.get(String(result.id));
    if (!doc) {
      throw new Error(`The search index returned ${String(result.id)}, which it does not hold.`);
    }
    return doc;
  }
}

/**
 * Words too common to narrow anything down (English function words): looked up, each scores
 * most of the index for nothing. Left out of a query that has other words; the phrase check
 * still reads them, so "I know why" still ranks the line with exactly those words first.
 */
const COMMON_WORDS = new Set(
  'a an and are as at be but by for from he her his i if in is it its me my no not of on or our she so that the their them then there they this to was we were what when who why will with you your'.split(
    ' ',
  ),
);

function termsToLookUp(phrase: string): (term: string) => string | null {
  const all = phrase.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  const someRare = all.some((word) => !COMMON_WORDS.has(word));
  return (term) => {
    const folded = foldText(term);
    if (folded === '') return null;
    return someRare && COMMON_WORDS.has(folded) ? null : folded;
  };
}

/** Where the whole query appears as typed, and how much that lifts the result. */
function phraseIn(doc: SearchDocument, phrase: string): { line: string; boost: number } | null {
  for (const field of ['dialogue', 'label', 'text', 'tags'] as const) {
    const line = findPhrase(doc[field], phrase);
    if (line !== null) return { line, boost: PHRASE_BOOST[field] };
  }
  return null;
}

function sameDocument(a: SearchDocument, b: SearchDocument): boolean {
  return (
    a.label === b.label &&
    a.dialogue === b.dialogue &&
    a.text === b.text &&
    a.tags === b.tags &&
    a.projectTitle === b.projectTitle &&
    a.sceneId === b.sceneId &&
    a.shotId === b.shotId
  );
}

/** The first line of dialogue or text that holds one of the matched terms. */
function firstLineWith(doc: SearchDocument, terms: readonly string[]): string {
  for (const field of ['dialogue', 'text'] as const) {
    for (const line of doc[field].split('\n')) {
      const folded = foldText(line);
      if (terms.some((term) => folded.includes(term))) return line;
    }
  }
  return '';
}
