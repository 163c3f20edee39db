import type { Metadata } from 'next';
import { ImportForm } from '../../components/tools/ImportForm';

export const metadata: Metadata = { title: 'Import a file' };

export default function ImportPage() {
  return (
    <>
      <h1>Import a file</h1>
      <p className="muted">
        A CycloneDX bill of materials (JSON), a file of Hugging Face model cards (JSON lines), an
        Ecosystem Graphs asset list (YAML), an AVID report or a JailbreakBench or model-tree table
        (CSV), of at most 5 MB, imported all or nothing as <code>lineage import</code> does. Preview
        first: it matches the file against the graph and writes nothing.
      </p>
      <ImportForm />
    </>
  );
}
