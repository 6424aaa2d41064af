using System.Collections.Immutable;

namespace BreathPacing.Practice;

/// <summary>
/// The feelings a person can give a session, with the stable codes the journal format writes (<c>easy</c>,
/// <c>comfortable</c>, <c>hard</c>, <c>dizzy</c>): for a host's command line, form values or storage. The words shown to
/// people are catalog texts (<see cref="PracticeTextKeys.Feeling"/>).
/// </summary>
public static class PracticeFeelings
{
    /// <summary>Every feeling, from the easiest to the one that sends the plan back to the start.</summary>
    public static ImmutableArray<PracticeFeeling> All { get; } =
        [PracticeFeeling.Easy, PracticeFeeling.Comfortable, PracticeFeeling.Hard, PracticeFeeling.Dizzy];

    /// <summary>The stable code of <paramref name="feeling"/>, e.g. <c>dizzy</c>.</summary>
    /// <param name="feeling">A defined feeling.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="feeling"/> is not a defined value.</exception>
    public static string Code(PracticeFeeling feeling) => PracticeCodes.Of(feeling);

    /// <summary>Reads a feeling from its stable code (exact, lower case).</summary>
    /// <param name="code">A code such as <c>easy</c>.</param>
    /// <param name="feeling">The feeling, when the code is known.</param>
    /// <returns>Whether the code is known.</returns>
    public static bool TryParse(string? code, out PracticeFeeling feeling)
    {
        if (code is null)
        {
            feeling = default;
            return false;
        }

        return PracticeCodes.TryParseFeeling(code, out feeling);
    }
}
