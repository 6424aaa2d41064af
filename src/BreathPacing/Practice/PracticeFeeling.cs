namespace BreathPacing.Practice;

/// <summary>
/// How a session felt, as the person said when asked after it. The words a person sees are content: look them up
/// with <see cref="PracticeTextKeys.Feeling"/> (and ask with <see cref="PracticeTextKeys.FeelingQuestion"/>).
/// </summary>
/// <remarks>The numbers are stable and may be stored; JSON and CSV use the codes <c>easy</c>, <c>comfortable</c>, <c>hard</c> and <c>dizzy</c>.</remarks>
public enum PracticeFeeling
{
    /// <summary>Easy: the breaths could be longer. Enough easy sessions in a row lengthen the next one.</summary>
    Easy = 0,

    /// <summary>Comfortable: right for now. The next session stays at the same length.</summary>
    Comfortable = 1,

    /// <summary>Hard: a strain. The next session steps back.</summary>
    Hard = 2,

    /// <summary>Dizzy or light-headed. The next session goes back to the starting length, as the article cautions.</summary>
    Dizzy = 3,
}
