namespace InvestPortal.Core.Glossary;

/// <summary>
/// What a text must begin with to stem to one of a set of stems, checked before stemming it. Both stemmers only cut a
/// word's end, and only the English one changes a letter it keeps — the last, to i or y (happy → happi, flies → fly) — so
/// a stem begins every text it is the stem of, without its last letter when that is i or y (<c>StemPrefixTests</c>).
/// Those beginnings ("heads") are kept as a letter tree: a text none of whose beginnings is a head cannot stem to any
/// stem of the set, and once the walk down the tree falls off, no longer text from there can either. Concept matching
/// walks each word, and each spelling of words written together, down here and stems only the few that reach a head.
/// </summary>
public sealed class StemHeads
{
    /// <summary>The walk's state before any letter.</summary>
    public const int Start = 0;
    /// <summary>The walk fell off the tree: no head begins with the letters walked.</summary>
    public const int Gone = -1;

    private readonly Dictionary<long, int> _next = [];
    private readonly bool[] _endsHead;

    public StemHeads(IEnumerable<string> stems)
    {
        var ends = new List<bool> { false };
        foreach (var stem in stems)
        {
            var state = Start;
            foreach (var c in Head(stem))
            {
                if (!_next.TryGetValue(Key(state, c), out var next))
                {
                    next = ends.Count;
                    ends.Add(false);
                    _next[Key(state, c)] = next;
                }
                state = next;
            }
            ends[state] = true;
        }
        _endsHead = [.. ends];
    }

    /// <summary>Whether a head ends at this state: every text walked to here begins with it.</summary>
    public bool EndsHead(int state) => state != Gone && _endsHead[state];

    /// <summary>The state after one more letter (<see cref="Gone"/> once off the tree).</summary>
    public int Follow(int state, char c) => state != Gone && _next.TryGetValue(Key(state, c), out var next) ? next : Gone;

    /// <summary>Whether some stem of the set could be the stem of <paramref name="text"/>: one of its beginnings is a head.</summary>
    public bool MayBeStemOf(ReadOnlySpan<char> text)
    {
        var state = Start;
        if (EndsHead(state)) return true;
        foreach (var c in text)
        {
            state = Follow(state, c);
            if (state == Gone) return false;
            if (EndsHead(state)) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="stem"/> could be the stem of <paramref name="text"/> (the same rule for one stem).</summary>
    public static bool MayBeStemOf(string stem, ReadOnlySpan<char> text) => text.StartsWith(Head(stem), StringComparison.Ordinal);

    /// <summary>What every text with this stem begins with.</summary>
    private static ReadOnlySpan<char> Head(string stem) =>
        stem.Length > 0 && stem[^1] is 'i' or 'y' ? stem.AsSpan(0, stem.Length - 1) : stem.AsSpan();

    private static long Key(int state, char c) => ((long)state << 16) | c;
}
