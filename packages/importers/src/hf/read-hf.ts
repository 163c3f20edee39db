import path from 'node:path';
import { isDomainError, validationError, type LineageRelation } from '@lineage/domain';
import { isoDate } from '../ids';
import { forEachInputLine, type ReadMeter } from '../input-lines';
import { parseStrictJson } from '../strict-json';
import { ownEntry } from '../own-entry';
import { isRepoId } from './repo-id';

/** One parent link as a source states it: `child` derives from `parent`. */
export interface HfLink {
  at: string;
  child: string;
  parent: string;
  relation: LineageRelation;
}

/** What a model card states about its own model (a card without base_model is a base model). */
export interface HfCardFacts {
  at: string;
  repo: string;
  license?: string;
  /** The day the repository was created (the Hub API's `createdAt`): the model's release. */
  createdAt?: string;
}

/** A record of either source: a parent link, or a card's own facts. */
export type HfRecord = HfLink | HfCardFacts;

export const isLink = (record: HfRecord): record is HfLink => 'relation' in record;

const EDGE_RELATIONS: Record<string, LineageRelation> = {
  finetuned: 'FINE_TUNED_FROM',
  quantized: 'QUANTIZED_FROM',
  merged: 'MERGED_FROM',
  adapter: 'ADAPTER_OF',
};

// The model card's base_model_relation values.
const CARD_RELATIONS: Record<string, LineageRelation> = {
  finetune: 'FINE_TUNED_FROM',
  quantized: 'QUANTIZED_FROM',
  merge: 'MERGED_FROM',
  adapter: 'ADAPTER_OF',
};

/** Bad rows of a file: all counted, the first LISTED kept (a file of garbage is not held twice). */
class Problems {
  static readonly LISTED = 50;
  count = 0;
  readonly listed: string[] = [];

  constructor(private readonly unit: string) {}

  add(problem: string): void {
    if (this.count++ < Problems.LISTED) this.listed.push(problem);
  }

  throwIfAny(what: string): void {
    if (this.count) throw validationError(`${what} has ${this.count} ${this.unit}`, this.listed);
  }
}

export interface ReadOptions {
  /** Shared by the files of one import: what they have given so far, for its progress. */
  meter?: ReadMeter;
}

/** The model tree's typed edges: `source,target,edge` with the parent as source. */
export async function readEdgesCsv(file: string, { meter }: ReadOptions = {}): Promise<HfLink[]> {
  const name = path.basename(file);
  const problems = new Problems('bad row(s)');
  const links: HfLink[] = [];
  await forEachInputLine(
    file,
    (line, number) => {
      if (number === 1) {
        if (line.trim() === 'source,target,edge') return;
        throw validationError(
          `${name}:1: expected the header 'source,target,edge', found '${line}'`,
        );
      }
      if (!line.trim()) return;
      const at = `${name}:${number}`;
      const cells = line.split(',');
      if (cells.length !== 3)
        return problems.add(`${at}: expected 3 columns, found ${cells.length}`);
      const [parent, child, edge] = cells.map((cell) => cell.trim()) as [string, string, string];
      const relation = ownEntry(EDGE_RELATIONS, edge);
      if (!relation)
        return problems.add(
          `${at}: unknown relation '${edge}' (finetuned, quantized, merged or adapter)`,
        );
      for (const repo of [parent, child]) {
        if (!isRepoId(repo))
          return problems.add(`${at}: '${repo}' is not a Hugging Face repo id (owner/name)`);
      }
      links.push({ at, child, parent, relation });
    },
    { ...(meter ? { meter } : {}) },
  );
  problems.throwIfAny(name);
  return links;
}

/**
 * Model-card metadata as JSON Lines: `{"id", "base_model"?: string | string[],
 * "base_model_relation"?, "license"?, "license_name"?, "createdAt"?}` (`createdAt` as the Hub
 * API gives it, an ISO date or timestamp). A card without base_model is a base model; several
 * base models without a relation make a merge.
 */
export async function readModelCards(
  file: string,
  { meter }: ReadOptions = {},
): Promise<HfRecord[]> {
  const name = path.basename(file);
  const problems = new Problems('bad line(s)');
  const records: HfRecord[] = [];
  const readLine = (line: string, number: number) => {
    if (!line.trim()) return;
    const at = `${name}:${number}`;
    let card: Record<string, unknown>;
    try {
      card = parseStrictJson(line, at) as typeof card;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return problems.add(error.message);
    }
    if (!card || typeof card !== 'object' || Array.isArray(card))
      return problems.add(`${at}: expected a JSON object with 'id'`);
    if (typeof card.id !== 'string' || !isRepoId(card.id))
      return problems.add(`${at}: 'id' must be a Hugging Face repo id`);
    const license = licenseOf(card);
    if (license instanceof Error) return problems.add(`${at}: ${license.message}`);
    const createdAt = card.createdAt === undefined ? undefined : isoDate(card.createdAt);
    if (card.createdAt !== undefined && !createdAt)
      return problems.add(`${at}: 'createdAt' must be a date (YYYY-MM-DD or an ISO timestamp)`);
    records.push({
      at,
      repo: card.id,
      ...(license ? { license } : {}),
      ...(createdAt ? { createdAt } : {}),
    });
    if (card.base_model === undefined) return;
    const links = linksOf(card, card.id, at);
    if (links instanceof Error) return problems.add(`${at}: ${links.message}`);
    for (const link of links) records.push(link);
  };
  await forEachInputLine(file, readLine, { ...(meter ? { meter } : {}) });
  problems.throwIfAny(name);
  return records;
}

/** The card's licence: `license`, or `license_name` where the licence is `other`. */
function licenseOf(card: Record<string, unknown>): string | undefined | Error {
  const { license, license_name: named } = card;
  if (license === undefined) return undefined;
  if (typeof license !== 'string' || !license.trim())
    return new Error(`'license' must be a licence id`);
  if (license !== 'other') return license.trim();
  return typeof named === 'string' && named.trim() ? named.trim() : license;
}

function linksOf(card: Record<string, unknown>, child: string, at: string): HfLink[] | Error {
  const bases = typeof card.base_model === 'string' ? [card.base_model] : card.base_model;
  if (
    !Array.isArray(bases) ||
    !bases.length ||
    bases.some((b) => typeof b !== 'string' || !isRepoId(b))
  ) {
    return new Error(`'base_model' must be a repo id or a list of them`);
  }
  const given = card.base_model_relation;
  const relation =
    given === undefined
      ? bases.length > 1
        ? 'MERGED_FROM'
        : 'FINE_TUNED_FROM'
      : ownEntry(CARD_RELATIONS, String(given));
  if (!relation)
    return new Error(
      `unknown base_model_relation '${String(given)}' (finetune, quantized, merge or adapter)`,
    );
  return (bases as string[]).map((parent) => ({ at, child, parent, relation }));
}
