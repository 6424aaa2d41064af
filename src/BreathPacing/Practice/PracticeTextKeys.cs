namespace BreathPacing.Practice;

/// <summary>
/// The keys of the texts a person sees around practice: the question asked after a session, the feelings to answer
/// with, and the plan's reasons (<see cref="PracticePlanReason.TextKey"/>). The built-in grounding catalog holds their
/// English text, and translations supply them like any other key: <c>catalog.GetText(PracticeTextKeys.Feeling(PracticeFeeling.Dizzy))</c>.
/// </summary>
public static class PracticeTextKeys
{
    /// <summary>The question a host asks after a session: <c>practice.feeling.question</c>.</summary>
    public const string FeelingQuestion = "practice.feeling.question";

    /// <summary>The word for a feeling: <c>practice.feeling.{code}</c>, e.g. <c>practice.feeling.dizzy</c>.</summary>
    /// <param name="feeling">The feeling.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="feeling"/> is not a defined value.</exception>
    public static string Feeling(PracticeFeeling feeling) => "practice.feeling." + PracticeCodes.Of(feeling);

    /// <summary>
    /// The text of a plan's reason: <c>practice.plan.{code}</c>, e.g. <c>practice.plan.easy-in-a-row</c>. The text may hold
    /// the placeholders that <see cref="PracticePlanReason.Format"/> fills.
    /// </summary>
    /// <param name="kind">The reason's kind.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static string PlanReason(PracticePlanReasonKind kind) => "practice.plan." + PracticeCodes.Of(kind);
}
