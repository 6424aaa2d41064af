using System.Collections.Immutable;

namespace BreathPacing.Patterns;

/// <summary>
/// A named breath pattern: the ordered phases of one cycle, an optional progression that lengthens the
/// breaths as the session goes on, and the session length used when a caller names none.
/// Immutable, validated when built, and thread-safe; equality is by value.
/// </summary>
/// <example>
/// <code>
/// var calm = BreathPattern.Create("calm")
///     .Inhale(TimeSpan.FromSeconds(4), Airway.Nose)
///     .Exhale(TimeSpan.FromSeconds(6), Airway.ThroatConstricted)
///     .Build();
/// </code>
/// </example>
public sealed record BreathPattern
{
    internal BreathPattern(string name, ImmutableArray<BreathPhase> phases, BreathProgression? progression, SessionLength defaultLength)
    {
        Name = name;
        Phases = phases;
        Progression = progression;
        DefaultLength = defaultLength;

        var cycle = TimeSpan.Zero;
        var inhale = TimeSpan.Zero;
        var exhale = TimeSpan.Zero;
        foreach (var phase in phases)
        {
            cycle += phase.Duration;
            if (phase.Kind == BreathPhaseKind.Inhale)
            {
                inhale += phase.Duration;
            }
            else if (phase.Kind == BreathPhaseKind.Exhale)
            {
                exhale += phase.Duration;
            }
        }

        CycleDuration = cycle;
        InhaleDuration = inhale;
        ExhaleDuration = exhale;
    }

    /// <summary>The pattern's display name; never empty.</summary>
    public string Name { get; }

    /// <summary>The phases of one cycle, in order. Never empty; holds out at least one inhale and one exhale.</summary>
    public ImmutableArray<BreathPhase> Phases { get; }

    /// <summary>How the breaths lengthen as the session goes on, or <see langword="null"/> for a steady pattern.</summary>
    public BreathProgression? Progression { get; }

    /// <summary>The session length used when a caller names none. The default is <see cref="SessionLength.OpenEnded"/>.</summary>
    public SessionLength DefaultLength { get; }

    /// <summary>The duration of the first cycle (the sum of the phase durations).</summary>
    public TimeSpan CycleDuration { get; }

    /// <summary>The total inhale time of the first cycle.</summary>
    public TimeSpan InhaleDuration { get; }

    /// <summary>The total exhale time of the first cycle.</summary>
    public TimeSpan ExhaleDuration { get; }

    /// <summary>
    /// The reference phase that a <see cref="Progression"/> lengthens: the first inhale.
    /// </summary>
    public int ReferencePhaseIndex => ProgressionMath.ReferenceIndex(Phases);

    /// <summary>Starts composing a pattern named <paramref name="name"/>.</summary>
    /// <param name="name">The display name; not empty, at most <see cref="PatternLimits.MaximumNameLength"/> characters.</param>
    /// <returns>A new builder; call <see cref="BreathPatternBuilder.Build"/> when done.</returns>
    /// <exception cref="InvalidBreathPatternException"><paramref name="name"/> is empty or too long.</exception>
    public static BreathPatternBuilder Create(string name) => new(name);

    /// <inheritdoc />
    public bool Equals(BreathPattern? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Equals(Progression, other.Progression)
        && Equals(DefaultLength, other.DefaultLength)
        && Phases.AsSpan().SequenceEqual(other.Phases.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Progression);
        hash.Add(DefaultLength);
        foreach (var phase in Phases)
        {
            hash.Add(phase);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Phases.Length} phases, {PatternLimits.Format(CycleDuration)} per cycle)";
}
