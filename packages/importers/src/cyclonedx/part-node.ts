import {
  entityInputSchema,
  idProblem,
  isModelKind,
  kindGroup,
  NODE_KINDS,
  relationshipInputSchema,
  validationError,
  weakerMatch,
  type LineageRelation,
  type NodeKind,
} from '@lineage/domain';
import { httpUrl } from '../ids';
import { importedFrom, importedLink } from '../matching/provenance';
import { parseRecord } from '../parse-record';
import type { BatchBuilder } from '../plan';
import { property, type BomPart } from './bom-document';
import { kindFromDerivations } from './derivation';
import { PROPERTY } from './export-bom';
import type { PartIdentity } from './identify-parts';
import { componentVersion } from './versions';

/** A new node for a part, with its developer or operator (a provider of its own if need be). */
export function addPart(
  builder: BatchBuilder,
  part: BomPart,
  identity: PartIdentity,
  derivations: LineageRelation[],
  file: string,
  notes: { remarks: string[] },
) {
  const { component, where } = part;
  const at = `${file}#${part.ref}`;
  const stated = property(component, PROPERTY.kind);
  const kind: NodeKind = (NODE_KINDS as readonly string[]).includes(stated ?? '')
    ? (stated as NodeKind)
    : part.group === 'Model'
      ? kindFromDerivations(derivations)
      : (part.group as NodeKind);
  if (idProblem(identity.id, kind) || kindGroup(kind) !== part.group)
    throw validationError(
      `${file}: component '${component.name}' cannot be ${kind} '${identity.id}'`,
    );
  if (
    !stated &&
    part.group === 'Model' &&
    derivations.length &&
    derivations.every((d) => d === 'DEPENDS_ON')
  )
    notes.remarks.push(
      `${at}: '${component.name}' derives from a model but the BOM does not say how: filed ${kind}, linked DEPENDS_ON`,
    );
  const version = componentVersion(component);
  const license = component.licenses?.[0]?.license?.name ?? component.licenses?.[0]?.license?.id;
  const sources = (component.externalReferences ?? [])
    .map((r) => httpUrl(r.url))
    .filter((u): u is string => !!u);
  builder.addNode(
    parseRecord(
      entityInputSchema,
      {
        id: identity.id,
        kind,
        name: component.name,
        sources: [...new Set(sources)],
        ...(license ? { license } : {}),
        ...(version && isModelKind(kind) ? { version } : {}),
        ...importedFrom('cyclonedx', at),
      },
      `${file}: ${where}`,
    ),
  );
  const owner = identity.owner;
  // Lineage's own export names no supplier: its providers are already in the graph it came from.
  if (!owner || property(component, PROPERTY.id)) return;
  if (!owner.stored && !builder.hasNode(owner.providerId))
    builder.addNode(
      parseRecord(
        entityInputSchema,
        {
          id: owner.providerId,
          kind: 'Provider',
          name: owner.name,
          sources: owner.sources,
          ...importedFrom('cyclonedx', at),
        },
        `${file}: ${where}.supplier`,
      ),
    );
  builder.addRelationship(
    parseRecord(
      relationshipInputSchema,
      {
        type: part.group === 'Deployment' ? 'OPERATED_BY' : 'DEVELOPED_BY',
        from: identity.id,
        to: owner.providerId,
        ...importedLink('cyclonedx', at, weakerMatch(identity.method, owner.method)),
      },
      `${file}: ${where}.supplier`,
    ),
  );
}
