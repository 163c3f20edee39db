import type { Organisation, OrganisationIndex } from '../identity/organisations-index';

/*
 * A re-upload republishes a vendor's weights under another owner (`unsloth/Llama-3.1-8B`,
 * `unsloth/llama-3-8b-Instruct-bnb-4bit`, `NousResearch/Meta-Llama-3-8B`). The model tree has
 * no edge for it: its descendants hang under the copy with no tie to the vendor's model. The
 * tie made here is read from names, so it is inferred (declared: false, at most LIKELY), made
 * only when exactly one vendor repo fits, and listed for review.
 */

/**
 * Hub owners that republish other organisations' weights as a service. Their copies are never
 * the vendor's model, and their own roots may be ties. Sources: each account's hub page states
 * it (huggingface.co/unsloth: "re-uploads ... 4bit bnb", huggingface.co/TheBloke,
 * huggingface.co/bartowski: quantizations of others' models; NousResearch's Llama 2 / Llama 3
 * repos are mirrors of Meta's gated weights, their model cards say so).
 */
export const REPUBLISHERS: ReadonlySet<string> = new Set(
  ['unsloth', 'TheBloke', 'bartowski', 'NousResearch'].map((o) => o.toLowerCase()),
);

// Separators the hub's names use between words.
const SEP = '[-_.]';
/** Suffixes naming a quantization of the same weights. */
const QUANTIZED = new RegExp(
  `${SEP}(?:bnb${SEP}?4bit|[2-8]bit|gguf|ggml|awq|gptq|exl2|int[48]|fp8|nf4|mlx|q[2-8]_k(?:_[msl])?|q8_0)$`,
  'i',
);
/** Suffixes naming a storage format of the same weights (not a quantization). */
const FORMAT = new RegExp(`${SEP}(?:hf|unsloth|fp16|bf16|fp32|safetensors)$`, 'i');

// Stands for "no organisation" where a name is read without a vendor word.
export const NO_VENDOR: Organisation = {
  providerId: '',
  name: '',
  aliases: [],
  hubOwners: [],
  sources: [],
};

export interface NameForm {
  /** Lower-cased, quantization suffixes removed, a vendor word kept. */
  whole: string;
  /** Lower-cased, quantization suffixes and the vendor word removed. */
  exact: string;
  /** Also without format suffixes (`-hf`, `-fp16`). */
  loose: string;
  quantized: boolean;
}

/** The forms a repo name is compared by, after its leading vendor word (of `vendor`) if any. */
export function nameForm(name: string, vendor: Organisation, table: OrganisationIndex): NameForm {
  let whole = name;
  let quantized = false;
  for (let m = QUANTIZED.exec(whole); m; m = QUANTIZED.exec(whole)) {
    whole = whole.slice(0, m.index);
    quantized = true;
  }
  const exact = withoutVendorWord(whole, vendor, table);
  let loose = exact;
  for (let m = FORMAT.exec(loose) ?? QUANTIZED.exec(loose); m;) {
    loose = loose.slice(0, m.index);
    m = FORMAT.exec(loose) ?? QUANTIZED.exec(loose);
  }
  return {
    whole: whole.toLowerCase(),
    exact: exact.toLowerCase(),
    loose: loose.toLowerCase(),
    quantized,
  };
}

/**
 * The name without a leading word that names `vendor` ("Meta-Llama-3-8B" -> "Llama-3-8B" for
 * Meta). Kept when what is left has no model name of its own ("DeepSeek-R1" stays: "R1" alone
 * would match any upload called R1).
 */
function withoutVendorWord(name: string, vendor: Organisation, table: OrganisationIndex): string {
  const match = /^([A-Za-z]+)[-_](.+)$/.exec(name);
  if (!match || table.named(match[1]!) !== vendor) return name;
  return /^[A-Za-z]{3,}/.test(match[2]!) ? match[2]! : name;
}

/** The organisation a leading word of the name names, if it is one of the table's. */
export function vendorWordOf(name: string, table: OrganisationIndex): Organisation | undefined {
  const word = /^([A-Za-z]+)[-_]/.exec(name)?.[1];
  return word ? table.named(word) : undefined;
}

