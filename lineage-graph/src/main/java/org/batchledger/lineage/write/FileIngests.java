package org.batchledger.lineage.write;

/**
 * Writes one ingested file as one {@link IngestFile} command on the {@link LedgeredWrite unit of work}: the file's
 * records and its SourceFile in one transaction, so nothing of a file is visible until all of it is, and a crash
 * mid-file leaves nothing (the transaction never committed).
 */
public final class FileIngests {
    private final LedgeredWrite unitOfWork;

    public FileIngests(LedgeredWrite unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** @throws InvalidRecordsException naming every record refused; nothing is written then */
    public FileIngestReceipt ingest(FileIngestRequest request) {
        LedgeredWrite.Receipt<FileIngestReceipt> r = unitOfWork.run(new IngestFile(request));
        FileIngestReceipt f = r.result();
        return new FileIngestReceipt(f.counts(), r.commit().firstSeq(), r.commit().lastSeq(), f.pending(),
                f.alreadyRecorded(), r.commit().replayed(), r.bookmarks());
    }
}
