import { describe, expect, it } from 'vitest';
import { fixture } from '../testing';
import { lookupOf, type FakeNode } from '../testing/fake-lookup';
import { planCycloneDx } from './plan-bom';

// A BOM that names the versions of the models it deploys, planned against a store that holds
// the gpt-4o and gpt-3.5-turbo families with dated snapshots, and gpt-4o-mini without any.

const openai = (id: string, name: string, extra: Partial<FakeNode> = {}): FakeNode => ({
  id,
  kind: 'BaseModel',
  name,
  curated: true,
  developers: ['provider:openai'],
  ...extra,
});
const STORE: FakeNode[] = [
  { id: 'provider:openai', kind: 'Provider', name: 'OpenAI', curated: true, developers: [] },
  openai('model:openai/gpt-4o', 'GPT-4o', {
    pointsTo: [
      { to: 'model:openai/gpt-4o-2024-05-13', validFrom: '2024-05-13', validTo: '2024-10-02' },
      { to: 'model:openai/gpt-4o-2024-08-06', validFrom: '2024-10-02' },
    ],
  }),
  openai('model:openai/gpt-4o-2024-05-13', 'GPT-4o (2024-05-13 snapshot)', {
    snapshotOf: 'model:openai/gpt-4o',
    version: 'gpt-4o-2024-05-13',
  }),
  openai('model:openai/gpt-4o-2024-08-06', 'GPT-4o (2024-08-06 snapshot)', {
    snapshotOf: 'model:openai/gpt-4o',
    version: 'gpt-4o-2024-08-06',
  }),
  openai('model:openai/gpt-3.5-turbo', 'GPT-3.5 Turbo'),
  openai('model:openai/gpt-3.5-turbo-0125', 'GPT-3.5 Turbo (0125 snapshot)', {
    snapshotOf: 'model:openai/gpt-3.5-turbo',
  }),
  openai('model:openai/gpt-4o-mini', 'GPT-4o mini'),
];

const plan = () => planCycloneDx(fixture('cyclonedx/versioned-models.json'), lookupOf(STORE));
const DESK = 'deployment:fixture-desk-co/versioned-desk';
const deploys = async () =>
  Object.fromEntries(
    (await plan()).batch.relationships
      .filter((r) => r.type === 'DEPLOYS' && r.from === DESK)
      .map((r) => [r.to, r.matchedBy]),
  );

describe('a CycloneDX component that names a version', () => {
  it('deploys the stored snapshot of that version, not the family (version field, or purl @version)', async () => {
    const found = await deploys();
    expect(found).toMatchObject({
      'model:openai/gpt-4o-2024-08-06': 'owner-name',
      'model:openai/gpt-3.5-turbo-0125': 'owner-name',
    });
    expect(found).not.toHaveProperty('model:openai/gpt-4o');
    expect(found).not.toHaveProperty('model:openai/gpt-3.5-turbo');
  });

  it('deploys the family where no snapshot of the version is stored, and keeps the version in the match record', async () => {
    const p = await plan();
    expect(await deploys()).toHaveProperty('model:openai/gpt-4o-mini');
    // No snapshot node is invented.
    expect(p.batch.nodes.map((n) => n.id)).not.toContain('model:openai/gpt-4o-mini-2024-07-18');
    const mini = p.matches.find((m) => m.at.endsWith('#mini'));
    expect(mini).toMatchObject({
      version: '2024-07-18',
      resolution: { outcome: 'matched', id: 'model:openai/gpt-4o-mini' },
    });
    expect(p.notes.remarks.join('\n')).toMatch(
      /#mini.*version '2024-07-18'.*no snapshot.*model:openai\/gpt-4o-mini/,
    );
  });

  it('records the family the name means and the snapshot its version names in the match record', async () => {
    const p = await plan();
    expect(p.matches.find((m) => m.at.endsWith('#gpt-4o'))).toMatchObject({
      version: '2024-08-06',
      snapshot: 'model:openai/gpt-4o-2024-08-06',
      resolution: { outcome: 'matched', id: 'model:openai/gpt-4o', method: 'owner-name' },
    });
  });

  it('keeps the version on a new model, from its version field or its purl', async () => {
    const { batch } = await plan();
    const versions = Object.fromEntries(
      batch.nodes.map((n) => [n.name, 'version' in n ? n.version : undefined]),
    );
    expect(versions).toMatchObject({ 'Desk Tune': '1.2', 'Desk Ranker': '0.9' });
  });
});
