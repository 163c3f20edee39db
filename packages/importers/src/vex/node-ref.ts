import { PackageURL } from 'packageurl-js';
import { hubDatasetOf, hubModelOf } from '../cyclonedx/hub-id';
import { isRepoId } from '../hf/repo-id';

/** purl types of the hub's repos, by the Lineage id prefix of the nodes they name. */
const HUB_TYPES = { model: 'huggingface', dataset: 'huggingface-dataset' } as const;

/**
 * The purl a node has on the Hugging Face hub: a model or dataset whose id is exactly the hub's
 * `owner/name`. Without a version: a huggingface purl's version is a commit hash (lower-cased
 * by the purl spec), which a Lineage version is not.
 */
export function hubPurlOf(id: string): string | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  if (prefix !== 'model' && prefix !== 'dataset') return undefined;
  const repo = id.slice(prefix.length + 1);
  if (!isRepoId(repo)) return undefined;
  const [owner, name] = repo.split('/') as [string, string];
  return new PackageURL(HUB_TYPES[prefix], owner, name, undefined, undefined, undefined).toString();
}

/** The node a hub purl names (hub-id.ts reads it, so an export and an import agree). */
export function idOfHubPurl(purl: string): string | undefined {
  const model = hubModelOf({ purl });
  if (model) return `model:${model}`;
  const dataset = hubDatasetOf({ purl });
  return dataset ? `dataset:${dataset}` : undefined;
}

const URN = 'urn:lineage:';

/**
 * A Lineage id as an IRI (RFC 8141 URN): what a URN's namespace-specific part may hold stays,
 * anything else (a space, `%`, `?`, `#`, non-ASCII) is percent-encoded, so any id has one.
 */
export function lineageUrn(id: string): string {
  return URN + id.replace(/[^A-Za-z0-9._~!$&'()*+,;=:@/-]/gu, (c) => encodeURIComponent(c));
}

/** The id a `urn:lineage:` IRI names; undefined for another IRI or a malformed encoding. */
export function idOfLineageUrn(iri: string): string | undefined {
  if (!iri.toLowerCase().startsWith(URN)) return undefined;
  try {
    const id = decodeURIComponent(iri.slice(URN.length));
    return id || undefined;
  } catch {
    return undefined;
  }
}

/** The node a reference names by itself: a `urn:lineage:` IRI or a hub purl. */
export function idOfRef(ref: string): string | undefined {
  return idOfLineageUrn(ref) ?? (ref.startsWith('pkg:') ? idOfHubPurl(ref) : undefined);
}
