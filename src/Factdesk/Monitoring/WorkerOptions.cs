namespace Factdesk.Monitoring;

/// <summary>How a worker takes jobs: <see cref="MaxDeliver"/> failed attempts send a job to the dead-letter stream.</summary>
public sealed record WorkerOptions
{
    public int MaxDeliver { get; init; } = 5;

    /// <summary>How long a job may go unacknowledged before the server gives it to another worker (a worker that died).</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait before a failed job is tried again, times the number of the attempt.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Jobs fetched at a time; a small batch keeps jobs from waiting in one worker while another is idle.</summary>
    public int Batch { get; init; } = 8;

    /// <summary>Stop once no job has come for this long (for batch runs and tests); null runs until stopped.</summary>
    public TimeSpan? IdleExit { get; init; }
}
