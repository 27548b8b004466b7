import { useState } from 'react';
import { download } from '../api/hub';
import type { Provenance } from '../api/operations';
import { hasAnyRole, SOURCE_FILE_READERS } from '../auth/token';
import { useSessionUser } from '../auth/context';
import { ErrorPanel, formatTime } from './states';

/** Who captured a record, when, from where, and the original file behind it (ALCOA+: attributable, original). */
export function ProvenanceLine({ p }: { p: Provenance }) {
  return (
    <span className="provenance">
      {p.source}{p.locator ? <> @ <code>{p.locator}</code></> : null} · recorded by {p.recordedBy} at {formatTime(p.recordedAt)}
      {p.sourceFile ? <> · <SourceFileLink sha256={p.sourceFile.sha256} name={p.sourceFile.fileName} /></> : null}
    </span>
  );
}

export function SourceFileLink({ sha256, name }: { sha256: string; name: string | null }) {
  const user = useSessionUser();
  const [error, setError] = useState<unknown>();
  const url = '/api/source-files/' + sha256;
  if (!hasAnyRole(user?.roles ?? [], SOURCE_FILE_READERS)) {
    return <span title={'sha256 ' + sha256}>source file {name ?? sha256.slice(0, 12)}</span>;
  }
  return (
    <>
      <a href={url} className="source-file" onClick={(e) => {
        e.preventDefault();
        setError(undefined);
        // the hub names an original by its hash; the user knows it by the name it was ingested under
        download(url, sha256, name ?? undefined).catch(setError);
      }}>source file {name ?? sha256.slice(0, 12)}</a>
      {error ? <ErrorPanel error={error} /> : null}
    </>
  );
}
