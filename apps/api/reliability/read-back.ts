import { postGraphQL } from '@lineage/testkit';
import type { AcknowledgedWrite } from './load-operations';

// The API refuses more than 15 aliases in one document.
const NODES_PER_QUERY = 15;

interface StoredNode {
  id: string;
  name: string;
  outgoing?: { type: string; to: { id: string } }[];
}

/**
 * Reads every acknowledged write back through the API and returns those it cannot find: a node
 * missing or named otherwise, a relationship missing. A read that fails is retried, then the
 * read-back throws: one that cannot read proves nothing either way.
 */
export async function readBack(
  url: string,
  token: string,
  writes: AcknowledgedWrite[],
): Promise<string[]> {
  const ids = [...new Set(writes.map((w) => (w.kind === 'node' ? w.id : w.from)))];
  const stored = new Map<string, StoredNode | null>();
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += NODES_PER_QUERY) {
    batches.push(ids.slice(i, i + NODES_PER_QUERY));
  }
  // A few readers at once: quick, without becoming a load test of its own.
  const queue = [...batches];
  const reader = async () => {
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      for (const [id, node] of await readNodes(url, token, batch)) stored.set(id, node);
    }
  };
  await Promise.all([reader(), reader(), reader(), reader()]);

  const lost: string[] = [];
  for (const write of writes) {
    if (write.kind === 'node') {
      const node = stored.get(write.id);
      if (!node) lost.push(`node ${write.id}: not found`);
      else if (node.name !== write.name) lost.push(`node ${write.id}: named '${node.name}'`);
    } else {
      const found = stored
        .get(write.from)
        ?.outgoing?.some((r) => r.type === write.type && r.to.id === write.to);
      if (!found) lost.push(`relationship ${write.from} -[${write.type}]-> ${write.to}: not found`);
    }
  }
  return [...new Set(lost)];
}

async function readNodes(url: string, token: string, ids: string[]) {
  const query = `query ReadBack(${ids.map((_, i) => `$id${i}: ID!`).join(', ')}) {
    ${ids
      .map(
        (_, i) => `n${i}: node(id: $id${i}) { id name
          ... on LineageNode { outgoing { type to { id } } } }`,
      )
      .join('\n')}
  }`;
  const variables = Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));
  for (let attempt = 1; ; attempt++) {
    const answer = await postGraphQL(url, { query, variables }, { token });
    if (answer.status === 200 && !answer.errors?.length) {
      return ids.map(
        (id, i) => [id, (answer.data?.[`n${i}`] ?? null) as StoredNode | null] as const,
      );
    }
    if (attempt === 3) {
      throw new Error(`read-back failed: HTTP ${answer.status} ${answer.code}: ${answer.message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
