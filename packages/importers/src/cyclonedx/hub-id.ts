import { PackageURL } from 'packageurl-js';
import { isRepoId } from '../hf/repo-id';
import type { BomComponent } from './bom-document';

/** `owner/name` from a purl's namespace and name; tools also write `owner%2Fname` as the name. */
function repoOfPurl(purl: string | undefined, type: string): string | undefined {
  if (!purl) return undefined;
  try {
    const parsed = PackageURL.fromString(purl);
    if (parsed.type !== type) return undefined;
    const repo = parsed.namespace ? `${parsed.namespace}/${parsed.name}` : parsed.name;
    return isRepoId(repo) ? repo : undefined;
  } catch {
    return undefined;
  }
}

/** The hub's own paths, which are no model owner's. */
const NOT_OWNERS = new Set([
  'datasets',
  'spaces',
  'docs',
  'api',
  'blog',
  'collections',
  'papers',
  'models',
  'organizations',
  'learn',
  'tasks',
]);

/** `owner/name` of a huggingface.co page of a model (`kind` undefined) or a dataset. */
function repoOfUrl(url: string | undefined, kind?: 'datasets'): string | undefined {
  if (!url) return undefined;
  try {
    const { hostname, pathname } = new URL(url);
    if (hostname !== 'huggingface.co') return undefined;
    const segments = pathname.split('/').filter(Boolean);
    if (kind ? segments[0] !== kind : NOT_OWNERS.has(segments[0] ?? '')) return undefined;
    const [owner, name] = segments.slice(kind ? 1 : 0);
    return owner && name && isRepoId(`${owner}/${name}`) ? `${owner}/${name}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Hugging Face repo id a model component states, exactly as written (the hub's ids are
 * case-sensitive): its `pkg:huggingface` purl, a name that is a repo id, or a huggingface.co
 * link. Undefined when it states none.
 */
export function hubModelOf(component: BomComponent): string | undefined {
  const named = component.name?.trim();
  return (
    repoOfPurl(component.purl, 'huggingface') ??
    // Some generators write the purl only as the bom-ref.
    repoOfPurl(component['bom-ref'], 'huggingface') ??
    (named && isRepoId(named) ? named : undefined) ??
    component.externalReferences?.map((r) => repoOfUrl(r.url)).find(Boolean)
  );
}

/** The Hugging Face dataset id a data component states: a `pkg:huggingface-dataset` purl, a repo-id name or a datasets/ link. */
export function hubDatasetOf(component: BomComponent): string | undefined {
  const named = component.name?.trim();
  return (
    repoOfPurl(component.purl ?? component['bom-ref'], 'huggingface-dataset') ??
    (named && isRepoId(named) ? named : undefined) ??
    component.externalReferences?.map((r) => repoOfUrl(r.url, 'datasets')).find(Boolean)
  );
}

/** The repo a purl of any type names, for a wrapper that describes a model (`pkg:generic/o%2Fm`). */
export function repoNamedByPurl(purl: string | undefined): string | undefined {
  if (!purl) return undefined;
  const type = /^pkg:([a-z0-9.+-]+)\//i.exec(purl)?.[1];
  return type ? repoOfPurl(purl, type.toLowerCase()) : undefined;
}

/** The owner half of a repo id. */
export const ownerOf = (repo: string) => repo.slice(0, repo.indexOf('/'));
