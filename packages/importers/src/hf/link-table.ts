import { validationError } from '@lineage/domain';
import type { Spelling } from './case-folding';
import { isLink, type HfLink, type HfRecord } from './read-hf';

type Relation = HfLink['relation'];
export const RELATIONS: readonly Relation[] = [
  'FINE_TUNED_FROM',
  'QUANTIZED_FROM',
  'MERGED_FROM',
  'ADAPTER_OF',
];
const BIT = new Map(RELATIONS.map((relation, i) => [relation, 1 << i]));

// A link's key is one number, (child, relation) above and parent below: exact in a double
// for up to 2^25 repos.
const PARENT_BITS = 2 ** 25;

/** A parent link of the file between numbered repos, where it was read. */
export interface TableLink {
  child: number;
  parent: number;
  relation: Relation;
  at: string;
}

const ownerOf = (repo: string) => repo.slice(0, repo.indexOf('/'));

/**
 * Every spelling of the records, models (`model:<repo>`) and their owners (`provider:<owner>`),
 * once each, in the order the file first uses them (a link's child, its owner, its parent, its
 * owner), where it first does; and each record's model spellings by number (`sides`, two per
 * record, the second -1 for a card), so the plan never looks a row's strings up again.
 */
export function spellingsOf(records: readonly HfRecord[]) {
  const numberOf = new Map<string, number>();
  const spellings: Spelling[] = [];
  const number = (repo: string, at: string) => {
    let n = numberOf.get(repo);
    if (n !== undefined) return n;
    n = spellings.push({ id: `model:${repo}`, at }) - 1;
    numberOf.set(repo, n);
    const owner = ownerOf(repo);
    if (!numberOf.has(owner)) {
      numberOf.set(owner, spellings.length);
      spellings.push({ id: `provider:${owner}`, at });
    }
    return n;
  };
  const sides = new Int32Array(records.length * 2);
  records.forEach((record, i) => {
    if (isLink(record)) {
      sides[2 * i] = number(record.child, record.at);
      sides[2 * i + 1] = number(record.parent, record.at);
    } else {
      sides[2 * i] = number(record.repo, record.at);
      sides[2 * i + 1] = -1;
    }
  });
  return { spellings, sides };
}

/**
 * The repos of an HF import numbered once, by their canonical id (the stored or first spelling),
 * where each first appears, and the links between them, each (child, relation, parent) once: a
 * million links need no string key each.
 */
export class LinkTable {
  /** Each repo's canonical id, `model:<repo>`. */
  readonly ids: string[] = [];
  readonly firstAt: string[] = [];
  /** Links kept: the first of each (child, relation, parent), self-loops left out. */
  readonly links: TableLink[] = [];
  private readonly byId = new Map<string, number>();
  private readonly ofSpelling: Int32Array;
  private readonly relationBits: number[] = [];
  private readonly seen = new Map<number, string>();

  /** `canonical`: the id each spelling stands for, by spelling number. */
  constructor(private readonly canonical: readonly string[]) {
    this.ofSpelling = new Int32Array(canonical.length).fill(-1);
  }

  /** The number of the repo spelling `spelling` stands for, noting where it first appears. */
  repo(spelling: number, at: string): number {
    const known = this.ofSpelling[spelling]!;
    if (known !== -1) return known;
    const id = this.canonical[spelling]!;
    let index = this.byId.get(id);
    if (index === undefined) {
      index = this.ids.push(id) - 1;
      if (index >= PARENT_BITS)
        throw validationError(`more than ${PARENT_BITS} repos in one import; split the file`);
      this.byId.set(id, index);
      this.firstAt.push(at);
      this.relationBits.push(0);
    }
    this.ofSpelling[spelling] = index;
    return index;
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /**
   * Adds a link unless the same (child, relation, parent) came earlier, whose place it returns.
   * A self-loop is remembered (a repeat of it is a duplicate) but not kept.
   */
  addLink(child: number, relation: Relation, parent: number, at: string): string | undefined {
    const key = (child * RELATIONS.length + RELATIONS.indexOf(relation)) * PARENT_BITS + parent;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) return earlier;
    this.seen.set(key, at);
    if (child === parent) return undefined;
    this.links.push({ child, parent, relation, at });
    this.relationBits[child]! |= BIT.get(relation)!;
    return undefined;
  }

  /** Every link is in: the keys that told repeats apart are let go (a million of them). */
  sealLinks(): void {
    this.seen.clear();
  }

  hasParent(repo: number): boolean {
    return this.relationBits[repo] !== 0;
  }

  hasRelation(repo: number, relation: Relation): boolean {
    return (this.relationBits[repo]! & BIT.get(relation)!) !== 0;
  }
}
