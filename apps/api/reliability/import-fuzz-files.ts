import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { BACKUP_FORMAT, BACKUP_VERSION, type ImportFormat } from '@lineage/importers';
import { injectionString } from './injection-strings';

/** A file that is wrong by construction for its format: an import must refuse it whole. */
export interface MalformedFile {
  format: ImportFormat;
  name: string;
  content: string;
}

/**
 * Anything shaped like `owner/name`, however odd, may be a real hub id (`constructor/0` is
 * one): an injection meant to be refused must not take that shape.
 */
const notHubIdShaped = injectionString.filter((s) => !/^[\w.-]+\/[\w.-]+$/.test(s));

const goodEdge = fc.constantFrom('a/b,c/d,finetuned', 'meta-llama/x,someone/y,quantized');
const badEdge = fc.oneof(
  notHubIdShaped.map((s) => `a/b,${s},finetuned`),
  injectionString.map((s) => `a/b,c/d,${s}`),
  fc.constantFrom('a/b,c/d', 'a/b,c/d,merged,extra', ',,', 'a/b,c/d,FINETUNED'),
);
const hfTree = fc
  .tuple(fc.array(goodEdge, { maxLength: 5 }), fc.array(badEdge, { minLength: 1, maxLength: 3 }))
  .chain(([good, bad]) =>
    fc.shuffledSubarray([...good, ...bad], { minLength: good.length + bad.length }),
  )
  .map((rows) => ['source,target,edge', ...rows].join('\n'));

const badCard = fc.oneof(
  injectionString,
  notHubIdShaped.map((s) => JSON.stringify({ id: s, base_model: 'a/b' })),
  notHubIdShaped.map((s) => JSON.stringify({ id: 'a/b', base_model: [s] })),
  injectionString.map((s) =>
    JSON.stringify({ id: 'a/b', base_model: 'c/d', base_model_relation: s }),
  ),
  fc.constantFrom('{"id": 1}', '[]', 'null', '{"id": "a/b", "base_model": []}'),
);
const hfCards = fc
  .array(badCard, { minLength: 1, maxLength: 4 })
  .map((lines) => [JSON.stringify({ id: 'x/y', base_model: 'a/b' }), ...lines].join('\n'));

const backupHeaderLine = JSON.stringify({
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  graphVersion: 1,
});
/** A trailer that matches the lines (hash and plausible counts), so each line is what is judged. */
const withTrailer = (lines: string[]) => {
  const body = `${lines.join('\n')}\n`;
  const nodes = lines.filter((line) => line.startsWith('{"node"')).length;
  const trailer = {
    nodes,
    relationships: 0,
    sha256: createHash('sha256').update(body).digest('hex'),
  };
  return `${body}${JSON.stringify({ trailer })}\n`;
};
const backup = fc.oneof(
  // A first line that is not a backup header at all.
  fc.oneof(injectionString, fc.constantFrom('null', '[]', '42', '"lineage-backup"', '{')),
  // A header, then lines that are not nodes or relationships.
  fc
    .array(
      fc.oneof(
        injectionString,
        injectionString.map((s) => JSON.stringify({ node: { id: s, kind: 'Provider', name: s } })),
        injectionString.map((s) =>
          JSON.stringify({ relationship: { type: s, from: 'a', to: 'b' } }),
        ),
        fc.constantFrom('{"node": null}', '{"other": 1}', 'null', '[1,2]'),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((lines) => withTrailer([backupHeaderLine, ...lines])),
);

const cyclonedx = fc.oneof(
  injectionString,
  fc.constantFrom(
    'null',
    '[]',
    '{"bomFormat": "CycloneDX"}',
    '{"bomFormat": "CycloneDX", "components": 5}',
  ),
  injectionString.map((s) =>
    JSON.stringify({ bomFormat: 'CycloneDX', specVersion: s, components: [{ type: s, name: s }] }),
  ),
);

const ecosystemGraphs = fc.oneof(
  injectionString.map((s) => `- type: ${JSON.stringify(s)}\n  name: x\n`),
  fc.constantFrom('- [unclosed', 'key: value', '- name: 5\n  type: model\n  organization: [', '42'),
);

export const malformedFile: fc.Arbitrary<MalformedFile> = fc.oneof(
  hfTree.map((content) => ({ format: 'hf-tree' as const, name: 'edges.csv', content })),
  hfCards.map((content) => ({ format: 'hf-cards' as const, name: 'cards.jsonl', content })),
  backup.map((content) => ({ format: 'backup' as const, name: 'backup.jsonl', content })),
  cyclonedx.map((content) => ({ format: 'cyclonedx' as const, name: 'bom.json', content })),
  ecosystemGraphs.map((content) => ({
    format: 'ecosystem-graphs' as const,
    name: 'assets.yaml',
    content,
  })),
);
