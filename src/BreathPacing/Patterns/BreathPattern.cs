using System.Collections.Immutable;

namespace BreathPacing;

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
        BreathsPerCycle = CountBreaths(phases);
        ReferencePhaseIndex = ProgressionMath.ReferenceIndex(phases);
        ProgressionSteps = progression is null ? 1 : (int)ProgressionMath.LevelCount(phases[ReferencePhaseIndex].Duration, progression);
    }

    /// <summary>The pattern's display name: one line of visible text, trimmed and normalised to NFC (see <see cref="Create"/>).</summary>
    public string Name { get; }

    /// <summary>
    /// The phases of one cycle, in order: at least one inhale and one exhale, and every hold of the kind the nearest
    /// earlier breath (round the cycle) calls for.
    /// </summary>
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
    public int ReferencePhaseIndex { get; }

    /// <summary>
    /// How many breaths one cycle holds: turns from breathing in to breathing out, so consecutive inhales (or
    /// exhales) with only holds between them count once. At least 1.
    /// </summary>
    public int BreathsPerCycle { get; }

    /// <summary>
    /// How many distinct cycle lengths the pattern goes through: 1 for a steady pattern; with a
    /// <see cref="Progression"/>, the first length, each step, and the target.
    /// </summary>
    public int ProgressionSteps { get; }

    /// <summary>
    /// The duration of phase <paramref name="phaseIndex"/> at progression step <paramref name="step"/>: every phase is
    /// scaled in proportion to the reference phase, rounded to the nearest tick. Step 0 is the phase as defined; the
    /// last step (<see cref="ProgressionSteps"/> − 1) is the progression's target.
    /// </summary>
    /// <param name="phaseIndex">The zero-based phase.</param>
    /// <param name="step">The zero-based step, from 0 to <see cref="ProgressionSteps"/> − 1.</param>
    /// <returns>The phase's duration at that step.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public TimeSpan PhaseDurationAt(int phaseIndex, int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(phaseIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(phaseIndex, Phases.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, ProgressionSteps);
        var phase = Phases[phaseIndex].Duration.Ticks;
        if (Progression is not { } progression || step == 0)
        {
            return TimeSpan.FromTicks(phase);
        }

        var reference = Phases[ReferencePhaseIndex].Duration.Ticks;
        return TimeSpan.FromTicks(ProgressionMath.Scale(phase, reference, ProgressionMath.ReferenceTicksAt(reference, progression, step)));
    }

    /// <summary>The same pattern with <paramref name="progression"/> (or none), validated as <see cref="BreathPatternBuilder.Build"/> validates it.</summary>
    /// <param name="progression">The progression, or <see langword="null"/> for a steady pattern.</param>
    /// <returns>A new pattern; this one is unchanged.</returns>
    /// <exception cref="InvalidBreathPatternException">The progression does not fit the pattern; the message names the field and value.</exception>
    public BreathPattern WithProgression(BreathProgression? progression)
    {
        if (progression is not null)
        {
            ProgressionMath.Validate(Phases, progression);
        }

        return new BreathPattern(Name, Phases, progression, DefaultLength);
    }

    /// <summary>The same pattern with another default session length.</summary>
    /// <param name="length">The length used when a caller names none.</param>
    /// <returns>A new pattern; this one is unchanged.</returns>
    public BreathPattern WithDefaultLength(SessionLength length)
    {
        ArgumentNullException.ThrowIfNull(length);
        return new BreathPattern(Name, Phases, Progression, length);
    }

    /// <summary>Starts composing a pattern named <paramref name="name"/>.</summary>
    /// <param name="name">
    /// The display name. It is trimmed (whitespace and invisible characters at either end) and normalised to Unicode NFC
    /// (where the platform can: not in globalization-invariant mode), and must then be one line of at most
    /// <see cref="PatternLimits.MaximumNameLength"/> characters with at least one visible character, free of control
    /// characters and of bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069).
    /// </param>
    /// <returns>A new builder; call <see cref="BreathPatternBuilder.Build"/> when done.</returns>
    /// <exception cref="InvalidBreathPatternException"><paramref name="name"/> breaks one of these rules; the error names <c>name</c>.</exception>
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

    private static int CountBreaths(ImmutableArray<BreathPhase> phases)
    {
        // An exhale starts a new breath when the nearest earlier breath (round the cycle) is an inhale.
        var breaths = 0;
        for (var i = 0; i < phases.Length; i++)
        {
            if (phases[i].Kind == BreathPhaseKind.Exhale
                && phases[BreathPhaseKinds.NearestBreathBefore(phases.Length, p => phases[p].Kind, i)].Kind == BreathPhaseKind.Inhale)
            {
                breaths++;
            }
        }

        return Math.Max(breaths, 1);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Phases.Length} phases, {ExactSeconds.Text(CycleDuration)} per cycle)";
}
