/* eslint-disable @typescript-eslint/no-explicit-any -- cytoscape's objects, read inside the page */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export interface LabelCheck {
  /** Visible nodes inside the canvas whose label cytoscape draws at this zoom. */
  labelled: number;
  /** Pairs of those whose label boxes intersect (ids). */
  overlaps: [string, string][];
  /** The smallest label height on screen, in CSS pixels (font size times zoom). */
  smallestLabelPx: number;
  focusInView: boolean;
  /** Overlaps found once two labelled nodes are put 10 px apart: the check can fail. */
  overlapsWhenStacked: number;
  /** A labelled plain node in view, not the focus, and where to click it (page coordinates). */
  pickable?: { id: string; x: number; y: number };
  /** The largest collapsed group in view. */
  group?: { id: string };
  /** The last plain node of the graph in drawn order (bottom right), for find-in-graph. */
  lastNode?: { id: string; label: string };
}

/**
 * Label overlaps as cytoscape computes them: for each visible node inside the canvas whose
 * label is drawn (a label, and font size x zoom at least its min-zoomed-font-size), the box of
 * its label alone, `boundingBox({ includeNodes: false, includeEdges: false, includeLabels:
 * true })`, in model coordinates; two labels overlap when these boxes intersect with area.
 */
export function labelCheck(page: Page): Promise<LabelCheck> {
  return page.evaluate(() => {
    const cy = (window as any).__lineageCy;
    const zoom = cy.zoom();
    const view = cy.extent();
    const inView = (p: { x: number; y: number }) =>
      p.x >= view.x1 && p.x <= view.x2 && p.y >= view.y1 && p.y <= view.y2;
    const drawn = (n: any) =>
      String(n.data('label') ?? '') !== '' &&
      n.pstyle('font-size').pfValue * zoom >= n.pstyle('min-zoomed-font-size').pfValue;
    const labelled = cy.nodes(':visible').filter((n: any) => inView(n.position()) && drawn(n));
    const boxes = labelled.map((n: any) => ({
      id: n.id(),
      box: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }),
    }));
    const intersect = (a: any, b: any) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const overlapsOf = (list: typeof boxes) => {
      const pairs: [string, string][] = [];
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++)
          if (intersect(list[i]!.box, list[j]!.box)) pairs.push([list[i]!.id, list[j]!.id]);
      return pairs;
    };
    const overlaps = overlapsOf(boxes);
    let overlapsWhenStacked = 0;
    // Two labels that sit below their nodes (the focus's sits above), put 10 px apart.
    const below = labelled.filter((n: any) => !n.hasClass('focus'));
    if (below.length >= 2) {
      const [a, b] = [below[0], below[1]];
      const saved = { ...b.position() };
      b.position({ x: a.position('x') + 10, y: a.position('y') });
      overlapsWhenStacked = overlapsOf(
        [a, b].map((n: any) => ({
          id: n.id(),
          box: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }),
        })),
      ).length;
      b.position(saved);
    }
    const heights = labelled.map((n: any) => n.pstyle('font-size').pfValue * zoom);
    const focus = cy.nodes('.focus');
    const rect = cy.container().getBoundingClientRect();
    const plain = labelled.filter((n: any) => !n.hasClass('focus') && n.data('kind') !== 'Group');
    const target = plain[Math.floor(plain.length / 2)];
    // The largest group in view ("237 fine-tunes"): one of 30 or fewer opens whole, and which
    // group comes first among the elements varies with the order the neighbourhood loaded.
    const size = (n: any) => Number.parseInt(String(n.data('label')), 10) || 0;
    const group = labelled
      .filter((n: any) => n.data('kind') === 'Group')
      .sort((a: any, b: any) => size(b) - size(a))[0];
    const far = cy
      .nodes(':visible')
      .filter((n: any) => n.data('kind') !== 'Group')
      .sort(
        (a: any, b: any) => a.position('y') - b.position('y') || a.position('x') - b.position('x'),
      )
      .last();
    return {
      labelled: labelled.length,
      overlaps,
      smallestLabelPx: Math.min(...heights),
      focusInView: focus.nonempty() && inView(focus.position()),
      overlapsWhenStacked,
      pickable: target && {
        id: target.id(),
        x: rect.left + target.renderedPosition('x'),
        y: rect.top + target.renderedPosition('y'),
      },
      group: group && { id: group.id() },
      lastNode: far.nonempty() ? { id: far.id(), label: String(far.data('label')) } : undefined,
    };
  });
}

/** The ids of every node in the graph (shown or hidden). */
export function graphIds(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).__lineageCy.nodes().map((n: any) => n.id()));
}

/** Those of `ids` whose centre is drawn inside the canvas. */
export function inViewport(page: Page, ids: string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const cy = (window as any).__lineageCy;
    const view = cy.extent();
    return list.filter((id) => {
      const p = cy.getElementById(id).position();
      return p.x >= view.x1 && p.x <= view.x2 && p.y >= view.y1 && p.y <= view.y2;
    });
  }, ids);
}

/** Width and height from a PNG file's IHDR chunk. */
export async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
