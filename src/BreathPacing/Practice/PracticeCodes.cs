using System.Globalization;

namespace BreathPacing.Practice;

/// <summary>The stable codes of feelings, reasons and option kinds, as text keys, JSON and CSV write them.</summary>
internal static class PracticeCodes
{
    public const string ThreePartOptions = "threePartBreath";
    public const string OceanOptions = "oceansBreath";
    public const string SharedOptions = "shared";

    public const string FeelingExpectation = "\"easy\", \"comfortable\", \"hard\" or \"dizzy\"";
    public const string OptionsKindExpectation = "\"threePartBreath\", \"oceansBreath\" or \"shared\"";

    private static readonly string[] Feelings = ["easy", "comfortable", "hard", "dizzy"];

    private static readonly string[] Reasons =
        ["first-session", "not-rated", "easy", "easy-in-a-row", "goal-reached", "comfortable", "hard", "hard-in-a-row", "hard-at-start", "dizzy"];

    public static string Of(PracticeFeeling feeling) =>
        (uint)feeling < (uint)Feelings.Length
            ? Feelings[(int)feeling]
            : throw new ArgumentOutOfRangeException(nameof(feeling), feeling, $"Expected a defined feeling (0 to {Feelings.Length - 1}); was {((int)feeling).ToString(CultureInfo.InvariantCulture)}.");

    public static string Of(PracticePlanReasonKind kind) =>
        (uint)kind < (uint)Reasons.Length
            ? Reasons[(int)kind]
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Expected a defined reason kind (0 to {Reasons.Length - 1}); was {((int)kind).ToString(CultureInfo.InvariantCulture)}.");

    public static bool TryParseFeeling(string code, out PracticeFeeling feeling)
    {
        var index = Array.IndexOf(Feelings, code);
        feeling = (PracticeFeeling)Math.Max(index, 0);
        return index >= 0;
    }

    public static bool IsDefined(PracticeFeeling feeling) => (uint)feeling < (uint)Feelings.Length;

    /// <summary>The kind of options a record keeps: the built-in types by name, anything else as its shared settings.</summary>
    public static string OptionsKind(BreathTechniqueOptions options) => options switch
    {
        ThreePartBreathOptions => ThreePartOptions,
        OceansBreathOptions => OceanOptions,
        _ => SharedOptions,
    };
}
