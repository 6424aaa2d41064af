using System.Collections.Immutable;
using System.Globalization;

namespace BreathPacing;

/// <summary>
/// Composes a <see cref="BreathPattern"/> in code. Every call validates its arguments at once (a rejected
/// call leaves the builder as it was); <see cref="Build"/> checks the whole. After <see cref="Build"/> the
/// builder cannot be changed. Not thread-safe: use one builder on one thread.
/// </summary>
public sealed class BreathPatternBuilder
{
    private readonly string _name;
    private readonly ImmutableArray<BreathPhase>.Builder _phases = ImmutableArray.CreateBuilder<BreathPhase>();
    private BreathProgression? _progression;
    private SessionLength _length = SessionLength.OpenEnded;
    private BreathPattern? _built;

    internal BreathPatternBuilder(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidBreathPatternException("name", $"\"{name}\"", "expected a non-empty name.");
        }

        if (name.Length > PatternLimits.MaximumNameLength)
        {
            throw new InvalidBreathPatternException("name", $"\"{name[..20]}…\" ({name.Length} characters)", $"at most {PatternLimits.MaximumNameLength} characters.");
        }

        _name = name;
    }

    /// <summary>Adds an inhale.</summary>
    /// <param name="duration">From 10 ms to 10 minutes.</param>
    /// <param name="airway">The airway; the default is <see cref="Airway.Unspecified"/>.</param>
    /// <param name="cueKey">The key of the phase's guidance text, or <see langword="null"/>.</param>
    /// <param name="segments">Adds the phase's body-region segments, or <see langword="null"/> for none.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">An argument is invalid; the message names it.</exception>
    public BreathPatternBuilder Inhale(TimeSpan duration, Airway airway = Airway.Unspecified, string? cueKey = null, Action<BreathSegmentsBuilder>? segments = null) =>
        Phase(BreathPhaseKind.Inhale, duration, airway, cueKey, segments);

    /// <summary>Adds a hold with the lungs full.</summary>
    /// <param name="duration">From 10 ms to 10 minutes.</param>
    /// <param name="cueKey">The key of the phase's guidance text, or <see langword="null"/>.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">An argument is invalid; the message names it.</exception>
    public BreathPatternBuilder HoldAfterInhale(TimeSpan duration, string? cueKey = null) =>
        Phase(BreathPhaseKind.HoldAfterInhale, duration, Airway.Unspecified, cueKey, null);

    /// <summary>Adds an exhale.</summary>
    /// <param name="duration">From 10 ms to 10 minutes.</param>
    /// <param name="airway">The airway; the default is <see cref="Airway.Unspecified"/>.</param>
    /// <param name="cueKey">The key of the phase's guidance text, or <see langword="null"/>.</param>
    /// <param name="segments">Adds the phase's body-region segments, or <see langword="null"/> for none.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">An argument is invalid; the message names it.</exception>
    public BreathPatternBuilder Exhale(TimeSpan duration, Airway airway = Airway.Unspecified, string? cueKey = null, Action<BreathSegmentsBuilder>? segments = null) =>
        Phase(BreathPhaseKind.Exhale, duration, airway, cueKey, segments);

    /// <summary>Adds a hold with the lungs empty.</summary>
    /// <param name="duration">From 10 ms to 10 minutes.</param>
    /// <param name="cueKey">The key of the phase's guidance text, or <see langword="null"/>.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">An argument is invalid; the message names it.</exception>
    public BreathPatternBuilder HoldAfterExhale(TimeSpan duration, string? cueKey = null) =>
        Phase(BreathPhaseKind.HoldAfterExhale, duration, Airway.Unspecified, cueKey, null);

    /// <summary>Adds a phase of any kind.</summary>
    /// <param name="kind">What the breath does.</param>
    /// <param name="duration">From 10 ms to 10 minutes.</param>
    /// <param name="airway">The airway.</param>
    /// <param name="cueKey">The key of the phase's guidance text, or <see langword="null"/>.</param>
    /// <param name="segments">Adds the phase's body-region segments, or <see langword="null"/> for none.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidBreathPatternException">An argument is invalid; the message names it.</exception>
    public BreathPatternBuilder Phase(BreathPhaseKind kind, TimeSpan duration, Airway airway = Airway.Unspecified, string? cueKey = null, Action<BreathSegmentsBuilder>? segments = null)
    {
        ThrowIfBuilt();
        var field = $"phases[{_phases.Count}]";
        if (!Enum.IsDefined(kind))
        {
            throw new InvalidBreathPatternException(field + ".kind", kind.ToString(), "expected inhale, holdAfterInhale, exhale or holdAfterExhale.");
        }

        if (!Enum.IsDefined(airway))
        {
            throw new InvalidBreathPatternException(field + ".airway", airway.ToString(), "expected unspecified, nose, mouth or throatConstricted.");
        }

        PatternLimits.CheckPhaseDuration(field + ".duration", duration);
        if (cueKey is not null && string.IsNullOrWhiteSpace(cueKey))
        {
            throw new InvalidBreathPatternException(field + ".cueKey", $"\"{cueKey}\"", "expected null or a non-empty key.");
        }

        if (_phases.Count >= PatternLimits.MaximumPhases)
        {
            throw new InvalidBreathPatternException("phases", (_phases.Count + 1).ToString(CultureInfo.InvariantCulture), $"at most {PatternLimits.MaximumPhases} phases per cycle.");
        }

        var segmentBuilder = new BreathSegmentsBuilder(field);
        segments?.Invoke(segmentBuilder);
        _phases.Add(new BreathPhase(kind, duration, airway, segmentBuilder.Build(), cueKey));
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

        var phases = _phases.ToImmutable();
        if (_progression is not null)
        {
            ProgressionMath.Validate(phases, _progression);
        }

        _built = new BreathPattern(_name, phases, _progression, _length);
        return _built;
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
