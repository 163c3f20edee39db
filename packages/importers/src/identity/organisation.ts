/**
 * An organisation as sources name it: the one provider node it is stored as, every name a
 * source may use for it, and the Hugging Face owners that publish its own models. Importers
 * resolve owners and vendor prefixes ("OpenAI GPT-4o", supplier "Meta") through this table
 * only, so a name never joins another organisation's upload by accident.
 */
export interface Organisation {
  /** The provider node it is stored as (seed/providers.yaml or seed/operators.yaml). */
  providerId: string;
  name: string;
  /** Other names sources use for it: "Meta AI", "Facebook AI Research", "FAIR". */
  aliases: string[];
  /** Hugging Face owners that publish its own weights, exactly as the hub spells them. */
  hubOwners: string[];
  /** Canonical pages that show the names and owners (the vendor's site, its hub page). */
  sources: string[];
  /** False when no source could be checked. */
  verified?: boolean;
}
