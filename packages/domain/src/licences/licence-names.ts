/**
 * How licences are named in free text. A `name` pattern is specific enough to be found anywhere
 * in a field ("Llama 3.1 Community License", "Apache 2.0"); a `bare` pattern is also a model's
 * name ("Llama 2", "Gemma"), so it counts only when it is the whole of a clause: "derived from
 * Llama 3.1 8B Base" names a model, not a licence. Hub ids and aliases count as bare names too.
 */
export interface LicenceName {
  id: string;
  name?: RegExp[];
  bare?: RegExp[];
}

export const LICENCE_NAMES: LicenceName[] = [
  // Case matters: "mit" is a word in other languages, and the hub id is read as a bare name.
  { id: 'mit', name: [/\bMIT\b/, /\bmit\s+licen[cs]e\b/i] },
  {
    id: 'apache-2.0',
    name: [/\bapache(?:[\s-]+licen[cs]e)?,?[\s-]*(?:version[\s-]*|v)?2(?:\.0)?\b/i],
  },
  { id: 'bsd-3-clause', name: [/\bBSD[\s-]*3[\s-]*clause\b/i, /\b3[\s-]*clause[\s-]+BSD\b/i] },
  {
    id: 'gpl-3.0',
    name: [/\bGPL[\s-]*v?3\b/i, /\bGNU\s+General\s+Public\s+Licen[cs]e,?\s*v(?:ersion)?\s*3\b/i],
  },
  {
    id: 'agpl-3.0',
    name: [
      /\bAGPL[\s-]*v?3\b/i,
      /\bGNU\s+Affero\s+General\s+Public\s+Licen[cs]e,?\s*v(?:ersion)?\s*3\b/i,
    ],
  },
  ...['2', '3', '3.1', '3.2', '3.3', '4'].map((version) => ({
    id: `llama${version}`,
    name: [
      new RegExp(
        String.raw`\b(?:meta\s+)?llama[\s-]*${escape(version)}(?:\s+community)?\s+licen[cs]e\b`,
        'i',
      ),
    ],
    bare: [new RegExp(String.raw`^(?:meta\s+)?llama[\s-]*${escape(version)}$`, 'i')],
  })),
  { id: 'gemma', name: [/\bgemma\s+(?:terms\s+of\s+use|licen[cs]e)\b/i], bare: [/^gemma$/i] },
  { id: 'deepseek', name: [/\bdeepseek\s+(?:model\s+)?licen[cs]e\b/i] },
  {
    id: 'tongyi-qianwen',
    name: [/\btongyi[\s-]*qianwen\s+licen[cs]e\b/i],
    bare: [/^tongyi[\s-]*qianwen$/i],
  },
  { id: 'qwen-research', name: [/\bqwen\s+research\s+licen[cs]e\b/i] },
  { id: 'qwen', name: [/\bqwen\s+licen[cs]e\b/i] },
  {
    id: 'mnpl-0.1',
    name: [/\bmistral\s+(?:ai\s+)?non[\s-]*production\s+licen[cs]e\b/i, /\bMNPL(?:-0\.1)?\b/i],
  },
  { id: 'mrl', name: [/\bmistral\s+(?:ai\s+)?research\s+licen[cs]e\b/i, /\bMRL(?:-0\.1)?\b/] },
  { id: 'openai', name: [/\bopenai\s+terms\s+of\s+(?:use|service)\b/i] },
  { id: 'proprietary', bare: [/^proprietary$/i] },
  { id: 'openrail++', name: [/\b(?:creativeml[\s-]*)?open[\s-]*rail[\s-]*\+\+(?:[\s-]*m\b)?/i] },
  { id: 'creativeml-openrail-m', name: [/\bcreativeml[\s-]*open[\s-]*rail[\s-]*m\b/i] },
  { id: 'bigscience-openrail-m', name: [/\bbigscience[\s-]*open[\s-]*rail[\s-]*m\b/i] },
  {
    id: 'bigcode-openrail-m',
    name: [/\bbigcode[\s-]*open[\s-]*rail[\s-]*m\b(?:[\s-]*v?1(?:\.0)?\b)?/i],
  },
  {
    id: 'bigscience-bloom-rail-1.0',
    name: [
      /\b(?:bigscience[\s-]*(?:bloom[\s-]*)?|bloom[\s-]*)rail(?:[\s-]*licen[cs]e)?[\s-]*v?1(?:\.0)?\b/i,
    ],
  },
  // Last of the RAIL names: the family, when no member is named ("OpenRAIL-M").
  { id: 'openrail', name: [/\bopen[\s-]*rail(?:[\s-]*m)?\b/i] },
];

/** Creative Commons names carry their elements: "CC BY-NC-SA 4.0", "CC-BY-4.0". */
export const CREATIVE_COMMONS =
  /\b(?:cc|creative\s+commons)[\s-]*(?:by|attribution)((?:[\s-]*(?:nc|noncommercial|sa|sharealike|nd|noderivatives))*)[\s-]*(?:international\s+)?(?:licen[cs]e\s+)?v?4\.0\b/i;

/** The catalogue id of a Creative Commons 4.0 licence with the elements named, if catalogued. */
export function creativeCommonsId(elements: string): string | undefined {
  const has = (pattern: RegExp) => pattern.test(elements);
  if (has(/nd|noderivatives/i)) return undefined;
  const nc = has(/nc|noncommercial/i) ? '-nc' : '';
  const sa = has(/sa|sharealike/i) ? '-sa' : '';
  return `cc-by${nc}${sa}-4.0`;
}

/** Addresses of licence texts, without scheme, "www." or trailing slash, each to its id. */
export const LICENCE_URLS: Record<string, string> = {
  'opensource.org/licenses/mit': 'mit',
  'opensource.org/license/mit': 'mit',
  'apache.org/licenses/license-2.0': 'apache-2.0',
  'apache.org/licenses/license-2.0.txt': 'apache-2.0',
  'apache.org/licenses/license-2.0.html': 'apache-2.0',
  'ai.meta.com/llama/license': 'llama2',
  'llama.meta.com/llama3/license': 'llama3',
  'huggingface.co/spaces/bigscience/license': 'bigscience-bloom-rail-1.0',
  'huggingface.co/spaces/bigcode/bigcode-model-license-agreement': 'bigcode-openrail-m',
  'huggingface.co/stabilityai/stable-diffusion-xl-base-1.0/blob/main/license.md': 'openrail++',
};

function escape(text: string): string {
  return text.replace(/\./g, String.raw`\.`);
}
