import { validationError } from '@lineage/domain';
import type { HfLink } from './read-hf';

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

/**
 * The repos of an HF import numbered once, in their canonical spelling, where each first
 * appears, and the links between them, each (child, relation, parent) once: a million links
 * need no string key each, and a repo's spellings are looked up once.
 */
export class LinkTable {
  readonly repos: string[] = [];
  readonly firstAt: string[] = [];
  /** Links kept: the first of each (child, relation, parent), self-loops left out. */
  readonly links: TableLink[] = [];
  private readonly bySpelling = new Map<string, number>();
  private readonly byRepo = new Map<string, number>();
  private readonly relationBits: number[] = [];
  private readonly seen = new Map<number, string>();

  constructor(private readonly canonicalOf: (spelling: string) => string) {}

  /** The number of the repo a spelling stands for, noting where it first appears. */
  repo(spelling: string, at: string): number {
    const known = this.bySpelling.get(spelling);
    if (known !== undefined) return known;
    const repo = this.canonicalOf(spelling);
    let index = this.byRepo.get(repo);
    if (index === undefined) {
      index = this.repos.push(repo) - 1;
      if (index >= PARENT_BITS)
        throw validationError(`more than ${PARENT_BITS} repos in one import; split the file`);
      this.byRepo.set(repo, index);
      this.firstAt.push(at);
      this.relationBits.push(0);
    }
    this.bySpelling.set(spelling, index);
    return index;
  }

  indexOf(repo: string): number | undefined {
    return this.byRepo.get(repo);
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

  hasParent(repo: number): boolean {
    return this.relationBits[repo] !== 0;
  }

  hasRelation(repo: number, relation: Relation): boolean {
    return (this.relationBits[repo]! & BIT.get(relation)!) !== 0;
  }
}
