using System.Globalization;
using System.Text;

namespace BreathPacing.Practice;

/// <summary>
/// Exports practice records as CSV for a spreadsheet (RFC 4180): a header row, then one row per record in the order given,
/// lines ending in CRLF, numbers and instants written the invariant way. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Columns: <c>ended_at</c> (ISO 8601 with offset), <c>technique_id</c>, <c>pattern_name</c>, <c>options_kind</c>,
/// <c>start_seconds</c>, <c>reached_inhale_seconds</c>, <c>reached_exhale_seconds</c>, <c>planned_cycles</c>,
/// <c>completed_cycles</c>, <c>active_seconds</c>, <c>ended_early</c> (<c>true</c>/<c>false</c>), <c>feeling</c>
/// (<c>easy</c>, <c>comfortable</c>, <c>hard</c>, <c>dizzy</c>), then the options' <c>progress</c>, <c>target_seconds</c>,
/// <c>step_seconds</c>, <c>cycles_per_step</c> and <c>exhale_ratio</c>. An absent value is an empty cell.
/// </para>
/// <para>
/// A field holding a comma, a quote or a line break is quoted. A text that a spreadsheet would run as a formula (it starts
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return; pattern names can come from shared files) is
/// written with a leading apostrophe, so it shows as text.
/// </para>
/// </remarks>
public static class PracticeJournalCsv
{
    /// <summary>The header row's column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "ended_at", "technique_id", "pattern_name", "options_kind", "start_seconds", "reached_inhale_seconds", "reached_exhale_seconds",
        "planned_cycles", "completed_cycles", "active_seconds", "ended_early", "feeling",
        "progress", "target_seconds", "step_seconds", "cycles_per_step", "exhale_ratio",
    ];

    /// <summary>Writes <paramref name="records"/> as CSV text.</summary>
    /// <param name="records">The records.</param>
    /// <returns>The CSV text, header row first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record is <see langword="null"/>.</exception>
    public static string Write(IEnumerable<PracticeRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToArray();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, list);
        return writer.ToString();
    }

    /// <summary>Writes <paramref name="records"/> as CSV to <paramref name="writer"/> (e.g. a file or a response body).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="records">The records.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record is <see langword="null"/>; nothing was written.</exception>
    public static void Write(TextWriter writer, IEnumerable<PracticeRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToArray();
        var missing = Array.IndexOf(list, null);
        if (missing >= 0)
        {
            throw new ArgumentException($"Invalid records[{missing}] = null: expected a record; nothing was written.", nameof(records));
        }

        var line = new StringBuilder();
        WriteRow(writer, line, Columns);
        var cells = new string?[Columns.Count];
        foreach (var record in list)
        {
            var options = record.Options;
            cells[0] = PracticeFormat.Instant(record.EndedAt);
            cells[1] = record.TechniqueId;
            cells[2] = record.PatternName;
            cells[3] = options is null ? null : PracticeCodes.OptionsKind(options);
            cells[4] = PracticeFormat.Number(record.StartSeconds);
            cells[5] = PracticeFormat.Number(record.ReachedInhaleSeconds);
            cells[6] = PracticeFormat.Number(record.ReachedExhaleSeconds);
            cells[7] = record.PlannedCycles?.ToString(CultureInfo.InvariantCulture);
            cells[8] = record.CompletedCycles.ToString(CultureInfo.InvariantCulture);
            cells[9] = PracticeFormat.Seconds(record.ActiveTime).ToString(CultureInfo.InvariantCulture);
            cells[10] = record.EndedEarly ? "true" : "false";
            cells[11] = record.Feeling is { } f ? PracticeCodes.Of(f) : null;
            cells[12] = options is null ? null : options.Progress ? "true" : "false";
            cells[13] = options is null ? null : PracticeFormat.Number(options.TargetSeconds);
            cells[14] = options is null ? null : PracticeFormat.Number(options.StepSeconds);
            cells[15] = options?.CyclesPerStep.ToString(CultureInfo.InvariantCulture);
            cells[16] = options is OceansBreathOptions ocean ? PracticeFormat.Number(ocean.ExhaleRatio) : null;
            WriteRow(writer, line, cells);
        }
    }

    private static void WriteRow(TextWriter writer, StringBuilder line, IReadOnlyList<string?> cells)
    {
        line.Clear();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            AppendCell(line, cells[i]);
        }

        line.Append("\r\n");
        writer.Write(line);
    }

    private static void AppendCell(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
