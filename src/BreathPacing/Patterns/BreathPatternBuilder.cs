using System.Collections.Immutable;

namespace BreathPacing;

/// <summary>
/// Composes a <see cref="BreathPattern"/> in code. Every call validates its arguments at once (a rejected
/// call leaves the builder as it was); <see cref="Build"/> checks the whole. After <see cref="Build"/> the
/// builder cannot be changed. Not thread-safe: use one builder on one thread.
/// </summary>
/// <remarks>
/// Holds follow one model everywhere (the builder, the notation and the JSON format): a hold keeps what
/// the nearest earlier breath left (counting round the cycle), so a <see cref="BreathPhaseKind.HoldAfterInhale"/> must
/// follow an inhale and a <see cref="BreathPhaseKind.HoldAfterExhale"/> an exhale; a hold of exactly 0 s means "no hold"
/// and is left out; a hold moves no air, so it has no airway; like any phase it may have segments, during which every
/// region stays as full as it was.
/// </remarks>
public sealed class BreathPatternBuilder
{
    private readonly string _name;
    private readonly ImmutableArray<BreathPhase>.Builder _phases = ImmutableArray.CreateBuilder<BreathPhase>();
    private BreathProgression? _progression;
    private SessionLength _length = SessionLength.OpenEnded;
    private BreathPattern? _built;

    internal BreathPatternBuilder(string name) =>
        _name = UserText.Normalise("name", name, "name", PatternLimits.MaximumNameLength);

    /// <summary>How many phases the builder holds so far (a 0 s hold is not one).</summary>
    internal int Count => _phases.Count;

    /// <summary>Adds an inhale.</summary>
    /// <param name="duration">From 10 ms to 10 minutes.</param>
    /// <param name="airway">The airway; the default is <see cref="Airway.Unspecified"/>.</param>
    /// <param name="cueKey">The key of the phase's guidance text (one line of visible text, trimmed and normalised, at most <see cref="PatternLimits.MaximumKeyLength"/> characters), or <see langword="null"/>.</param>
    /// <param name="segments">Adds the phase's body-region segments, or <see langword="null"/> for none.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">An argument is invalid; the message names it.</exception>
    public BreathPatternBuilder Inhale(TimeSpan duration, Airway airway = Airway.Unspecified, string? cueKey = null, Action<BreathSegmentsBuilder>? segments = null) =>
        Phase(BreathPhaseKind.Inhale, duration, airway, cueKey, segments);

    /// <summary>Adds a hold with the lungs full; it must follow an inhale (see the remarks on <see cref="BreathPatternBuilder"/>).</summary>
    /// <param name="duration">From 10 ms to 10 minutes, or exactly 0 for no hold (nothing is added).</param>
    /// <param name="cueKey">The key of the phase's guidance text (one line of visible text, trimmed and normalised, at most <see cref="PatternLimits.MaximumKeyLength"/> characters), or <see langword="null"/>.</param>
    /// <param name="segments">Adds the phase's body-region segments (every region stays as full as it is), or <see langword="null"/> for none.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">An argument is invalid, or the nearest earlier breath is an exhale; the message names it.</exception>
    public BreathPatternBuilder HoldAfterInhale(TimeSpan duration, string? cueKey = null, Action<BreathSegmentsBuilder>? segments = null) =>
        Phase(BreathPhaseKind.HoldAfterInhale, duration, Airway.Unspecified, cueKey, segments);

    /// <summary>Adds an exhale.</summary>
    /// <param name="duration">From 10 ms to 10 minutes.</param>
    /// <param name="airway">The airway; the default is <see cref="Airway.Unspecified"/>.</param>
    /// <param name="cueKey">The key of the phase's guidance text (one line of visible text, trimmed and normalised, at most <see cref="PatternLimits.MaximumKeyLength"/> characters), or <see langword="null"/>.</param>
    /// <param name="segments">Adds the phase's body-region segments, or <see langword="null"/> for none.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">An argument is invalid; the message names it.</exception>
    public BreathPatternBuilder Exhale(TimeSpan duration, Airway airway = Airway.Unspecified, string? cueKey = null, Action<BreathSegmentsBuilder>? segments = null) =>
        Phase(BreathPhaseKind.Exhale, duration, airway, cueKey, segments);

