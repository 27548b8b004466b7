import { useEffect, useRef, useState, type FormEvent } from 'react';
import { graphql, saveBlob } from '../api/hub';
import { CHECKPOINT, INCLUSION, VERIFY, type CheckpointResult, type InclusionProof, type InclusionResult, type Verification, type VerifyResult } from '../api/operations';
import { ErrorPanel, formatTime, Loading, Show, useAsync } from '../ui/states';

export function LedgerScreen() {
  const checkpoint = useAsync(() => graphql<CheckpointResult>(CHECKPOINT), []);
  return (
    <section aria-labelledby="ledger-title">
      <h1 id="ledger-title">Ledger</h1>
      <h2>Latest signed checkpoint</h2>
      <Show async={checkpoint} what="checkpoint">
        {({ ledgerCheckpoint: c }) => (
          <>
            <dl className="header" data-testid="checkpoint">
              <div><dt>Origin</dt><dd>{c.origin}</dd></div>
              <div><dt>Tree size</dt><dd data-testid="tree-size">{c.treeSize}</dd></div>
              <div><dt>Signed at</dt><dd>{formatTime(c.timestamp)}</dd></div>
              <div className="wide"><dt>Root hash</dt><dd><code>{c.rootHash}</code></dd></div>
              <div className="wide"><dt>Verifier key</dt><dd><code>{c.publicKey}</code></dd></div>
            </dl>
            <pre className="note" aria-label="signed checkpoint note">{c.note}</pre>
            <button type="button" data-testid="note-download" onClick={() =>
              saveBlob(new Blob([c.note], { type: 'text/plain' }), `checkpoint-${c.treeSize}.note`)}>Download checkpoint note</button>
            <span className="hint"> Verify it offline with the key above (StandaloneVerifier checkpoint --note FILE).</span>
          </>
        )}
      </Show>
      <h2>Verify the ledger</h2>
      <Verify />
      <h2>Inclusion proof</h2>
      <Inclusion />
    </section>
  );
}

/** Verification is one request that replays the whole ledger: progress is the time it has taken so far. */
function Verify() {
  const [state, setState] = useState<{ running: boolean; result?: Verification; error?: unknown; started?: number }>({ running: false });
  const [now, setNow] = useState(Date.now());
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearInterval(timer.current), []);
  const run = () => {
    const started = Date.now();
    setState({ running: true, started });
    timer.current = window.setInterval(() => setNow(Date.now()), 250);
    graphql<VerifyResult>(VERIFY).then((r) => setState({ running: false, result: r.verifyLedger }),
      (error: unknown) => setState({ running: false, error })).finally(() => window.clearInterval(timer.current));
  };
  const r = state.result;
  return (
    <div>
      <button type="button" onClick={run} disabled={state.running} data-testid="verify">Verify now</button>
      {state.running ? (
        <div role="status" aria-live="polite">
          <progress aria-label="verification running" /> Re-deriving every entry, the chain, the Merkle root and every
          record’s content hash… {((now - (state.started ?? now)) / 1000).toFixed(1)} s
        </div>
      ) : null}
      {state.error ? <ErrorPanel error={state.error} /> : null}
      {r ? (
        <div className={'state ' + (r.ok ? 'ok' : 'error')} role="status" data-testid="verify-result">
          <strong>{r.ok ? 'Verified: the ledger is intact.' : 'Verification FAILED.'}</strong>{' '}
          {r.entriesChecked} entries ({(r.canonicalBytes / 1024).toFixed(0)} KiB), {r.recordsChecked} records and{' '}
          {r.checkpointsChecked} checkpoints checked in {(r.elapsedMillis / 1000).toFixed(2)} s; tree size {r.treeSize}, root <code>{r.rootHash.slice(0, 16)}…</code>
          {!r.ok ? (
            <>
              <p>First bad entry: {r.firstBadEntry ?? '—'}; bad entries: {r.badEntries}; record mismatches: {r.recordMismatchCount}</p>
              <ul>{r.problems.map((p) => <li key={p}>{p}</li>)}</ul>
              <ul>{r.recordMismatches.map((m) => <li key={m.entityType + m.entityKey}>{m.entityType} {m.entityKey} (seq {m.ledgerSeq ?? '—'}): {m.reason}</li>)}</ul>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Inclusion() {
  const [seq, setSeq] = useState('1');
  const [state, setState] = useState<{ busy: boolean; proof?: InclusionProof; error?: unknown }>({ busy: false });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true });
    graphql<InclusionResult>(INCLUSION, { seq: Number(seq) }).then((r) => setState({ busy: false, proof: r.inclusionProof }),
      (error: unknown) => setState({ busy: false, error }));
  };
  const p = state.proof;
  return (
    <div>
      <form className="search" onSubmit={submit}>
        <label htmlFor="seq">Entry sequence number</label>{' '}
        <input id="seq" type="number" min={1} value={seq} onChange={(e) => setSeq(e.target.value)} />
        {' '}<button type="submit" disabled={state.busy}>Prove inclusion</button>
      </form>
      {state.busy ? <Loading what="inclusion proof" /> : null}
      {state.error ? <ErrorPanel error={state.error} /> : null}
      {p ? (
        <div data-testid="inclusion">
          <p>Entry {p.seq} (leaf {p.leafIndex}) is in the tree of {p.treeSize} entries with root <code>{p.rootHash}</code>.</p>
          <p>Leaf hash <code>{p.leafHash}</code>; audit path ({p.hashes.length} hashes, leaf side first):</p>
          <ol className="hashes">{p.hashes.map((h, i) => <li key={i}><code>{h}</code></li>)}</ol>
          <button type="button" onClick={() => saveBlob(new Blob([JSON.stringify(p, null, 2)], { type: 'application/json' }),
            `inclusion-${p.seq}-of-${p.treeSize}.json`)}>Download proof</button>
        </div>
      ) : null}
    </div>
  );
}
