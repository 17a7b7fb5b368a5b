namespace Factdesk.Ingestion.Batch;

public enum IngestStatus
{
    /// <summary>A new article, stored with its dossier.</summary>
    Stored,

    /// <summary>A near-copy of a stored article (the same wire story on another site): stored, and linked to it.</summary>
    StoredCopy,

    /// <summary>Already stored (same canonical URL or same text): nothing written.</summary>
    AlreadyStored,

    Failed,
}

/// <summary>What happened to one item. <see cref="Id"/> is the stored article (new or existing); <see cref="CopyOf"/> the original a copy links to.</summary>
public sealed record IngestOutcome(string Name, IngestStatus Status, long? Id = null, long? CopyOf = null, string? Reason = null);
