namespace BreathPacing;

/// <summary>What the library knows about phase kinds, written once: which are holds, and which hold follows which breath.</summary>
internal static class BreathPhaseKinds
{
    /// <summary>Whether the lungs stay as they are during a phase of this kind.</summary>
    public static bool IsHold(this BreathPhaseKind kind) => kind is BreathPhaseKind.HoldAfterInhale or BreathPhaseKind.HoldAfterExhale;

    /// <summary>The hold that keeps what a breath of <paramref name="breath"/> left: full after an inhale, empty after an exhale.</summary>
    public static BreathPhaseKind HoldAfter(BreathPhaseKind breath) =>
        breath == BreathPhaseKind.Exhale ? BreathPhaseKind.HoldAfterExhale : BreathPhaseKind.HoldAfterInhale;

    /// <summary>
    /// The index of the nearest breath (inhale or exhale) before <paramref name="index"/>, counting round the cycle, or
    /// -1 when the cycle has none. With <paramref name="wrap"/> off, only phases before <paramref name="index"/> count.
    /// </summary>
    public static int NearestBreathBefore(int count, Func<int, BreathPhaseKind> kindAt, int index, bool wrap = true)
    {
        for (var back = 1; back <= (wrap ? count : index); back++)
        {
            var at = (((index - back) % count) + count) % count;
            if (!kindAt(at).IsHold())
            {
                return at;
            }
        }

        return -1;
    }
}
