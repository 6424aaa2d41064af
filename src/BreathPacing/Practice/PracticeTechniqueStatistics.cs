using System.Collections.Immutable;

namespace BreathPacing.Practice;

/// <summary>One technique's part of <see cref="PracticeStatistics"/>: its sessions, active time and level over time. Immutable.</summary>
public sealed class PracticeTechniqueStatistics
{
    internal PracticeTechniqueStatistics(string techniqueId, int sessions, TimeSpan activeTime, ImmutableArray<PracticeLevel> levels)
    {
        TechniqueId = techniqueId;
        Sessions = sessions;
        ActiveTime = activeTime;
        Levels = levels;
    }

    /// <summary>The technique's id.</summary>
    public string TechniqueId { get; }

    /// <summary>How many sessions of it the records hold.</summary>
    public int Sessions { get; }

    /// <summary>Their active time together.</summary>
    public TimeSpan ActiveTime { get; }

    /// <summary>One point per session, in end-time order: the level over time, to chart as it is.</summary>
    public ImmutableArray<PracticeLevel> Levels { get; }
}
