import {
  RELATION_TYPES,
  type KindGroup,
  type LineageRelation,
  type RelationType,
} from '@lineage/domain';
import { property, type BomPart } from './bom-document';
import { deriveFrom, type Derivation, type ModelNaming } from './derivation';
import { PROPERTY } from './export-bom';
import { hubModelOf } from './hub-id';

function defaultRelation(from: KindGroup, to: KindGroup): RelationType {
  if (from === 'Model' && to === 'Dataset') return 'TRAINED_ON';
  if (from === 'Dataset' && to === 'Model') return 'GENERATED_BY';
  if (from === 'Deployment' && to === 'Model') return 'DEPLOYS';
  if (from === 'Deployment' && to === 'Deployment') return 'BUILT_ON';
  return 'DEPENDS_ON';
}

const namingOf = ({ component }: BomPart): ModelNaming => ({
  names: [component.name, hubModelOf(component), component.version].filter((n): n is string => !!n),
  description: component.description,
  approach: component.modelCard?.modelParameters?.approach?.type,
});

/** The relation a link states (Lineage's own export property), else what the BOM implies. */
export function relationOf(
  from: BomPart,
  to: BomPart,
  toId: string,
  ancestors: number,
): Derivation {
  const stated = property(from.component, PROPERTY.relation(toId));
  if ((RELATION_TYPES as readonly string[]).includes(stated ?? ''))
    return {
      type: stated as LineageRelation,
      inferred: property(from.component, PROPERTY.inferred(toId)) === 'true',
    };
  if (from.group === 'Model' && to.group === 'Model')
    return deriveFrom(namingOf(from), namingOf(to), ancestors);
  return { type: defaultRelation(from.group, to.group) as LineageRelation, inferred: false };
}
