using System.Globalization;

namespace BreathPacing.Practice;

/// <summary>
/// Why <see cref="PracticePlan"/> suggests what it does, as values a host can show: the kind, the length before and
/// after, and the sessions that decided it. Look its words up with <see cref="TextKey"/> and fill them in with
/// <see cref="Format"/>. Immutable; equality is by value.
/// </summary>
public sealed class PracticePlanReason : IEquatable<PracticePlanReason>
{
    internal PracticePlanReason(PracticePlanReasonKind kind, double? fromSeconds, double toSeconds, PracticeFeeling? feeling, int sessionsInARow, int sessionsNeeded)
    {
        Kind = kind;
        FromSeconds = fromSeconds;
        ToSeconds = toSeconds;
        Feeling = feeling;
        SessionsInARow = sessionsInARow;
        SessionsNeeded = sessionsNeeded;
    }

    /// <summary>The kind of reason.</summary>
    public PracticePlanReasonKind Kind { get; }

    /// <summary>
    /// The length of the latest session (its <see cref="BreathTechniqueOptions.StartSeconds"/>, brought within the
    /// technique's range), or <see langword="null"/> when there is none.
    /// </summary>
    public double? FromSeconds { get; }

    /// <summary>The length suggested for the next session: the next options' <see cref="BreathTechniqueOptions.StartSeconds"/>.</summary>
    public double ToSeconds { get; }

    /// <summary>The feeling that decided, or <see langword="null"/> when none did (no session yet, or none rated at this length).</summary>
    public PracticeFeeling? Feeling { get; }

    /// <summary>How many of the latest rated sessions at this length felt like <see cref="Feeling"/>, one after another; 0 when none decided.</summary>
    public int SessionsInARow { get; }

    /// <summary>How many in a row that feeling needs to change the length (<see cref="PracticePlanOptions.EasySessionsToLengthen"/> or <see cref="PracticePlanOptions.HardSessionsToShorten"/>); 1 for a dizzy session; 0 when no count applies.</summary>
    public int SessionsNeeded { get; }

    /// <summary>The key of the reason's text: <see cref="PracticeTextKeys.PlanReason"/> of <see cref="Kind"/>.</summary>
    public string TextKey => PracticeTextKeys.PlanReason(Kind);

    /// <summary>
    /// Fills a reason's text with its numbers: <c>{0}</c> is <see cref="FromSeconds"/> (empty when there is none),
    /// <c>{1}</c> <see cref="ToSeconds"/>, <c>{2}</c> <see cref="SessionsInARow"/> and <c>{3}</c> <see cref="SessionsNeeded"/>.
    /// </summary>
    /// <param name="template">The text, e.g. <c>catalog.GetText(reason.TextKey)</c>.</param>
    /// <param name="provider">How numbers are written, e.g. the catalog's culture; <see langword="null"/> for the invariant culture (never the thread's).</param>
    /// <returns>The text to show.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="template"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The template holds a placeholder other than <c>{0}</c> to <c>{3}</c>.</exception>
    public string Format(string template, IFormatProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        return string.Format(provider ?? CultureInfo.InvariantCulture, template, FromSeconds, ToSeconds, SessionsInARow, SessionsNeeded);
    }

    /// <inheritdoc />
    public bool Equals(PracticePlanReason? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Kind == other.Kind
            && Nullable.Equals(FromSeconds, other.FromSeconds)
            && ToSeconds.Equals(other.ToSeconds)
            && Feeling == other.Feeling
            && SessionsInARow == other.SessionsInARow
            && SessionsNeeded == other.SessionsNeeded);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PracticePlanReason);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, FromSeconds, ToSeconds, Feeling, SessionsInARow, SessionsNeeded);

    /// <summary>A short description, e.g. <c>EasyInARow 5 s → 6 s (easy 2 of 2)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Kind} {(FromSeconds is { } from ? PracticeFormat.Number(from) + " s → " : "")}{PracticeFormat.Number(ToSeconds)} s"
        + (Feeling is { } f ? $" ({PracticeCodes.Of(f)} {SessionsInARow.ToString(CultureInfo.InvariantCulture)} of {SessionsNeeded.ToString(CultureInfo.InvariantCulture)})" : "");
}
