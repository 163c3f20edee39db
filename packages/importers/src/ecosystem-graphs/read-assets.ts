import path from 'node:path';
import { validationError } from '@lineage/domain';
import { plainValue } from '../ids';
import { inputKind, listInputDir } from '../input-files';
import { readYamlList, YamlListError } from '../yaml-records';

export type AssetType = 'model' | 'dataset' | 'application';

export interface Asset {
  at: string;
  file: string;
  type: AssetType;
  name: string;
  organization: string;
  dependencies: string[];
  license?: unknown;
  access?: unknown;
  createdDate?: unknown;
  url?: unknown;
  monthlyActiveUsers?: unknown;
}

const TYPES = new Set<AssetType>(['model', 'dataset', 'application']);

/**
 * Every asset of the given Ecosystem Graphs files, in file order. Any problem (bad YAML, an
 * asset without a name, an unknown type) refuses the whole import, naming file and line.
 */
export async function readAssets(files: string[]): Promise<Asset[]> {
  const problems: string[] = [];
  const assets: Asset[] = [];
  for (const { file, root } of await yamlFiles(files)) {
    let records;
    try {
      records = await readYamlList(file, root);
    } catch (error) {
      if (error instanceof YamlListError) problems.push(...error.problems);
      else throw error;
      continue;
    }
    for (const record of records) {
      const at = `${record.file}:${record.line}`;
      const value = record.value as Record<string, unknown> | null;
      if (!value || typeof value !== 'object') {
        problems.push(`${at}: an asset must be a mapping`);
        continue;
      }
      const type = plainValue(value.type);
      const name = plainValue(value.name);
      const organization = plainValue(value.organization);
      if (!TYPES.has(type as AssetType))
        problems.push(`${at}: type must be model, dataset or application, not '${String(type)}'`);
      if (typeof name !== 'string' || !name.trim()) problems.push(`${at}: the asset has no name`);
      if (typeof organization !== 'string' || !organization.trim())
        problems.push(`${at}: the asset has no organization`);
      const dependencies = plainValue(value.dependencies) ?? [];
      if (
        !Array.isArray(dependencies) ||
        dependencies.some((d) => typeof plainValue(d) !== 'string')
      ) {
        problems.push(`${at}: dependencies must be a list of asset names`);
        continue;
      }
      if (problems.length) continue;
      assets.push({
        at,
        file: record.file,
        type: type as AssetType,
        name: (name as string).trim(),
        organization: (organization as string).trim(),
        dependencies: dependencies.map((d) => String(plainValue(d)).trim()).filter(Boolean),
        license: plainValue(value.license),
        access: plainValue(value.access),
        createdDate: plainValue(value.created_date),
        url: plainValue(value.url),
        monthlyActiveUsers: plainValue(value.monthly_active_users),
      });
    }
  }
  if (problems.length)
    throw validationError(
      `the Ecosystem Graphs files have ${problems.length} problem(s)`,
      problems,
    );
  return assets;
}

/** The YAML files to read, a directory standing for the YAML files under it. */
async function yamlFiles(inputs: string[]): Promise<{ file: string; root: string }[]> {
  const files: { file: string; root: string }[] = [];
  for (const input of inputs) {
    if ((await inputKind(input)) === 'file') files.push({ file: input, root: path.dirname(input) });
    else
      for (const file of await listInputDir(input, (name) => /\.ya?ml$/.test(name), {
        recursive: true,
      }))
        files.push({ file, root: input });
  }
  if (!files.length)
    throw validationError(`${inputs.join(', ')}: no Ecosystem Graphs asset files (*.yaml) to read`);
  return files.sort((a, b) => (a.file < b.file ? -1 : 1));
}