export interface Repo {
  owner: string;
  name: string;
}

export const repoOf = (id: string): Repo => ({
  owner: id.slice(0, id.indexOf('/')),
  name: id.slice(id.indexOf('/') + 1),
});

/**
 * A vendor's own repo: under a hub owner of a curated organisation that does not republish
 * others' weights, and not named after another organisation (NousResearch/Meta-Llama-3-8B is
 * a copy, not NousResearch's model).
 */
export function vendorOf(repo: Repo, table: OrganisationIndex): Organisation | undefined {
  if (REPUBLISHERS.has(repo.owner.toLowerCase())) return undefined;
  const organisation = table.ofHubOwner(repo.owner);
  if (!organisation) return undefined;
  const named = vendorWordOf(repo.name, table);
  return named && named !== organisation ? undefined : organisation;
}

/**
 * Whether a root repo may be someone else's weights: its owner is no curated organisation, or
 * republishes, or its name carries another organisation's word. A vendor's own root is its model.
 */
export function mayBeCopy(repo: Repo, table: OrganisationIndex): boolean {
  const own = table.ofHubOwner(repo.owner);
  if (!own || REPUBLISHERS.has(repo.owner.toLowerCase())) return true;
  const named = vendorWordOf(repo.name, table);
  return named !== undefined && named !== own;
}

export type ReuploadFinding =
  | { outcome: 'tied'; source: string; quantized: boolean }
  | { outcome: 'ambiguous'; candidates: string[] }
  | { outcome: 'none' };

/**
 * Finds the vendor repo a root copies: the one whose name equals the root's once both lose
 * their quantization suffixes and vendor word. An unquantized vendor repo beats the vendor's
 * own quantization, an equal name beats one equal only without format suffixes (`-hf`), and
 * one equal with its vendor word beats one equal without (the hub keeps both
 * `Meta-Llama-3.1-8B-Instruct` and `Llama-3.1-8B-Instruct`). Anything but one best is no tie.
 */
export class ReuploadFinder {
  private readonly byKey = new Map<
    string,
    { id: string; vendor: Organisation; form: NameForm }[]
  >();

  constructor(
    vendorRepos: Iterable<string>,
    private readonly table: OrganisationIndex,
  ) {
    for (const id of new Set(vendorRepos)) {
      const repo = repoOf(id);
      const vendor = vendorOf(repo, table);
      if (!vendor) continue;
      const form = nameForm(repo.name, vendor, table);
      this.byKey.set(form.loose, [...(this.byKey.get(form.loose) ?? []), { id, vendor, form }]);
    }
  }

  find(root: string): ReuploadFinding {
    const copy = repoOf(root);
    if (!mayBeCopy(copy, this.table)) return { outcome: 'none' };
    const own = this.table.ofHubOwner(copy.owner);
    // The copy's name as is, and without the word of the vendor it names, if any.
    const named = vendorWordOf(copy.name, this.table);
    const keys = new Set([nameForm(copy.name, own ?? NO_VENDOR, this.table).loose]);
    if (named) keys.add(nameForm(copy.name, named, this.table).loose);
    const ranked: { id: string; rank: number; quantized: boolean }[] = [];
    for (const key of keys)
      for (const { id, vendor, form } of this.byKey.get(key) ?? []) {
        if (vendor === own || ranked.some((r) => r.id === id)) continue;
        const mine = nameForm(copy.name, vendor, this.table);
        if (mine.loose !== form.loose) continue;
        const exact = mine.exact === form.exact;
        const whole = mine.whole === form.whole;
        ranked.push({
          id,
          rank: (form.quantized ? 4 : 0) + (exact ? 0 : 2) + (whole ? 0 : 1),
          quantized: mine.quantized,
        });
      }
    if (!ranked.length) return { outcome: 'none' };
    const best = Math.min(...ranked.map((r) => r.rank));
    const top = ranked.filter((r) => r.rank === best);
    return top.length === 1
      ? { outcome: 'tied', source: top[0]!.id, quantized: top[0]!.quantized }
      : { outcome: 'ambiguous', candidates: top.map((r) => r.id).sort() };
  }
}
