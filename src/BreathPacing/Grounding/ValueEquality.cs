using System.Collections.Immutable;

namespace BreathPacing.Grounding;

/// <summary>Sequence-aware equality for the content records, which hold immutable arrays (compared by reference otherwise).</summary>
internal static class ValueEquality
{
    public static bool Equal<T>(ImmutableArray<T> left, ImmutableArray<T> right)
        where T : IEquatable<T> =>
        left.AsSpan().SequenceEqual(right.AsSpan());

    public static void Add<T>(ref HashCode hash, ImmutableArray<T> items)
    {
        hash.Add(items.Length);
        foreach (var item in items)
        {
            hash.Add(item);
        }
    }
}
