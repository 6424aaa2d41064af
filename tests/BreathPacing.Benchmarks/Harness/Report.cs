using System.Globalization;
using System.Text;

namespace BreathPacing.Benchmarks.Harness;

/// <summary>One contender's figures; null means "does not apply" and is left out of the RESULT line.</summary>
public sealed record ContenderResult(string Mode, string Name)
{
    public long? Events { get; init; }
    public long? Early { get; init; }
    public double? P50Ms { get; init; }
    public double? P99Ms { get; init; }
    public double? MaxMs { get; init; }
    public double? DriftMs { get; init; }
    public double? CpuPct { get; init; }
    public double? BytesPerEvent { get; init; }
    public double? MemPerSessionBytes { get; init; }
    public long? Lost { get; init; }

    /// <summary>Extra columns for the markdown table only (e.g. events/s, CPU µs per event).</summary>
    public IReadOnlyList<(string Name, string Value)> Extra { get; init; } = [];

    public static ContenderResult FromHistogram(string mode, string name, LatencyHistogram h) => new(mode, name)
    {
        Events = h.Count,
        Early = h.Early,
        P50Ms = h.QuantileMs(0.50),
        P99Ms = h.QuantileMs(0.99),
        MaxMs = h.MaxMicros / 1000.0,
    };

    public string ResultLine()
    {
        var sb = new StringBuilder($"RESULT mode={Mode} name={Name}");
        Add(sb, "events", Events);
        Add(sb, "early", Early);
        Add(sb, "p50_ms", P50Ms);
        Add(sb, "p99_ms", P99Ms);
        Add(sb, "max_ms", MaxMs);
        Add(sb, "drift_ms", DriftMs);
        Add(sb, "cpu_pct", CpuPct);
        Add(sb, "bytes_per_event", BytesPerEvent);
        Add(sb, "mem_per_session_bytes", MemPerSessionBytes);
        Add(sb, "lost", Lost);
        return sb.ToString();
    }

    private static void Add(StringBuilder sb, string key, long? value)
    {
        if (value is { } v)
        {
            sb.Append(' ').Append(key).Append('=').Append(v.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Add(StringBuilder sb, string key, double? value)
    {
        if (value is { } v)
        {
            sb.Append(' ').Append(key).Append('=').Append(Report.F(v));
        }
    }
}

public static class Report
{
    public static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString(Math.Abs(v) >= 100 ? "0" : Math.Abs(v) >= 10 ? "0.0" : "0.###", CultureInfo.InvariantCulture);

    public static string F(double? v) => v is { } x ? F(x) : "–";

    /// <summary>Prints the markdown table, then one RESULT line per contender.</summary>
    public static void Print(string title, IReadOnlyList<ContenderResult> results)
    {
        var extraNames = results.SelectMany(r => r.Extra.Select(e => e.Name)).Distinct().ToList();
        var header = new List<string> { "contender", "events", "early", "p50 ms", "p99 ms", "max ms", "drift ms", "CPU % of a core", "bytes/event", "bytes/session", "lost" };
        header.AddRange(extraNames);
        var columns = header.Select((_, i) => results.Any(r => Cell(r, i, extraNames) != "–") || i == 0).ToList();

        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| " + string.Join(" | ", header.Where((_, i) => columns[i])) + " |");
        Console.WriteLine("|" + string.Join("|", header.Where((_, i) => columns[i]).Select((_, i) => i == 0 ? " --- " : " ---: ")) + "|");
        foreach (var r in results)
        {
            Console.WriteLine("| " + string.Join(" | ", header.Select((_, i) => Cell(r, i, extraNames)).Where((_, i) => columns[i])) + " |");
        }

        Console.WriteLine();
        foreach (var r in results)
        {
            Console.WriteLine(r.ResultLine());
        }

        Console.Out.Flush();
    }

    private static string Cell(ContenderResult r, int column, List<string> extraNames) => column switch
    {
        0 => r.Name,
        1 => r.Events?.ToString(CultureInfo.InvariantCulture) ?? "–",
        2 => r.Early?.ToString(CultureInfo.InvariantCulture) ?? "–",
        3 => F(r.P50Ms),
        4 => F(r.P99Ms),
        5 => F(r.MaxMs),
        6 => F(r.DriftMs),
        7 => F(r.CpuPct),
        8 => F(r.BytesPerEvent),
        9 => F(r.MemPerSessionBytes),
        10 => r.Lost?.ToString(CultureInfo.InvariantCulture) ?? "–",
        _ => r.Extra.FirstOrDefault(e => e.Name == extraNames[column - 11]).Value ?? "–",
    };
}
