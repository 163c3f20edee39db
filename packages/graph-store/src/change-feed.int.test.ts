import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFeed, type ChangeRow } from './change-feed';
import { Connection } from './connection';
import { batch, link, node, testNamespace, testNeo4j } from './testing';
import { writeBatch } from './write-store';

let connection: Connection;
beforeAll(() => {
  connection = Connection.open(testNeo4j());
});
afterAll(async () => {
  await connection.close();
});

const change = { by: 'test', action: 'test', summary: 'change feed' };

/** Writes through writeBatch as GraphStore.write does, keeping the row it announces. */
async function written(...args: Parameters<typeof batch>): Promise<ChangeRow> {
  let own: ChangeRow | undefined;
  await writeBatch(connection, batch(...args), change, undefined, (row) => (own = row));
  expect(own, 'the write announced no Change').toBeDefined();
  return own!;
}

describe('a write announces the Change record it stored', () => {
  it('exactly as another process reads it back: the lineage delta and the ids touched', async () => {
    const ns = testNamespace();
    const [base, tuned] = ['base', 'tuned'].map((name) => ns.id('model', `lab/${name}`)) as [
      string,
      string,
    ];
    const rows = [
      await written([node({ id: base, kind: 'BaseModel', name: 'Base' })]),
      await written(
        [node({ id: tuned, kind: 'FineTune', name: 'Tuned', releasedAt: '2024-05-01' })],
        [link('FINE_TUNED_FROM', tuned, base)],
      ),
      // A change of name only: no lineage change, and no delta.
      await written([node({ id: tuned, kind: 'FineTune', name: 'Renamed' })]),
    ];
    expect(rows.map((row) => row.lineageChanged)).toEqual([true, true, false]);
    expect(rows[1]!.touched).toEqual(expect.arrayContaining([tuned, base]));
    for (const row of rows) {
      const stored = await ChangeFeed.of(connection).between(row.version - 1, row.version);
      expect(stored).toEqual([row]);
    }
  });
});

describe('ChangeFeed', () => {
  it('reads from Neo4j the versions this process did not write', async () => {
    const ns = testNamespace();
    const feed = ChangeFeed.of(connection);
    const first = await written([
      node({ id: ns.id('model', 'lab/a'), kind: 'BaseModel', name: 'A' }),
    ]);
    feed.recorded(first);
    const second = await written([
      node({ id: ns.id('model', 'lab/b'), kind: 'BaseModel', name: 'B' }),
    ]);
    expect(await feed.between(second.version - 1, second.version)).toEqual([second]);
    expect(await feed.between(first.version - 1, first.version)).toEqual([first]);
  });
});
