namespace InvestPortal.Search;

/// <summary>
/// Makes each listing indexed once when a rebuild and index messages meet. A rebuild reads the database after it has
/// noted which index messages were already pending (committed): whatever they ask for, it reads anyway. So while it
/// runs, the dispatcher records those messages done without indexing them, the rebuild marks the rest done when it
/// completes, and puts them all back to pending if it fails (<see cref="SearchIndexer.RebuildAsync"/>). Messages enqueued later are indexed normally (and replayed
/// into the new index by the engine). At start, index messages also wait until <see cref="SearchIndexStartup"/> has
/// decided whether to rebuild — otherwise a portal started after an import would index the import's messages into
/// the old index and then read the same listings again in its start-up rebuild.
/// One per process (singleton); a rebuild in another process is not seen, which only costs a second indexing.
/// </summary>
public sealed class SearchRebuildCoordinator
{
    /// <summary>Longest wait for the start-up decision, for a process whose hosted services never start.</summary>
    public static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _startupDecided = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Running? _running;
    // What the last successful rebuild covered: a dispatcher may still hold some of those messages when it ends (the
    // rebuild leaves held ones to it), notably the rest of the batch whose index message ran a backlog rebuild.
    private volatile Running? _completed;

    internal sealed record Running(HashSet<Guid> Covered);

    /// <summary>The start-up check is over (no rebuild, or a rebuild that has noted what it covers).</summary>
    public void StartupDecided() => _startupDecided.TrySetResult();

    /// <summary>A rebuild starts that covers the given pending index messages; dispose the result when it ends.</summary>
    public RebuildScope Begin(IEnumerable<Guid> coveredMessageIds)
    {
        var running = new Running([.. coveredMessageIds]);
        _running = running;
        StartupDecided();
        return new RebuildScope(this, running);
    }

    /// <summary>
    /// Whether the message's work is done by a running rebuild: waits for the start-up decision, then answers at once
    /// (waiting for a long rebuild would outlive the dispatcher's lease and count failed attempts). Should that rebuild
    /// fail, it puts the messages it covered back to pending (<see cref="SearchIndexer.RebuildAsync"/>).
    /// </summary>
    public async Task<bool> IsCoveredByRebuildAsync(Guid messageId, CancellationToken ct)
    {
        try { await _startupDecided.Task.WaitAsync(StartupWait, ct); }
        catch (TimeoutException) { StartupDecided(); }
        return (_running is { } running && running.Covered.Contains(messageId))
            || (_completed is { } completed && completed.Covered.Contains(messageId));
    }

    public sealed class RebuildScope : IDisposable
    {
        private readonly SearchRebuildCoordinator _owner;
        private readonly Running _running;

        internal RebuildScope(SearchRebuildCoordinator owner, Running running) => (_owner, _running) = (owner, running);

        /// <summary>The rebuild is in the index: its messages stay covered after it ends (a failed one puts them back to pending instead).</summary>
        public void Complete() => _owner._completed = _running;

        public void Dispose()
        {
            if (_owner._running == _running) _owner._running = null;
        }
    }
}
