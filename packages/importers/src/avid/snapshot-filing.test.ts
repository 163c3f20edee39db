import { describe, expect, it } from 'vitest';
import { fixture } from '../testing';
import { lookupOf, type FakeNode } from '../testing/fake-lookup';
import { planAvid } from './plan';

// A store holding the gpt-4o family, the periods its name pointed to each dated snapshot, and
// gpt-4o-mini without snapshots: reports that name the family are filed on the snapshot it
// served on the day of the report.

const openai = (id: string, name: string, extra: Partial<FakeNode> = {}): FakeNode => ({
  id,
  kind: 'BaseModel',
  name,
  curated: true,
  developers: ['provider:openai'],
  ...extra,
});
const STORE: FakeNode[] = [
  openai('model:openai/gpt-4o', 'GPT-4o', {
    pointsTo: [
      { to: 'model:openai/gpt-4o-2024-05-13', validFrom: '2024-05-13', validTo: '2024-10-02' },
      { to: 'model:openai/gpt-4o-2024-08-06', validFrom: '2024-10-02' },
    ],
  }),
  openai('model:openai/gpt-4o-2024-05-13', 'gpt-4o-2024-05-13', {
    snapshotOf: 'model:openai/gpt-4o',
  }),
  openai('model:openai/gpt-4o-2024-08-06', 'gpt-4o-2024-08-06', {
    snapshotOf: 'model:openai/gpt-4o',
  }),
  openai('model:openai/gpt-4o-mini', 'GPT-4o mini'),
];

const plan = (...ids: string[]) =>
  planAvid(
    ids.map((id) => fixture(`avid/dated/${id}.json`)),
    lookupOf(STORE),
  );
const filedOn = async (id: string) => {
  const { batch } = await plan(id);
  return batch.relationships
    .filter((r) => r.type === 'AFFECTS' && r.from === `defect:${id}`)
    .map((r) => ({ to: r.to, matchedBy: r.matchedBy, recordedFrom: r.recordedFrom }));
};

describe('AVID reports on a model family', () => {
  it('file the defect on the snapshot the family name pointed to on the report date', async () => {
    expect(await filedOn('AVID-2026-R9921')).toEqual([
      {
        to: 'model:openai/gpt-4o-2024-05-13',
        matchedBy: 'owner-name',
        recordedFrom: expect.stringMatching(
          /AVID-2026-R9921.*model:openai\/gpt-4o-2024-05-13.*model:openai\/gpt-4o.*2024-08-01/,
        ),
      },
    ]);
    expect((await filedOn('AVID-2026-R9922')).map((e) => e.to)).toEqual([
      'model:openai/gpt-4o-2024-08-06',
    ]);
  });

  it("say how in the relationship's record and the match record, which keeps the family the name means; a filed report is no remark", async () => {
    const { batch, notes, matches } = await plan('AVID-2026-R9921');
    expect(batch.relationships.find((r) => r.type === 'AFFECTS')?.recordedFrom).toBe(
      "avid AVID-2026-R9921: filed on model:openai/gpt-4o-2024-05-13, the snapshot 'OpenAI GPT-4o' (model:openai/gpt-4o) pointed to on 2024-08-01",
    );
    // Remarks list the reports not filed, and why: every report is one or the other.
    expect(notes.remarks).toEqual([]);
    expect(matches).toEqual([
      expect.objectContaining({
        name: 'OpenAI GPT-4o',
        resolution: expect.objectContaining({ id: 'model:openai/gpt-4o' }),
        snapshot: 'model:openai/gpt-4o-2024-05-13',
      }),
    ]);
  });

  it('stay on the family when the name pointed nowhere on that day, the report has no date, or no snapshot is stored', async () => {
    for (const id of ['AVID-2026-R9923', 'AVID-2026-R9924'])
      expect(
        (await filedOn(id)).map((e) => e.to),
        id,
      ).toEqual(['model:openai/gpt-4o']);
    expect((await filedOn('AVID-2026-R9925')).map((e) => e.to)).toEqual([
      'model:openai/gpt-4o-mini',
    ]);
  });

  it('file a report that names a snapshot on that snapshot, whatever the family pointed to then', async () => {
    expect((await filedOn('AVID-2026-R9926')).map((e) => e.to)).toEqual([
      'model:openai/gpt-4o-2024-05-13',
    ]);
  });
});
