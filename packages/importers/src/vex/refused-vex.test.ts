import { describe, expect, it } from 'vitest';
import { buildCycloneDxVex } from './cyclonedx-vex';
import { buildOpenVex } from './openvex';
import { readVex } from './read-vex';
import { inputOf, NODES, statement } from './sample-input';

/** The problems a refused document is refused for. */
async function problemsOf(document: object): Promise<string> {
  const error = await readVex(JSON.stringify(document)).then(
    () => undefined,
    (e: unknown) => e as Error & { code?: string },
  );
  expect(error?.code).toBe('VALIDATION');
  return error!.message;
}

const openvex = () =>
  JSON.parse(buildOpenVex(inputOf([statement(NODES.base, 'EXPLOITABLE', { note: 'patch' })]))) as {
    statements: Record<string, unknown>[];
  } & Record<string, unknown>;
const cyclonedx = () =>
  JSON.parse(buildCycloneDxVex(inputOf([statement(NODES.base, 'EXPLOITABLE')]))) as {
    vulnerabilities: Record<string, unknown>[];
    components: Record<string, unknown>[];
  };

describe('a hostile or malformed VEX document', () => {
  it('is refused with the place of each problem', async () => {
    const wrongContext = { ...openvex(), '@context': 'https://openvex.dev/ns/v9' };
    expect(await problemsOf(wrongContext)).toMatch(/@context: .* is not OpenVEX v0.2.0/);

    const noProducts = openvex();
    delete noProducts.statements[0]!.products;
    expect(await problemsOf(noProducts)).toMatch(/statements\[0\]: no products/);

    const unknownStatus = openvex();
    unknownStatus.statements[0]!.status = 'exploitable';
    expect(await problemsOf(unknownStatus)).toMatch(/statements\[0\].status: must be one of/);

    const justified = openvex();
    justified.statements[0]!.justification = 'component_not_present';
    expect(await problemsOf(justified)).toMatch(
      /statements\[0\].justification: only a not_affected statement takes one, not affected/,
    );

    const nameless = openvex();
    nameless.statements[0]!.products = [{ '@id': 'https://example.org/app' }];
    expect(await problemsOf(nameless)).toMatch(
      /statements\[0\].products\[0\]: no Lineage id or hub purl/,
    );
  });

  it('is refused when its Lineage tag contradicts what it states', async () => {
    const tagged = openvex();
    tagged.statements[0]!.status_notes = '[lineage state=FALSE_POSITIVE by=alice]';
    expect(await problemsOf(tagged)).toMatch(
      /statements\[0\]: the Lineage tag's state FALSE_POSITIVE does not fit status affected/,
    );
    const contradicting = openvex();
    Object.assign(contradicting.statements[0]!, {
      status: 'not_affected',
      justification: 'component_not_present',
      status_notes: '[lineage justification=CODE_NOT_PRESENT]',
    });
    delete contradicting.statements[0]!.action_statement;
    expect(await problemsOf(contradicting)).toMatch(
      /CODE_NOT_PRESENT contradicts component_not_present/,
    );
  });

  it('is refused for a CycloneDX ref to nothing, two analyses of a pair, or a key stated twice', async () => {
    const dangling = cyclonedx();
    dangling.vulnerabilities[0]!.affects = [{ ref: 'no-such-component' }];
    expect(await problemsOf(dangling)).toMatch(
      /vulnerabilities\[0\].affects\[0\]: 'no-such-component' names no Lineage id or hub purl/,
    );

    const twice = cyclonedx();
    twice.vulnerabilities.push({
      ...twice.vulnerabilities[0]!,
      'bom-ref': 'again',
      analysis: { state: 'resolved' },
    });
    expect(await problemsOf(twice)).toMatch(
      /a second, different analysis of .* \(first at vulnerabilities\[0\]/,
    );

    const unjustified = cyclonedx();
    unjustified.vulnerabilities[0]!.analysis = { state: 'not_affected' };
    expect(await problemsOf(unjustified)).toMatch(
      /vulnerabilities\[0\].affects\[0\]: justification: NOT_AFFECTED needs a justification/,
    );

    await expect(readVex('{"bomFormat": "CycloneDX", "bomFormat": "x"}')).rejects.toThrow(
      /appears twice/,
    );
    await expect(readVex('{"hello": "world"}')).rejects.toThrow(/not a VEX document/);
  });
});
