import { withUploadedFile, type UploadFormat } from '@lineage/core';
import type { Context } from '../../context';
import { apiError } from '../../errors';
import type {
  MutationImportFileArgs,
  QueryCycloneDxBomArgs,
  QueryVexDocumentArgs,
} from '../../generated/graphql';
import { mutate, requireWriter } from '../mutations/mutate';

/** The most text importFile takes: a model-card file or a BOM is far smaller. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_NOTES = 200;

const FORMATS: Record<string, UploadFormat> = {
  CYCLONEDX: 'cyclonedx',
  HF_CARDS: 'hf-cards',
  HF_TREE: 'hf-tree',
  ECOSYSTEM_GRAPHS: 'ecosystem-graphs',
  AVID: 'avid',
  JAILBREAKBENCH: 'jailbreakbench',
  VEX: 'vex',
};

/** An import's notes (unresolved, ambiguous, duplicates...), one line each, kind first. */
const noteLines = (notes: object) =>
  Object.entries(notes as Record<string, string[]>)
    .flatMap(([kind, lines]) => lines.map((line) => `${kind}: ${line}`))
    .slice(0, MAX_NOTES);

export const fileResolvers = {
  ImportFormat: FORMATS,
  Query: {
    vexDocument: async (_: unknown, args: QueryVexDocumentArgs, ctx: Context) => {
      const { json } = await ctx.services.vex(args.id, {
        format: args.format === 'OPENVEX' ? 'openvex' : 'cyclonedx',
        specVersion: args.cycloneDxVersion === 'V1_7' ? '1.7' : '1.6',
        asOf: args.asOf ?? undefined,
      });
      return json;
    },
    cycloneDxBom: async (_: unknown, args: QueryCycloneDxBomArgs, ctx: Context) => {
      const { json } = await ctx.services.cycloneDxBom(args.deploymentId, {
        asOf: args.asOf ?? undefined,
        disclosedOnly: args.disclosedOnly ?? false,
      });
      return json;
    },
  },
  Mutation: {
    importFile: (_: unknown, args: MutationImportFileArgs, ctx: Context) => {
      // Who may write is settled before the size: a stranger learns nothing about the limit.
      requireWriter(ctx);
      if (Buffer.byteLength(args.content) > MAX_IMPORT_BYTES)
        throw apiError(
          'PAYLOAD_TOO_LARGE',
          `content is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MB; import bigger files with the CLI (lineage import)`,
        );
      const upload = {
        fileName: args.fileName,
        content: args.content,
        format: args.format ? (args.format as unknown as UploadFormat) : undefined,
      };
      return mutate(ctx, 'import', (change) =>
        withUploadedFile(upload, async (file, format) => {
          if (args.dryRun) {
            const plan = await ctx.services.review.plan(format, [file]);
            const summary = { ...plan.counts, format, dryRun: true };
            return {
              summary: {
                ...summary,
                graphVersion: plan.graphVersion,
                notes: noteLines(plan.notes),
              },
            };
          }
          const { plan, report } = await ctx.services.imports.run(format, [file], {
            by: change.by,
          });
          const count = (outcome: string) =>
            plan.matches.filter((m) => m.resolution.outcome === outcome).length;
          return {
            summary: {
              format,
              dryRun: false,
              records: plan.records,
              nodes: plan.batch.nodes.length,
              relationships: plan.batch.relationships.length,
              linked: plan.linked,
              matched: count('matched'),
              unresolved: count('unresolved'),
              ambiguous: count('ambiguous'),
              nodesWritten: report.nodes,
              relationshipsWritten: report.relationships,
              graphVersion: report.graphVersion,
              notes: noteLines(plan.notes),
            },
          };
        }),
      );
    },
  },
};
