import { nameKey } from '@lineage/domain';
import type { Organisation } from './organisation';
import { ORGANISATIONS } from './organisations';

export type { Organisation } from './organisation';

/** The organisations of the curated table, found by any of their names or hub owners. */
export class OrganisationIndex {
  /** By name and alias: what a vendor prefix may be. */
  private readonly byKey = new Map<string, Organisation>();
  private readonly byHubOwner = new Map<string, Organisation>();
  private readonly byProvider = new Map<string, Organisation>();

  constructor(organisations: readonly Organisation[] = ORGANISATIONS) {
    for (const organisation of organisations) {
      for (const name of [organisation.name, ...organisation.aliases])
        this.byKey.set(nameKey(name), organisation);
      for (const owner of organisation.hubOwners)
        this.byHubOwner.set(owner.toLowerCase(), organisation);
      this.byProvider.set(organisation.providerId, organisation);
    }
  }

  /**
   * The organisation a source names ("Meta", "Meta Platforms, Inc.", "meta-llama"); legal
   * suffixes are ignored. Undefined when the table does not know it: never a guess.
   */
  named(name: string): Organisation | undefined {
    const plain = name.replace(/[,.]?\s+(inc|ltd|llc|gmbh|corp(oration)?|co)\.?$/i, '');
    return (
      this.byKey.get(nameKey(plain)) ??
      this.byKey.get(nameKey(name)) ??
      this.ofHubOwner(name.trim())
    );
  }

  /** The organisation that publishes under this Hugging Face owner, if it is one's own. */
  ofHubOwner(owner: string): Organisation | undefined {
    return this.byHubOwner.get(owner.toLowerCase());
  }

  ofProvider(providerId: string): Organisation | undefined {
    return this.byProvider.get(providerId);
  }

  /**
   * A leading organisation name in a model name, as AVID writes them ("OpenAI GPT-4o", "Meta
   * LLaMa 3.3", "Mistral AI Mistral Small"): the organisation and the rest, longest name first.
   * Only names and aliases count: a hub owner ("meta-llama") would read "Meta LLaMa" as a vendor.
   */
  vendorPrefix(name: string): { organisation: Organisation; rest: string } | undefined {
    const words = name.trim().split(/\s+/);
    for (let count = Math.min(3, words.length - 1); count >= 1; count--) {
      const organisation = this.byKey.get(nameKey(words.slice(0, count).join(' ')));
      // "Twitter / X Grok 2": the separator after the vendor is no part of the model's name.
      const rest = words
        .slice(count)
        .join(' ')
        .replace(/^[^\p{L}\p{N}]+/u, '');
      if (organisation && rest) return { organisation, rest };
    }
    return undefined;
  }
}

/** The table as shipped. */
export const organisations = new OrganisationIndex();
