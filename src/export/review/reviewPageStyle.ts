/**
 * The review page's style sheet, inlined and allowed by its hash (reviewPage.ts), so the page
 * carries no inline style attributes. Light and dark follow the reader's system setting.
 */
export const REVIEW_PAGE_STYLE = `
:root { color-scheme: light dark; --bg: #f6f6f8; --card: #ffffff; --text: #1b1b1f;
  --muted: #5d5d6b; --line: #d9d9e1; --accent: #2f6fdb; --ok: #237a3b; --warn: #b3541e;
  --screen: #111114; --outside: #6b7280; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #141418; --card: #1e1e24; --text: #ececf1; --muted: #a5a5b4; --line: #34343e;
    --accent: #7aa7ff; --ok: #6fd08a; --warn: #f2a06b; --screen: #000000; --outside: #9ca3af; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header.top { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: end;
  justify-content: space-between; padding: 16px 24px; border-bottom: 1px solid var(--line);
  background: var(--card); }
h1 { margin: 0; font-size: 22px; }
.muted { color: var(--muted); }
.meta { margin: 2px 0 0; }
.you { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; }
label.field { display: grid; gap: 2px; font-size: 13px; color: var(--muted); }
input, textarea { font: inherit; color: var(--text); background: var(--bg);
  border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; }
textarea { width: 100%; min-height: 64px; resize: vertical; }
button { font: inherit; color: var(--text); background: var(--card); cursor: pointer;
  border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; }
button:hover { border-color: var(--accent); }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid var(--accent);
  outline-offset: 2px; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
@media (prefers-color-scheme: dark) { button.primary { color: #0b1020; } }
main { max-width: 1180px; margin: 0 auto; padding: 16px 24px 48px; }
.player { padding: 8px 0 12px; }
.screen { position: relative; width: min(100%, 720px); height: min(405px, 56vh); margin: 0 auto;
  background: var(--screen); border-radius: 6px; overflow: hidden; }
.screen img { display: block; width: 100%; height: 100%; object-fit: contain; }
.screen .empty { color: #9a9aa8; }
.screen-label { position: absolute; top: 8px; left: 8px; margin: 0; padding: 2px 8px;
  border-radius: 4px; background: rgba(0, 0, 0, 0.6); color: #fff; font-weight: 600; }
.screen-caption { position: absolute; left: 8%; right: 8%; bottom: 8px; margin: 0;
  text-align: center; color: #fff; text-shadow: 0 1px 3px #000; font-size: 16px; }
.controls { display: flex; gap: 8px; align-items: center; justify-content: center;
  flex-wrap: wrap; margin-top: 8px; }
.controls progress { width: min(320px, 60vw); }
body:not(.scripted) .player, body:not(.scripted) .review-box { display: none; }
.scene-heading { margin: 24px 0 8px; font-size: 16px; letter-spacing: 0.02em; }
.scene-comments { margin: 0 0 8px; }
ol.boards { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
.board { display: grid; grid-template-columns: minmax(200px, 300px) 1fr minmax(220px, 300px);
  gap: 16px; padding: 12px; background: var(--card); border: 1px solid var(--line);
  border-radius: 8px; }
.board[aria-current="true"] { border-color: var(--accent); box-shadow: 0 0 0 1px var(--accent); }
@media (max-width: 900px) { .board { grid-template-columns: 1fr; } }
.thumb { align-self: start; padding: 0; border: 0; background: var(--screen); border-radius: 4px; overflow: hidden;
  display: grid; place-items: center; min-height: 120px; width: 100%; }
.thumb img { display: block; width: 100%; height: auto; max-height: 240px; object-fit: contain; }
.thumb .empty { color: #9a9aa8; padding: 40px 0; }
.details h3 { margin: 0 0 2px; font-size: 17px; }
.details p { margin: 4px 0; }
.camera { font-size: 13px; }
.action, .comment-body { white-space: pre-wrap; overflow-wrap: anywhere; }
.dialogue { margin: 6px 0; padding-left: 12px; border-left: 3px solid var(--line); }
.speaker { font-weight: 600; letter-spacing: 0.03em; }
.state { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 999px;
  border: 1px solid var(--line); }
.state.approved { color: var(--ok); border-color: var(--ok); }
.state.changes-requested { color: var(--warn); border-color: var(--warn); }
ul.comments { list-style: none; margin: 8px 0 0; padding: 0; display: grid; gap: 6px; }
ul.comments li { font-size: 13px; padding: 6px 8px; border-radius: 6px; background: var(--bg); }
ul.comments li.reply { margin-left: 16px; }
.outside { color: var(--outside); font-style: italic; }
.verdict { border: 0; margin: 0 0 8px; padding: 0; display: flex; gap: 6px; flex-wrap: wrap; }
.verdict legend { font-size: 13px; color: var(--muted); padding: 0; margin-bottom: 4px; }
.verdict button[aria-pressed="true"][data-verdict="approved"] { background: var(--ok);
  border-color: var(--ok); color: #fff; }
.verdict button[aria-pressed="true"][data-verdict="changes-requested"] { background: var(--warn);
  border-color: var(--warn); color: #fff; }
@media (prefers-color-scheme: dark) {
  .verdict button[aria-pressed="true"] { color: #0b1020 !important; }
}
footer { max-width: 1180px; margin: 0 auto; padding: 0 24px 32px; font-size: 13px; }
`;