    /// <summary>Adds a hold with the lungs empty; it must follow an exhale (see the remarks on <see cref="BreathPatternBuilder"/>).</summary>
    /// <param name="duration">From 10 ms to 10 minutes, or exactly 0 for no hold (nothing is added).</param>
    /// <param name="cueKey">The key of the phase's guidance text (one line of visible text, trimmed and normalised, at most <see cref="PatternLimits.MaximumKeyLength"/> characters), or <see langword="null"/>.</param>
    /// <param name="segments">Adds the phase's body-region segments (every region stays as full as it is), or <see langword="null"/> for none.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">An argument is invalid, or the nearest earlier breath is an inhale; the message names it.</exception>
    public BreathPatternBuilder HoldAfterExhale(TimeSpan duration, string? cueKey = null, Action<BreathSegmentsBuilder>? segments = null) =>
        Phase(BreathPhaseKind.HoldAfterExhale, duration, Airway.Unspecified, cueKey, segments);

    /// <summary>Adds a phase of any kind.</summary>
    /// <param name="kind">What the breath does.</param>
    /// <param name="duration">From 10 ms to 10 minutes; for a hold, exactly 0 means no hold (nothing is added).</param>
    /// <param name="airway">The airway; <see cref="Airway.Unspecified"/> for a hold.</param>
    /// <param name="cueKey">The key of the phase's guidance text (one line of visible text, trimmed and normalised, at most <see cref="PatternLimits.MaximumKeyLength"/> characters), or <see langword="null"/>.</param>
    /// <param name="segments">Adds the phase's body-region segments, or <see langword="null"/> for none.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">An argument is invalid; the message names it.</exception>
    public BreathPatternBuilder Phase(BreathPhaseKind kind, TimeSpan duration, Airway airway = Airway.Unspecified, string? cueKey = null, Action<BreathSegmentsBuilder>? segments = null)
    {
        ThrowIfBuilt();
        var field = $"phases[{_phases.Count}]";
        if (!Enum.IsDefined(kind))
        {
            throw new InvalidBreathPatternException(field + ".kind", kind.ToString(), "expected Inhale, HoldAfterInhale, Exhale or HoldAfterExhale.");
        }

        if (!Enum.IsDefined(airway))
        {
            throw new InvalidBreathPatternException(field + ".airway", airway.ToString(), "expected Unspecified, Nose, Mouth or ThroatConstricted.");
        }

        if (kind.IsHold() && airway != Airway.Unspecified)
        {
            throw new InvalidBreathPatternException(field + ".airway", airway.ToString(), "a hold moves no air, so it has no airway; expected Unspecified.");
        }

        PatternLimits.CheckPhaseDuration(field + ".duration", kind, duration);
        cueKey = cueKey is null ? null : UserText.Normalise(field + ".cueKey", cueKey, "cue key", PatternLimits.MaximumKeyLength);
        var segmentBuilder = new BreathSegmentsBuilder(field);
        segments?.Invoke(segmentBuilder);
        var built = segmentBuilder.Build();
        if (duration == TimeSpan.Zero)
        {
            // A 0 s hold is no hold: nothing is added, so nothing may hang on it.
            if (cueKey is not null)
            {
                throw new InvalidBreathPatternException(field + ".cueKey", UserText.Quote(cueKey), "a 0 s hold is left out of the pattern, so it cannot carry a cue key.");
            }

            if (!built.IsEmpty)
            {
                throw new InvalidBreathPatternException(field + ".segments", PatternLimits.Count(built.Length) + " segments", "a 0 s hold is left out of the pattern, so it cannot have segments.");
            }

            return this;
        }

        if (kind.IsHold())
        {
            var breath = BreathPhaseKinds.NearestBreathBefore(_phases.Count, i => _phases[i].Kind, _phases.Count, wrap: false);
            if (breath >= 0)
            {
                CheckHold(field, kind, breath, roundTheCycle: false);
            }
        }

        if (_phases.Count >= PatternLimits.MaximumPhases)
        {
            throw new InvalidBreathPatternException("phases", PatternLimits.Count(_phases.Count + 1), $"at most {PatternLimits.MaximumPhases} phases per cycle.");
        }

        _phases.Add(new BreathPhase(kind, duration, airway, built, cueKey));
        return this;
    }

