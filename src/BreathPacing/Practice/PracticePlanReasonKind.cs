namespace BreathPacing.Practice;

/// <summary>
/// Why <see cref="PracticePlan"/> chose the next session's length. Each kind has its own text
/// (<see cref="PracticeTextKeys.PlanReason"/>); see docs/adr/0010 for the rule.
/// </summary>
public enum PracticePlanReasonKind
{
    /// <summary>No session of the technique yet: begin at the starting length.</summary>
    FirstSession = 0,

    /// <summary>The latest sessions at this length have no feeling recorded: stay.</summary>
    NotRated = 1,

    /// <summary>Easy, but not yet enough easy sessions in a row: stay.</summary>
    Easy = 2,

    /// <summary>Enough easy sessions in a row: one step longer.</summary>
    EasyInARow = 3,

    /// <summary>Enough easy sessions in a row, but the goal is reached: stay at the goal.</summary>
    GoalReached = 4,

    /// <summary>Comfortable: stay until it feels easy.</summary>
    Comfortable = 5,

    /// <summary>Hard, but not yet enough hard sessions in a row to step back: stay.</summary>
    Hard = 6,

    /// <summary>Enough hard sessions in a row: one step shorter.</summary>
    HardInARow = 7,

    /// <summary>Hard at the starting length: stay there, the plan goes no shorter.</summary>
    HardAtStart = 8,

    /// <summary>Dizzy or light-headed: back to the starting length.</summary>
    Dizzy = 9,
}
