import neo4j from 'neo4j-driver';
import type { Connection } from './connection';

/** The writes after `since` up to `until`, in order: what each did to the lineage and touched. */
const CHANGES_BETWEEN = `
  MATCH (c:Change) WHERE c.graphVersion > $since AND c.graphVersion <= $until
  WITH c, coalesce(c.lineageChanged, true) AS lineageChanged
  RETURN c.graphVersion AS version, lineageChanged,
         CASE WHEN lineageChanged THEN c.lineageDelta END AS delta,
         c.touchedIds AS touched
  ORDER BY version`;

/** One write's Change record, as far as readers that follow the writes need it. */
export interface ChangeRow {
  version: number;
  lineageChanged: boolean;
  /** The lineage delta as recorded (JSON), null when the write changed no lineage or lacks it. */
  delta: string | null;
  /** The ids the write touched, null when it could not name them. */
  touched: string[] | null;
}

/** How many recent reads are kept for readers that ask for the same versions. */
const KEPT = 4;
/** How many of this process's own recent writes are kept. */
const OWN_KEPT = 1_000;

/**
 * The Change records between two graph versions, for everyone in this process who follows the
 * writes: after a write, the projection (its lineage delta) and the read cache (the ids it
 * touched) both ask for the versions the request moved across. Versions this process wrote
 * itself are answered from what it recorded; others are read once for both. A version's Change
 * is committed with the write that made the version and never changes, so rows stay true.
 */
export class ChangeFeed {
  private recent: { since: number; until: number; rows: Promise<ChangeRow[]> }[] = [];
  /** Change records of writes this process committed, by version. */
  private readonly own = new Map<number, ChangeRow>();

  /** `read` asks Neo4j (see `ChangeFeed.of`); tests of the sharing pass their own. */
  constructor(private readonly read: (since: number, until: number) => Promise<ChangeRow[]>) {}

  static of(connection: Connection): ChangeFeed {
    return new ChangeFeed((since, until) =>
      connection.read<ChangeRow>(CHANGES_BETWEEN, {
        since: neo4j.int(since),
        until: neo4j.int(until),
      }),
    );
  }

  /**
   * A write this process committed, with the Change record it stored: readers here that move
   * across only such versions need not read them back (another replica still does).
   */
  recorded(row: ChangeRow) {
    this.own.set(row.version, row);
    if (this.own.size > OWN_KEPT) this.own.delete(this.own.keys().next().value!);
  }

  between(since: number, until: number): Promise<ChangeRow[]> {
    const own = this.ownBetween(since, until);
    if (own) return Promise.resolve(own);
    const covering = this.recent.find((read) => read.since <= since && until <= read.until);
    if (covering)
      return covering.rows.then((rows) =>
        rows.filter((row) => row.version > since && row.version <= until),
      );
    const read = { since, until, rows: this.read(since, until) };
    this.recent = [read, ...this.recent.slice(0, KEPT - 1)];
    // A failed read is not kept, nor one that found versions missing (asked past the newest
    // write, or records pruned): the next reader asks Neo4j again.
    const forget = () => {
      this.recent = this.recent.filter((kept) => kept !== read);
    };
    read.rows.then((rows) => rows.length !== until - since && forget(), forget);
    return read.rows;
  }

  /** The rows of (since, until] when this process wrote every one of those versions. */
  private ownBetween(since: number, until: number): ChangeRow[] | undefined {
    if (until - since > OWN_KEPT) return undefined;
    const rows: ChangeRow[] = [];
    for (let version = since + 1; version <= until; version++) {
      const row = this.own.get(version);
      if (!row) return undefined;
      rows.push(row);
    }
    return rows;
  }
}
