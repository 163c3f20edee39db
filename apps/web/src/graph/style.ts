import type { StylesheetJson } from 'cytoscape';
import { KIND_STYLES, LEVEL_STYLES, RELATION_STYLES } from './vocabulary';

/** The one style sheet of every graph view. */
export function graphStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 10,
        'font-family': 'system-ui, sans-serif',
        color: '#111827',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        width: 26,
        height: 26,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...Object.entries(KIND_STYLES).map(([kind, style]) => ({
      selector: `node.${kind}`,
      style: { 'background-color': style.color, shape: style.shape as never },
    })),
    { selector: 'node.Group', style: { width: 34, height: 34, 'font-weight': 'bold' } },
    {
      selector: 'node.focus',
      style: { 'border-width': 4, 'border-color': '#f59e0b', width: 34, height: 34 },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111827' } },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        opacity: 0.85,
      },
    },
    ...Object.entries(RELATION_STYLES).map(([relation, style]) => ({
      selector: `edge.${relation}`,
      style: {
        'line-style': style.line,
        width: style.width,
        'line-color': style.color,
        'target-arrow-color': style.color,
      },
    })),
    { selector: 'edge.inferred', style: { opacity: 0.45 } },
    ...Object.entries(LEVEL_STYLES).map(([level, style]) => ({
      selector: `node.level-${level}`,
      style: { 'background-color': style.color },
    })),
    {
      selector: 'node.level-MITIGATED',
      style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#14532d' },
    },
    {
      selector: 'edge.witness',
      style: { 'line-color': '#9ca3af', 'target-arrow-color': '#9ca3af', width: 2 },
    },
    { selector: '.dimmed', style: { opacity: 0.15 } },
    {
      selector: 'node.highlighted',
      style: { 'border-width': 4, 'border-color': '#111827', 'z-index': 10 },
    },
    {
      selector: 'edge.highlighted',
      style: {
        width: 4,
        'line-color': '#111827',
        'target-arrow-color': '#111827',
        opacity: 1,
        'z-index': 10,
      },
    },
    { selector: '.hidden', style: { display: 'none' } },
  ];
}

/**
 * The explorer's rules on top of graphStyle: one-line labels cut to a cell's width (the grid
 * layout gives each node a cell, so labels cannot overlap), hidden when zoomed out too far
 * to read them (level of detail), and the marks of find-in-graph and keyboard focus.
 */
export const EXPLORER_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'font-size': 12,
      'text-wrap': 'ellipsis',
      'text-max-width': '132px',
      'min-zoomed-font-size': 8,
      // Edges pass under labels: a white backing keeps the text readable over them.
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  {
    selector: 'edge.far',
    style: {
      'curve-style': 'haystack',
      'haystack-radius': 0,
      'line-style': 'solid',
      width: 1,
      opacity: 0.35,
    },
  },
  // The focus's label above it: below, it would sit in the fan of its children's edges.
  { selector: 'node.focus', style: { 'text-valign': 'top', 'text-margin-y': -4 } },
  { selector: 'node.Group', style: { 'text-max-width': '146px' } },
  {
    selector: 'node.match',
    style: { 'underlay-color': '#facc15', 'underlay-opacity': 0.7, 'underlay-padding': 8 },
  },
  {
    selector: 'node.cursor',
    style: {
      'outline-width': 3,
      'outline-color': '#2563eb',
      'outline-offset': 3,
      'z-index': 20,
    } as never,
  },
];
