'use client';

import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useState, type RefObject } from 'react';
import { graphStyle } from './style';

let dagreRegistered = false;

/** One value for "no extra rules": a new [] on each render would recreate the instance. */
const NO_EXTRA_STYLE: StylesheetJson = [];

/**
 * One long-lived cytoscape instance per view: created on mount, destroyed on unmount.
 * `extraStyle` (a view's own rules, on top of the shared sheet) must be a stable value.
 */
export function useCytoscape(
  container: RefObject<HTMLDivElement | null>,
  extraStyle: StylesheetJson = NO_EXTRA_STYLE,
): Core | undefined {
  const [cy, setCy] = useState<Core>();
  useEffect(() => {
    if (!container.current) return;
    if (!dagreRegistered) {
      cytoscape.use(dagre);
      dagreRegistered = true;
    }
    const instance = cytoscape({
      container: container.current,
      style: [...graphStyle(), ...extraStyle],
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    setCy(instance);
    // Browser tests and benchmarks read the graph through this handle, as a person sees it.
    (window as unknown as { __lineageCy?: Core }).__lineageCy = instance;
    return () => instance.destroy();
  }, [container, extraStyle]);
  return cy;
}

/** Timings a benchmark (or a curious person) can read from the page. */
export function recordGraphTiming(entry: Record<string, number>): void {
  const target = window as unknown as { __lineageGraph?: Record<string, number>[] };
  (target.__lineageGraph ??= []).push(entry);
}
