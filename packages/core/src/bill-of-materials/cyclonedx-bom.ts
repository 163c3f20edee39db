import type { GraphStore } from '@lineage/graph-store';
import { buildBom, validateBom } from '@lineage/importers';
import type { TimeOptions } from '../time/as-of';
import { billOfMaterials, type BillOfMaterials } from './bill-of-materials';

/**
 * A deployment's bill of materials as a CycloneDX 1.6 JSON document, checked against the
 * schema the CycloneDX library ships: the CLI (`lineage bom`) and the API serve this one.
 */
export async function cycloneDxBom(
  store: GraphStore,
  deploymentId: string,
  options: TimeOptions = {},
): Promise<{ bill: BillOfMaterials; json: string }> {
  const bill = await billOfMaterials(store, deploymentId, options);
  const json = buildBom(bill);
  const problems = await validateBom(json);
  // Our own output failing the schema is a bug, not the caller's input: an internal error.
  if (problems)
    throw new Error(`the BOM does not validate against CycloneDX 1.6: ${JSON.stringify(problems)}`);
  return { bill, json };
}
