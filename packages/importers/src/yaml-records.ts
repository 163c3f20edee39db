import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { readInputText } from './input-files';

/** One record of a YAML list, with what is needed to point a person at it. */
export interface LocatedRecord {
  file: string;
  line: number;
  value: unknown;
  /** The line of a field inside the record, for errors about that field. */
  lineOf(fieldPath: PropertyKey[]): number;
}

export class YamlListError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Reads a file holding a YAML list; syntax errors come back with file and line. */
export async function readYamlList(file: string, displayRoot: string): Promise<LocatedRecord[]> {
  const display = path.relative(displayRoot, file) || file;
  const text = await readInputText(file, displayRoot);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (document.errors.length) {
    throw new YamlListError(
      document.errors.map(
        (error) => `${display}:${error.linePos?.[0].line ?? 1}: ${error.message.split('\n')[0]}`,
      ),
    );
  }
  const line = (node: Node | null | undefined, fallback: number) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : fallback;
  if (document.contents === null) return [];
  if (!isSeq(document.contents)) {
    throw new YamlListError([`${display}:1: expected a list of records`]);
  }
  return document.contents.items.map((item) => {
    const recordLine = line(item as Node, 1);
    return {
      file: display,
      line: recordLine,
      value: (item as Node & { toJSON(): unknown }).toJSON(),
      lineOf(fieldPath) {
        if (!isMap(item) || fieldPath.length === 0) return recordLine;
        const keys = fieldPath.map((key) => (typeof key === 'symbol' ? String(key) : key));
        const found = item.getIn(keys, true) as Node | undefined;
        // A missing field is reported at its record; a field with a bad value at that value.
        return line(found, line(item.getIn(keys.slice(0, -1), true) as Node, recordLine));
      },
    };
  });
}
