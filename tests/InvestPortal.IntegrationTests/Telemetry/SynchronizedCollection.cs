using System.Collections;

namespace InvestPortal.IntegrationTests.Telemetry;

/// <summary>What the in-memory exporters write into: they add from export threads while a test reads.</summary>
public sealed class SynchronizedCollection<T> : ICollection<T>
{
    private readonly List<T> items = [];
    private readonly Lock gate = new();

    public List<T> Snapshot()
    {
        lock (gate) return [.. items];
    }

    public int Count { get { lock (gate) return items.Count; } }
    public bool IsReadOnly => false;
    public void Add(T item) { lock (gate) items.Add(item); }
    public void Clear() { lock (gate) items.Clear(); }
    public bool Contains(T item) { lock (gate) return items.Contains(item); }
    public void CopyTo(T[] array, int arrayIndex) { lock (gate) items.CopyTo(array, arrayIndex); }
    public bool Remove(T item) { lock (gate) return items.Remove(item); }
    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
