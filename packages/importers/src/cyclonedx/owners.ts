import type { MatchMethod } from '@lineage/domain';
import { organisations } from '../identity/organisations-index';
import { httpUrl, slugify } from '../ids';
import type { BomComponent, BomOrganisation } from './bom-document';
import { fitsSegment } from '../hf/repo-id';
import { hubModelOf, ownerOf } from './hub-id';

/** The provider a BOM names as a component's supplier, operator or hub owner. */
export interface BomOwner {
  providerId: string;
  name: string;
  sources: string[];
  /** `alias` when the curated organisations table knows it, `exact` for one of its own. */
  method: MatchMethod;
}

/**
 * The organisation a supplier's name means: the curated table's ("Meta Platforms, Inc." ->
 * provider:meta-llama), else a provider of its own whose id is its name (a hub owner's
 * spelling kept, "Fixture Lab" -> provider:fixture-lab). Never a guess at a near name.
 */
export function ownerNamed(
  name: string | undefined,
  urls: readonly string[] = [],
): BomOwner | undefined {
  const trimmed = name?.trim();
  if (!trimmed) return undefined;
  const organisation = organisations.named(trimmed);
  if (organisation)
    return {
      providerId: organisation.providerId,
      name: organisation.name,
      sources: organisation.sources,
      method: 'alias',
    };
  return {
    providerId: `provider:${fitsSegment(trimmed) ? trimmed : slugify(trimmed)}`,
    name: trimmed,
    sources: urls.map(httpUrl).filter((u): u is string => !!u),
    method: 'exact',
  };
}

const ownerOfEntity = (entity: BomOrganisation | undefined) =>
  ownerNamed(entity?.name, entity?.url ?? []);

/**
 * Who developed a model or dataset: its supplier (or manufacturer), else the owner of the
 * Hugging Face repo it names, as the hf-tree import files hub owners.
 */
export function developerOf(component: BomComponent): BomOwner | undefined {
  const stated = ownerOfEntity(component.supplier) ?? ownerOfEntity(component.manufacturer);
  if (stated) return stated;
  const repo = hubModelOf(component);
  if (!repo) return undefined;
  const owner = ownerOf(repo);
  return ownerNamed(owner, [`https://huggingface.co/${owner}`]);
}

/** Who runs an application (its supplier) or a service (its provider). */
export function operatorOf(component: BomComponent): BomOwner | undefined {
  return (
    ownerOfEntity(component.supplier) ??
    ownerOfEntity(component.provider) ??
    ownerOfEntity(component.manufacturer)
  );
}