    /// <summary>Lengthens the breaths as the session goes on; see <see cref="BreathProgression"/>.</summary>
    /// <param name="progression">The progression; its target must be longer than the first inhale.</param>
    /// <returns>This builder, for chaining.</returns>
    public BreathPatternBuilder WithProgression(BreathProgression progression)
    {
        ThrowIfBuilt();
        ArgumentNullException.ThrowIfNull(progression);
        _progression = progression;
        return this;
    }

    /// <summary>Sets the session length used when a caller names none.</summary>
    /// <param name="length">The default length; the default is <see cref="SessionLength.OpenEnded"/>.</param>
    /// <returns>This builder, for chaining.</returns>
    public BreathPatternBuilder WithDefaultLength(SessionLength length)
    {
        ThrowIfBuilt();
        ArgumentNullException.ThrowIfNull(length);
        _length = length;
        return this;
    }

    /// <summary>Validates the whole pattern and builds it. The builder cannot be changed afterwards.</summary>
    /// <returns>The pattern; calling again returns the same instance.</returns>
    /// <exception cref="InvalidBreathPatternException">The pattern is invalid; the message names the field and value.</exception>
    public BreathPattern Build()
    {
        if (_built is not null)
        {
            return _built;
        }

        if (_phases.Count == 0)
        {
            throw new InvalidBreathPatternException("phases", "[]", "a pattern needs at least one inhale and one exhale.");
        }

        if (!_phases.Any(p => p.Kind == BreathPhaseKind.Inhale))
        {
            throw new InvalidBreathPatternException("phases", Describe(), "a pattern needs at least one inhale.");
        }

        if (!_phases.Any(p => p.Kind == BreathPhaseKind.Exhale))
        {
            throw new InvalidBreathPatternException("phases", Describe(), "a pattern needs at least one exhale.");
        }

        // Holds before the cycle's first breath keep what its last breath left: only now is that breath known.
        for (var i = 0; _phases[i].Kind.IsHold(); i++)
        {
            CheckHold($"phases[{i}]", _phases[i].Kind, BreathPhaseKinds.NearestBreathBefore(_phases.Count, p => _phases[p].Kind, i), roundTheCycle: true);
        }

        var phases = _phases.ToImmutable();
        if (_progression is not null)
        {
            ProgressionMath.Validate(phases, _progression);
        }

        _built = new BreathPattern(_name, phases, _progression, _length);
        return _built;
    }

    private void CheckHold(string field, BreathPhaseKind hold, int breath, bool roundTheCycle)
    {
        var breathKind = _phases[breath].Kind;
        var expected = BreathPhaseKinds.HoldAfter(breathKind);
        if (hold != expected)
        {
            var where = roundTheCycle ? " (counting round the cycle)" : string.Empty;
            throw new InvalidBreathPatternException(field + ".kind", hold.ToString(),
                $"a hold keeps what the breath before it left, and the nearest earlier breath{where}, phases[{breath}], is an {(breathKind == BreathPhaseKind.Inhale ? "inhale" : "exhale")}: expected {expected}.");
        }
    }

    private string Describe() => "[" + string.Join(", ", _phases.Select(p => p.Kind)) + "]";

    private void ThrowIfBuilt()
    {
        if (_built is not null)
        {
            throw new InvalidOperationException("This builder has already built its pattern and cannot be changed; start a new one with BreathPattern.Create.");
        }
    }
}
