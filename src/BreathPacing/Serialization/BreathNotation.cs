using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace BreathPacing.Serialization;

/// <summary>
/// A compact text notation for quick custom patterns: <c>4-7-8</c> (inhale, hold, exhale), <c>4-4-4-4</c>
/// (box: inhale, hold, exhale, hold), <c>4-6</c> (inhale, exhale), zeros for "no such phase"
/// (<c>4-0-6-0</c>), decimals (<c>4.5</c>), a repeat count (<c>10x 4-0-6-0</c>) and the word form
/// <c>in 4 hold 7 out 8</c>. The grammar is in the README's "Notation" section.
/// </summary>
/// <remarks>
/// <para>
/// The notation follows the pattern model of <see cref="BreathPatternBuilder"/>: a number of seconds is read as the
/// nearest 100 ns tick and then checked (0.01 s to 600 s); a hold of 0 s is no hold (as
/// <see cref="BreathPatternBuilder.HoldAfterInhale"/> with <see cref="TimeSpan.Zero"/>); a <c>hold</c> keeps what the
/// nearest earlier breath left, counting round the cycle.
/// </para>
/// <para>
/// The notation carries phase kinds and durations (exact to the 100 ns tick) and a default length counted in
/// cycles. It does not carry a name, airways, cue keys, segments, progressions or a timed default length:
/// <see cref="Format"/> refuses patterns that have them (use <see cref="BreathPatternJson"/> for those).
/// For every pattern <c>p</c> that <see cref="Format"/> accepts, <c>Parse(Format(p), p.Name)</c> equals <c>p</c>;
/// and for every notation <c>s</c> that parses, <c>Parse(Format(Parse(s)))</c> equals <c>Parse(s)</c>.
/// </para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static class BreathNotation
{
    private const int MaximumNumberLength = 24;

    // Far beyond any valid duration, yet small enough that converting to ticks cannot overflow.
    private const decimal MaximumReadableSeconds = 1_000_000_000m;

    /// <summary>Reads a pattern from its compact notation.</summary>
    /// <param name="notation">The notation, e.g. <c>4-7-8</c>, <c>10x 4-0-6-0</c> or <c>in 4 hold 7 out 8</c>.</param>
    /// <param name="name">
    /// The pattern's name, or <see langword="null"/> to name it by its canonical notation (e.g. <c>4-7-8</c>;
    /// shortened to <see cref="PatternLimits.MaximumNameLength"/> characters if longer).
    /// </param>
    /// <returns>The validated pattern. A repeat count such as <c>10x</c> becomes its <see cref="BreathPattern.DefaultLength"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notation"/> is <see langword="null"/>.</exception>
    /// <exception cref="BreathNotationException">
    /// The notation is invalid; the exception gives the 1-based position, what was expected there, and the input with the
    /// spot marked.
    /// </exception>
    /// <exception cref="InvalidBreathPatternException"><paramref name="name"/> is not a valid name (see <see cref="BreathPattern.Create"/>).</exception>
    public static BreathPattern Parse(string notation, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(notation);
        var parsed = new Parser(notation).Parse();
        var builder = BreathPattern.Create(name ?? DefaultName(parsed));
        foreach (var step in parsed.Phases)
        {
            builder.Phase(step.Kind, step.Duration);
        }

        if (parsed.Repeat is { } repeat)
        {
            builder.WithDefaultLength(SessionLength.Cycles(repeat));
        }

        return builder.Build();
    }

    /// <summary>Tries to read a pattern from its compact notation, named by its canonical notation.</summary>
    /// <param name="notation">The notation.</param>
    /// <param name="pattern">The pattern, when the notation is valid.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    /// <returns>Whether the notation is valid.</returns>
    public static bool TryParse(string notation, [NotNullWhen(true)] out BreathPattern? pattern, [NotNullWhen(false)] out BreathNotationException? error) =>
        TryParse(notation, null, out pattern, out error);

    /// <summary>Tries to read a pattern from its compact notation.</summary>
    /// <param name="notation">The notation.</param>
    /// <param name="name">The pattern's name, or <see langword="null"/> to name it by its canonical notation.</param>
    /// <param name="pattern">The pattern, when the notation is valid.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    /// <returns>Whether the notation is valid.</returns>
    /// <exception cref="InvalidBreathPatternException"><paramref name="name"/> is not a valid name (see <see cref="BreathPattern.Create"/>).</exception>
    public static bool TryParse(string? notation, string? name, [NotNullWhen(true)] out BreathPattern? pattern, [NotNullWhen(false)] out BreathNotationException? error)
    {
        if (notation is null)
        {
            pattern = null;
            error = new BreathNotationException(string.Empty, 1, "a breath notation such as \"4-7-8\"", "null");
            return false;
        }

        try
        {
            pattern = Parse(notation, name);
            error = null;
            return true;
        }
        catch (BreathNotationException ex)
        {
            pattern = null;
            error = ex;
            return false;
        }
    }

    /// <summary>
    /// Writes <paramref name="pattern"/> in its canonical notation: the dash form (<c>4-7-8</c>, <c>4-6</c>,
    /// <c>4-0-6-2</c>, <c>4-4-4-4</c>) when the cycle is at most an inhale, a hold, an exhale and a hold in that order,
    /// otherwise the word form (<c>in 4 out 2 in 4 out 6</c>); prefixed by <c>Nx </c> when the default length is N cycles.
    /// </summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The notation. The name is not part of it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The notation cannot express the pattern: it has segments, airways, cue keys, a progression or a timed default
    /// length (see <see cref="TryFormat"/>).
    /// </exception>
    public static string Format(BreathPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var problem = WhyNotExpressible(pattern);
        if (problem is not null)
        {
            throw new ArgumentException($"The breath notation cannot express pattern {UserText.Quote(pattern.Name)}: {problem}. Use {nameof(BreathPatternJson)} to save it instead.", nameof(pattern));
        }

        return FormatPhases(pattern.Phases.Select(p => (p.Kind, p.Duration)).ToList(),
            pattern.DefaultLength.Kind == SessionLengthKind.Cycles ? pattern.DefaultLength.CycleCount : null);
    }

    /// <summary>Writes <paramref name="pattern"/> in its canonical notation when the notation can express it.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="notation">The notation, when expressible.</param>
    /// <returns>Whether the notation can express the pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    public static bool TryFormat(BreathPattern pattern, [NotNullWhen(true)] out string? notation)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (WhyNotExpressible(pattern) is not null)
        {
            notation = null;
            return false;
        }

        notation = Format(pattern);
        return true;
    }

    private static string? WhyNotExpressible(BreathPattern pattern)
    {
        if (pattern.Progression is not null)
        {
            return "it has a progression";
        }

        if (pattern.DefaultLength.Kind == SessionLengthKind.Duration)
        {
            return "its default length is a duration (only a number of cycles can be written, as \"10x\")";
        }

        for (var i = 0; i < pattern.Phases.Length; i++)
        {
            var phase = pattern.Phases[i];
            if (!phase.Segments.IsDefaultOrEmpty)
            {
                return $"phases[{i}] has body-region segments";
            }

            if (phase.Airway != Airway.Unspecified)
            {
                return $"phases[{i}] has an airway ({phase.Airway})";
            }

            if (phase.CueKey is not null)
            {
                return $"phases[{i}] has a cue key";
            }

            // Every hold is of the kind its nearest earlier breath calls for: the pattern model guarantees it, and a
            // notation "hold" means exactly that, so holds need no check here.
        }

        return null;
    }

    private static string FormatPhases(IReadOnlyList<(BreathPhaseKind Kind, TimeSpan Duration)> phases, int? repeat)
    {
        var text = new StringBuilder();
        if (repeat is { } count)
        {
            text.Append(count.ToString(CultureInfo.InvariantCulture)).Append("x ");
        }

        var kinds = phases.Select(p => p.Kind).ToArray();
        string? dash = kinds switch
        {
            [BreathPhaseKind.Inhale, BreathPhaseKind.Exhale] => $"{Seconds(phases[0])}-{Seconds(phases[1])}",
            [BreathPhaseKind.Inhale, BreathPhaseKind.HoldAfterInhale, BreathPhaseKind.Exhale] => $"{Seconds(phases[0])}-{Seconds(phases[1])}-{Seconds(phases[2])}",
            [BreathPhaseKind.Inhale, BreathPhaseKind.Exhale, BreathPhaseKind.HoldAfterExhale] => $"{Seconds(phases[0])}-0-{Seconds(phases[1])}-{Seconds(phases[2])}",
            [BreathPhaseKind.Inhale, BreathPhaseKind.HoldAfterInhale, BreathPhaseKind.Exhale, BreathPhaseKind.HoldAfterExhale] => $"{Seconds(phases[0])}-{Seconds(phases[1])}-{Seconds(phases[2])}-{Seconds(phases[3])}",
            _ => null,
        };

        if (dash is not null)
        {
            return text.Append(dash).ToString();
        }

        for (var i = 0; i < phases.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(phases[i].Kind switch
            {
                BreathPhaseKind.Inhale => "in ",
                BreathPhaseKind.Exhale => "out ",
                _ => "hold ",
            }).Append(Seconds(phases[i]));
        }

        return text.ToString();
    }

    // Exact: ticks are 100 ns, so seven fraction digits always suffice.
    private static string Seconds((BreathPhaseKind Kind, TimeSpan Duration) phase) => BreathPacing.ExactSeconds.Number(phase.Duration);

    private static string DefaultName(ParsedNotation parsed)
    {
        var canonical = FormatPhases(parsed.Phases.Select(p => (p.Kind, p.Duration)).ToList(), parsed.Repeat);
        return canonical.Length <= PatternLimits.MaximumNameLength ? canonical : canonical[..(PatternLimits.MaximumNameLength - 1)] + "…";
    }

    private readonly record struct ParsedPhase(BreathPhaseKind Kind, TimeSpan Duration);

    private sealed record ParsedNotation(int? Repeat, IReadOnlyList<ParsedPhase> Phases);

    private enum Word
    {
        In,
        Out,
        Hold,
    }

    /// <summary>A hand-written recursive-descent parser; every failure is a <see cref="BreathNotationException"/>.</summary>
    private sealed class Parser(string text)
    {
        private const string DurationExpectation = "a number of seconds";
        private int _pos;

        public ParsedNotation Parse()
        {
            SkipSpace();
            if (AtEnd)
            {
                throw Error("a breath pattern such as \"4-7-8\" or \"in 4 out 6\"");
            }

            int? repeat = null;
            if (IsDigit(Current))
            {
                var start = _pos;
                var (number, _) = ReadNumber();
                SkipSpace();
                if (!AtEnd && Current is 'x' or 'X' or '×')
                {
                    repeat = ToRepeat(start, number);
                    _pos++;
                    SkipSpace();
                    if (AtEnd)
                    {
                        throw Error("a breath pattern after the repeat count, such as \"4-6\" or \"in 4 out 6\"");
                    }
                }
                else
                {
                    _pos = start;
                }
            }

            IReadOnlyList<ParsedPhase> phases;
            if (IsDigit(Current))
            {
                phases = ParseDashForm();
            }
            else if (char.IsLetter(Current))
            {
                phases = ParseWordForm();
            }
            else
            {
                throw Error(repeat is null ? "a repeat count, a number of seconds or 'in'" : "a number of seconds or 'in'");
            }

            return new ParsedNotation(repeat, phases);
        }

        private bool AtEnd => _pos >= text.Length;

        private char Current => AtEnd ? '\0' : text[_pos];

        private static bool IsDigit(char c) => c is >= '0' and <= '9';

        private void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private int ToRepeat(int start, decimal number)
        {
            var token = text[start.._pos].TrimEnd();
            if (token.Contains('.', StringComparison.Ordinal) || number < 1 || number > PatternLimits.MaximumCycles)
            {
                throw Error($"a whole repeat count from 1 to {PatternLimits.MaximumCycles.ToString(CultureInfo.InvariantCulture)}", start);
            }

            return (int)number;
        }

        // number = digit { digit } [ "." digit { digit } ]
        private (decimal Value, int Start) ReadNumber()
        {
            var start = _pos;
            if (!IsDigit(Current))
            {
                throw Error(DurationExpectation);
            }

            while (IsDigit(Current))
            {
                _pos++;
            }

            if (Current == '.')
            {
                _pos++;
                if (!IsDigit(Current))
                {
                    throw Error("a digit after the decimal point");
                }

                while (IsDigit(Current))
                {
                    _pos++;
                }
            }

            var token = text.AsSpan(start, _pos - start);
            if (token.Length > MaximumNumberLength || !decimal.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw Error($"a number of at most {MaximumNumberLength} characters", start);
            }

            return (value, start);
        }

        // A number is read as the nearest 100 ns tick (halves away from zero), as BreathPatternJson reads it, and only
        // then checked: 600.00000004 is 600 s, and a hold that rounds to 0 s is no hold.
        private ParsedPhase? ReadDuration(BreathPhaseKind kind, string role)
        {
            var (seconds, start) = ReadNumber();
            var ticks = seconds > MaximumReadableSeconds ? long.MaxValue : BreathPacing.ExactSeconds.Ticks(seconds);
            if (ticks == 0)
            {
                if (!kind.IsHold())
                {
                    throw Error($"a positive {role} duration (0 means \"no such phase\", which only a hold may be)", start);
                }

                return null;
            }

            var min = PatternLimits.MinimumPhaseDuration;
            var max = PatternLimits.MaximumPhaseDuration;
            if (ticks < min.Ticks || ticks > max.Ticks)
            {
                var article = role == "hold" ? "a" : "an";
                var zero = role == "hold" ? " (or 0 for no hold)" : string.Empty;
                throw Error($"{article} {role} duration from {BreathPacing.ExactSeconds.Number(min)} to {BreathPacing.ExactSeconds.Number(max)} seconds{zero}", start);
            }

            return new ParsedPhase(kind, TimeSpan.FromTicks(ticks));
        }

        // dash = number "-" number [ "-" number [ "-" number ] ]  (in-out, in-hold-out, in-hold-out-hold)
        private List<ParsedPhase> ParseDashForm()
        {
            var numbers = new List<(int Start, int End)>();
            while (true)
            {
                var start = _pos;
                ReadNumber();
                numbers.Add((start, _pos));
                SkipSpace();
                if (AtEnd)
                {
                    break;
                }

                if (Current != '-')
                {
                    throw Error(numbers.Count < 4 ? "'-' or end of input" : "end of input");
                }

                if (numbers.Count == 4)
                {
                    throw Error("end of input (at most four durations: in-hold-out-hold)");
                }

                _pos++;
                SkipSpace();
            }

            if (numbers.Count == 1)
            {
                throw Error("'-' and an exhale duration (e.g. \"4-6\")");
            }

            (BreathPhaseKind Kind, string Role)[] roles = numbers.Count switch
            {
                2 => [(BreathPhaseKind.Inhale, "inhale"), (BreathPhaseKind.Exhale, "exhale")],
                3 => [(BreathPhaseKind.Inhale, "inhale"), (BreathPhaseKind.HoldAfterInhale, "hold"), (BreathPhaseKind.Exhale, "exhale")],
                _ => [(BreathPhaseKind.Inhale, "inhale"), (BreathPhaseKind.HoldAfterInhale, "hold"), (BreathPhaseKind.Exhale, "exhale"), (BreathPhaseKind.HoldAfterExhale, "hold")],
            };

            var phases = new List<ParsedPhase>(numbers.Count);
            var end = _pos;
            for (var i = 0; i < numbers.Count; i++)
            {
                _pos = numbers[i].Start;
                if (ReadDuration(roles[i].Kind, roles[i].Role) is { } phase)
                {
                    phases.Add(phase);
                }
            }

            _pos = end;
            return phases;
        }

        // words = step { step } ; step = ( "in" | "inhale" | "out" | "exhale" | "hold" ) number
        private List<ParsedPhase> ParseWordForm()
        {
            var steps = new List<(Word Word, int Start, ParsedPhase? Phase)>();
            var phaseCount = 0;
            while (true)
            {
                var start = _pos;
                var word = ReadWord();
                if (phaseCount >= PatternLimits.MaximumPhases)
                {
                    throw Error($"end of input (at most {PatternLimits.MaximumPhases} phases per cycle)", start);
                }

                SkipSpace();
                var (kind, role) = word switch
                {
                    Word.In => (BreathPhaseKind.Inhale, "inhale"),
                    Word.Out => (BreathPhaseKind.Exhale, "exhale"),
                    _ => (BreathPhaseKind.HoldAfterInhale, "hold"), // the kind of hold is settled below
                };
                var phase = ReadDuration(kind, role);
                phaseCount += phase is null ? 0 : 1;
                steps.Add((word, start, phase));
                SkipSpace();
                if (AtEnd)
                {
                    break;
                }

                if (!char.IsLetter(Current))
                {
                    throw Error("'in', 'out', 'hold' or end of input");
                }
            }

            if (!steps.Any(s => s.Word == Word.In))
            {
                throw Error("an 'in' phase (a pattern needs at least one inhale)");
            }

            if (!steps.Any(s => s.Word == Word.Out))
            {
                throw Error("an 'out' phase (a pattern needs at least one exhale)");
            }

            // A "hold" keeps what the nearest earlier breath (round the cycle) left: the one rule of the pattern model.
            var phases = steps.Where(s => s.Phase is not null).Select(s => s.Phase!.Value).ToList();
            var kinds = phases.Select(p => p.Kind).ToArray();
            for (var i = 0; i < phases.Count; i++)
            {
                if (kinds[i].IsHold())
                {
                    var breath = BreathPhaseKinds.NearestBreathBefore(kinds.Length, k => kinds[k], i);
                    phases[i] = phases[i] with { Kind = BreathPhaseKinds.HoldAfter(kinds[breath]) };
                }
            }

            return phases;
        }

        private Word ReadWord()
        {
            var start = _pos;
            while (!AtEnd && char.IsLetter(Current))
            {
                _pos++;
            }

            var word = text.AsSpan(start, _pos - start);
            if (word.Equals("in", StringComparison.OrdinalIgnoreCase) || word.Equals("inhale", StringComparison.OrdinalIgnoreCase))
            {
                return Word.In;
            }

            if (word.Equals("out", StringComparison.OrdinalIgnoreCase) || word.Equals("exhale", StringComparison.OrdinalIgnoreCase))
            {
                return Word.Out;
            }

            if (word.Equals("hold", StringComparison.OrdinalIgnoreCase))
            {
                return Word.Hold;
            }

            throw Error("'in', 'out' or 'hold'", start);
        }

        private BreathNotationException Error(string expected, int? at = null)
        {
            var index = at ?? _pos;
            return new BreathNotationException(text, index + 1, expected, Describe(index));
        }

        private string Describe(int position)
        {
            if (position >= text.Length)
            {
                return "end of input";
            }

            var end = position;
            if (char.IsLetter(text[position]))
            {
                while (end < text.Length && char.IsLetter(text[end]) && end - position < 20)
                {
                    end++;
                }
            }
            else if (IsDigit(text[position]))
            {
                while (end < text.Length && (IsDigit(text[end]) || text[end] == '.') && end - position < 30)
                {
                    end++;
                }
            }
            else
            {
                end = position + (char.IsSurrogatePair(text, position) ? 2 : 1);
            }

            var token = new StringBuilder("'");
            UserText.AppendSafe(token, text.AsSpan(position, end - position), escapeQuotes: false);
            return token.Append('\'').ToString();
        }
    }
}
