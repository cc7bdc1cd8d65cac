import type { Page } from 'playwright-core';

/**
 * Which components render, counted in the production build: React DOM reports every commit to a
 * `__REACT_DEVTOOLS_GLOBAL_HOOK__` when one is there (that is how React DevTools attaches to any
 * site). The hook installed here walks each commit's tree the way DevTools does: it descends only
 * where a fiber's children were re-created, and counts a component as rendered when it is new or
 * carries React's PerformedWork flag (a memoised component that bailed out does not).
 *
 * Names are minified in a production build, so a rendered component is told by the DOM it owns:
 * its first element, or for one that renders no element, the element around it.
 */

/** One rendered component, by the element that stands for it. */
export interface RenderedComponent {
  /** `tag.class1.class2` of that element. */
  readonly element: string;
  /** The `data-shot-id` of the board it is in or is, if any. */
  readonly shotId: string | null;
  /** The position of the script panel's scene row it is in or is, if any. */
  readonly sceneRow: number | null;
  /** The page region it is in: the closest of REGIONS, or '' for none. */
  readonly region: string;
}

/** The parts of the project view a test can ask about, by their class. */
export const REGIONS = ['project-toolbar', 'scene-list', 'boards-pane', 'inspector'] as const;

/** Before the app loads: installs the hook (recording starts with `startRecording`). */
export async function installRenderTracker(page: Page): Promise<void> {
  await page.addInitScript(
    (regions: readonly string[]) => {
      // React's fiber tags for components that run user code, and for DOM elements.
      const COMPOSITE = new Set([0, 1, 11, 15]); // function, class, forwardRef, simple memo
      const HOST = new Set([5, 26, 27]);
      const PERFORMED_WORK = 1;
      interface Fiber {
        tag: number;
        flags: number;
        child: Fiber | null;
        sibling: Fiber | null;
        return: Fiber | null;
        alternate: Fiber | null;
        stateNode: unknown;
      }
      const w = window as unknown as {
        __renders: { recording: boolean; seen: unknown[] };
        __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown;
      };
      w.__renders = { recording: false, seen: [] };

      const elementOf = (fiber: Fiber): Element | null => {
        // Its first element…
        const stack: Fiber[] = fiber.child ? [fiber.child] : [];
        while (stack.length > 0) {
          const f = stack.pop()!;
          if (HOST.has(f.tag) && f.stateNode instanceof Element) return f.stateNode;
          if (f.sibling) stack.push(f.sibling);
          if (f.child) stack.push(f.child);
        }
        // …or the element around it.
        for (let f = fiber.return; f; f = f.return) {
          if (HOST.has(f.tag) && f.stateNode instanceof Element) return f.stateNode;
        }
        return null;
      };
      const describe = (fiber: Fiber) => {
        const el = elementOf(fiber);
        if (!el) return { element: '', shotId: null, sceneRow: null, region: '' };
        const row = el.closest('li.scene-row');
        const region = regions.find((r) => el.closest(`.${r}`)) ?? '';
        return {
          element: [el.tagName.toLowerCase(), ...el.classList].join('.'),
          shotId: el.closest('[data-shot-id]')?.getAttribute('data-shot-id') ?? null,
          sceneRow: row?.parentElement ? [...row.parentElement.children].indexOf(row) : null,
          region,
        };
      };
      const visit = (fiber: Fiber, out: Fiber[]) => {
        const before = fiber.alternate;
        if (COMPOSITE.has(fiber.tag) && (!before || (fiber.flags & PERFORMED_WORK) !== 0)) {
          out.push(fiber);
        }
        // Children the same fibers as before: nothing below rendered.
        if (before && fiber.child === before.child) return;
        for (let child = fiber.child; child; child = child.sibling) visit(child, out);
      };
      w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true,
        renderers: new Map(),
        inject: () => 1,
        checkDCE: () => undefined,
        onScheduleFiberRoot: () => undefined,
        onCommitFiberUnmount: () => undefined,
        onPostCommitFiberRoot: () => undefined,
        onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
          if (!w.__renders.recording) return;
          const rendered: Fiber[] = [];
          const top = root.current;
          for (let child = top.child; child; child = child.sibling) visit(child, rendered);
          w.__renders.seen.push(...rendered.map(describe));
        },
      };
    },
    REGIONS as readonly string[],
  );
}

export async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __renders: { recording: boolean; seen: unknown[] } };
    w.__renders.seen = [];
    w.__renders.recording = true;
  });
}

/** Stops recording and returns every component rendered since `startRecording`. */
export async function stopRecording(page: Page): Promise<RenderedComponent[]> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __renders: { recording: boolean; seen: RenderedComponent[] };
    };
    w.__renders.recording = false;
    return w.__renders.seen;
  });
}
