/**
 * The review page's only script, inlined into the page and allowed by its hash in the page's
 * Content-Security-Policy (reviewPage.ts). Plain browser JavaScript in a string, because it runs
 * in a page with no Frameline around it: it must not import anything, and its exact text is what
 * the hash covers. It reads everything from the page's own markup (data attributes written and
 * escaped by the builder) and never parses project text as HTML: it only sets textContent and
 * attributes.
 *
 * What it does: the player steps through the boards with their durations (Play/Pause, previous,
 * next; Space, ←, →, Home, End), a board's picture starts the player there, the reviewer's
 * verdict toggles and comments are collected, and "Download review" saves them as the small
 * JSON file reviewFile.ts describes.
 */
export const REVIEW_PAGE_SCRIPT = `(function () {
  'use strict';
  var body = document.body;
  var boards = Array.prototype.slice.call(document.querySelectorAll('.board'));
  var screen = document.getElementById('screen');
  var picture = document.getElementById('screen-picture');
  var caption = document.getElementById('screen-caption');
  var label = document.getElementById('screen-label');
  var position = document.getElementById('position');
  var progress = document.getElementById('progress');
  var play = document.getElementById('play');
  var reviewer = document.getElementById('reviewer');
  var status = document.getElementById('download-status');
  var total = 0;
  var starts = boards.map(function (board) {
    var at = total;
    total += Number(board.getAttribute('data-duration-ms')) || 0;
    return at;
  });
  var index = 0;
  var timer = null;
  var tick = null;
  var startedAt = 0;
  var dirty = false;
  var cues = [];
  var bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  var reviewId = 'r' + Array.prototype.map.call(bytes, function (b) {
    return (b + 256).toString(16).slice(1);
  }).join('');

  function clock(ms) {
    var tenths = Math.round(ms / 100);
    var minutes = Math.floor(tenths / 600);
    var seconds = ((tenths % 600) / 10).toFixed(1);
    return minutes + ':' + (seconds.length < 4 ? '0' : '') + seconds;
  }

  function durationOf(i) {
    return Number(boards[i].getAttribute('data-duration-ms')) || 0;
  }

  function show(i, elapsed) {
    if (boards.length === 0) return;
    index = Math.max(0, Math.min(boards.length - 1, i));
    var board = boards[index];
    boards.forEach(function (b) {
      if (b === board) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    });
    var img = board.querySelector('.thumb img');
    if (img) {
      picture.src = img.getAttribute('src');
      picture.hidden = false;
    } else {
      picture.removeAttribute('src');
      picture.hidden = true;
    }
    screen.setAttribute('data-index', String(index));
    label.textContent = board.getAttribute('data-label');
    caption.textContent = board.getAttribute('data-caption') || '';
    caption.hidden = !caption.textContent;
    var at = starts[index] + (elapsed || 0);
    position.textContent = (index + 1) + ' / ' + boards.length + ' · ' + clock(at) + ' / ' + clock(total);
    progress.value = total > 0 ? at / total : 0;
  }

  function silence() {
    cues.forEach(clearTimeout);
    cues = [];
    Array.prototype.forEach.call(document.querySelectorAll('audio.clip'), function (audio) {
      audio.pause();
    });
  }

  function sound(board) {
    Array.prototype.forEach.call(board.querySelectorAll('audio.clip'), function (audio) {
      var offset = Number(audio.getAttribute('data-offset-ms')) || 0;
      cues.push(setTimeout(function () {
        audio.volume = Math.max(0, Math.min(1, Number(audio.getAttribute('data-volume')) || 0));
        audio.currentTime = Math.max(0, -offset) / 1000;
        var playing = audio.play();
        if (playing) playing.catch(function () {});
      }, Math.max(0, offset)));
    });
  }

  function stop() {
    silence();
    if (timer !== null) clearTimeout(timer);
    if (tick !== null) clearInterval(tick);
    timer = null;
    tick = null;
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
  }

  function schedule() {
    startedAt = Date.now();
    sound(boards[index]);
    timer = setTimeout(function () {
      if (index >= boards.length - 1) {
        show(index, durationOf(index));
        stop();
        return;
      }
      show(index + 1);
      schedule();
    }, durationOf(index));
  }

  function start() {
    if (boards.length === 0) return;
    if (index >= boards.length - 1 && timer === null) show(0);
    stop();
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    schedule();
    tick = setInterval(function () {
      show(index, Math.min(durationOf(index), Date.now() - startedAt));
    }, 250);
  }

  function toggle() {
    if (timer === null) start();
    else stop();
  }

  function go(i) {
    var playing = timer !== null;
    stop();
    show(i);
    if (playing) start();
  }

  play.addEventListener('click', toggle);
  document.getElementById('prev').addEventListener('click', function () { go(index - 1); });
  document.getElementById('next').addEventListener('click', function () { go(index + 1); });
  boards.forEach(function (board, i) {
    var thumb = board.querySelector('.thumb');
    thumb.addEventListener('click', function () {
      go(i);
      screen.scrollIntoView({ block: 'nearest' });
    });
    Array.prototype.forEach.call(board.querySelectorAll('[data-verdict]'), function (button) {
      button.addEventListener('click', function () {
        var on = button.getAttribute('aria-pressed') !== 'true';
        Array.prototype.forEach.call(board.querySelectorAll('[data-verdict]'), function (other) {
          other.setAttribute('aria-pressed', 'false');
        });
        button.setAttribute('aria-pressed', on ? 'true' : 'false');
        dirty = true;
      });
    });
    board.querySelector('textarea').addEventListener('input', function () { dirty = true; });
  });

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === 'TEXTAREA' || tag === 'INPUT' || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === ' ' && tag !== 'BUTTON') toggle();
    else if (event.key === 'ArrowRight') go(index + 1);
    else if (event.key === 'ArrowLeft') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(boards.length - 1);
    else return;
    event.preventDefault();
  });

  function notes() {
    return boards.map(function (board) {
      var pressed = board.querySelector('[data-verdict][aria-pressed="true"]');
      return {
        shotId: board.getAttribute('data-shot-id'),
        verdict: pressed ? pressed.getAttribute('data-verdict') : null,
        comment: board.querySelector('textarea').value.slice(0, 2000),
      };
    }).filter(function (note) {
      return note.verdict !== null || note.comment.trim() !== '';
    });
  }

  document.getElementById('download').addEventListener('click', function () {
    var review = {
      format: 'frameline.review',
      version: 1,
      projectId: body.getAttribute('data-project-id'),
      reviewId: reviewId,
      reviewer: reviewer.value.trim().slice(0, 60),
      savedAt: Date.now(),
      notes: notes(),
    };
    var blob = new Blob([JSON.stringify(review, null, 1)], { type: 'application/json' });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = body.getAttribute('data-review-file');
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    dirty = false;
    status.textContent = review.notes.length === 1
      ? 'Saved 1 note. Send the file to the team.'
      : 'Saved ' + review.notes.length + ' notes. Send the file to the team.';
  });

  window.addEventListener('beforeunload', function (event) {
    if (dirty) event.preventDefault();
  });

  body.classList.add('scripted');
  show(0);
})();
`;
