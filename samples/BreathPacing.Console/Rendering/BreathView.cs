using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using BreathPacing.ConsoleHost.Content;
using BreathPacing.ConsoleHost.Sessions;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BreathPacing.ConsoleHost.Rendering;

/// <summary>
/// One frame of the live view, drawn from a <see cref="BreathPosition"/> alone (so it is the same at the
/// same position, whatever the clock): the phase in large text with its countdown; the body regions
/// filling in order (patterns with segments, e.g. Three-Part Breath) or a wave swelling and ebbing with
/// the lung volume (e.g. Ocean's Breath); the cue text; and the whole session's progress.
/// </summary>
internal sealed class BreathView
{
    /// <summary>The widest a region's bar is, in cells; narrower terminals get shorter bars.</summary>
    public const int MaximumBarWidth = 40;

    /// <summary>The narrowest a region's bar is, in cells.</summary>
    public const int MinimumBarWidth = 10;

    /// <summary>The cells around a region's bar inside the view: margin, border, padding and label.</summary>
    public const int BarChrome = 2 + 2 + 1 + LabelWidth + 2 + 2;

    /// <summary>The rows the wave is drawn in.</summary>
    public const int WaveHeight = 6;

    /// <summary>Below this many rows or columns the phase is shown in ordinary bold text instead of large letters.</summary>
    public const int MinimumRowsForLargeText = 26;

    public const int MinimumColumnsForLargeText = 72;

    private const string Partial = " ▏▎▍▌▋▊▉"; // eighths of a cell, left to right
    private const string Rising = " ▁▂▃▄▅▆▇";  // eighths of a cell, bottom to top
    private const int LabelWidth = 12;

    private readonly SessionPlan _plan;
    private readonly Color _colour;
    private readonly GuidanceContent _content;
    private readonly string _colourMarkup;

    public BreathView(SessionPlan plan, Color colour, GuidanceContent content)
    {
        _plan = plan;
        _colour = colour;
        _content = content;
        _colourMarkup = colour.ToMarkup();
    }

    /// <summary>The body regions in the order an inhale fills them (lower belly first for Three-Part Breath), as the timeline gives them; empty when the pattern has none.</summary>
    public ImmutableArray<string> FillOrder => _plan.Timeline.Regions;

    /// <summary>Whether the view shows body regions (otherwise it shows the wave).</summary>
    public bool ShowsRegions => !FillOrder.IsEmpty;

    public IRenderable Render(BreathPosition position, BreathSessionState state, int width, int height)
    {
        var large = height >= MinimumRowsForLargeText && width >= MinimumColumnsForLargeText;
        var barWidth = BarWidthFor(width);
        var items = new List<IRenderable>
        {
            new Markup($"[bold]{Markup.Escape(_plan.Title)}[/]  [grey]{Labels.Cycle(position.CycleIndex, _plan.Timeline.TotalCycles)}[/]"),
            Text.Empty,
            large ? LargePhase(position, state) : SmallPhase(position, state),
            ShowsRegions ? Regions(position, barWidth) : Wave(position, barWidth),
            CueText(position, state),
            Text.Empty,
            new Markup(ProgressBar(position, barWidth + BarChrome - 2)),
            new Markup(StatusLine(position, state)),
        };
        return new Padder(new Rows(items), new Padding(2, 0, 0, 0));
    }

    /// <summary>A bar <paramref name="width"/> cells wide, filled to <paramref name="fill"/> in eighths of a cell: the filled part and the empty part.</summary>
    public static (string Filled, string Empty) Bar(double fill, int width)
    {
        var eighths = (int)Math.Round(Math.Clamp(fill, 0, 1) * width * 8);
        var full = eighths / 8;
        var filled = new string('█', full) + (eighths % 8 > 0 ? Partial[eighths % 8].ToString() : string.Empty);
        return (filled, new string('░', width - filled.Length));
    }

    /// <summary>
    /// The wave as rows of text, top row first: its water line sits at the lung volume and ripples
    /// gently along, moving with active time (so it rests while paused).
    /// </summary>
    public static string[] WaveRows(BreathPosition position, int width, int height)
    {
        var rows = new StringBuilder[height];
        for (var r = 0; r < height; r++)
        {
            rows[r] = new StringBuilder(width);
        }

        var drift = position.Elapsed.TotalSeconds * 1.2;
        for (var x = 0; x < width; x++)
        {
            // Never fully flat: a calm ripple rides on the water line, a little more when it is high.
            var ripple = (0.35 + (0.25 * position.LungVolume)) * Math.Sin((x / 5.0) - drift);
            var level = 0.6 + (position.LungVolume * (height - 1.4)) + ripple;
            for (var r = 0; r < height; r++)
            {
                var above = level - (height - 1 - r); // how much of this cell lies under the water line
                rows[r].Append(above >= 1 ? '█' : above <= 0 ? ' ' : Rising[Math.Clamp((int)(above * 8), 0, 7)]);
            }
        }

        return rows.Select(r => r.ToString()).ToArray();
    }

    private static IRenderable SmallPhase(BreathPosition position, BreathSessionState state) => new Markup(state switch
    {
        BreathSessionState.Paused => "[bold yellow]PAUSED[/]",
        BreathSessionState.Completed => position.IsComplete ? "[bold]COMPLETE[/]" : "[bold]ENDED[/]",
        _ => $"[bold]{Labels.Phase(position.PhaseKind).ToUpperInvariant()}[/]  {Labels.Countdown(position.PhaseRemaining).ToString(CultureInfo.InvariantCulture)}",
    });

    private IRenderable LargePhase(BreathPosition position, BreathSessionState state)
    {
        var (text, colour) = state switch
        {
            BreathSessionState.Paused => ("Paused", Color.Yellow),
            BreathSessionState.Completed => (position.IsComplete ? "Complete" : "Ended", _colour),
            _ => ($"{Labels.PhaseShort(position.PhaseKind)}  {Labels.Countdown(position.PhaseRemaining).ToString(CultureInfo.InvariantCulture)}", _colour),
        };
        return new FigletText(text).Color(colour).LeftJustified();
    }

    private IRenderable Regions(BreathPosition position, int barWidth)
    {
        var lines = new List<string>();
        for (var i = FillOrder.Length - 1; i >= 0; i--) // the last filled (the chest) on top
        {
            // The library's one fill rule: how full this region is at this position.
            var (filled, rest) = Bar(position.FillOf(i), barWidth);
            lines.Add($"{Markup.Escape(Labels.Region(FillOrder[i]).PadLeft(LabelWidth))}  [{_colourMarkup}]{filled}[/][grey]{rest}[/]");
            if (i > 0)
            {
                lines.Add(string.Empty);
            }
        }

        return new Panel(new Markup(string.Join('\n', lines)))
            .Header("[grey] your breath [/]")
            .Border(BoxBorder.Rounded)
            .BorderColor(Color.Grey)
            .Padding(1, 0, 2, 0);
    }

    private IRenderable Wave(BreathPosition position, int barWidth)
    {
        var rows = WaveRows(position, barWidth + LabelWidth + 2, WaveHeight);
        var text = string.Join('\n', rows.Select(r => $"[{_colourMarkup}]{r}[/]"));
        return new Panel(new Markup(text))
            .Header(position.PhaseKind == BreathPhaseKind.Exhale ? "[grey] ebb [/]" : "[grey] swell [/]")
            .Border(BoxBorder.Rounded)
            .BorderColor(Color.Grey)
            .Padding(1, 0, 2, 0);
    }

    private IRenderable CueText(BreathPosition position, BreathSessionState state)
    {
        var cue = state == BreathSessionState.Completed ? null : _content.CueText(position.Segment?.CueKey ?? position.Phase?.CueKey);
        var text = cue ?? (state == BreathSessionState.Completed ? string.Empty : Labels.Phase(position.PhaseKind) + (position.Segment is { } s ? " · " + Labels.Region(s.Region) : string.Empty));
        return new Padder(new Markup($"[italic]{Markup.Escape(text)}[/]"), new Padding(0, 1, 0, 0));
    }

    /// <summary>The bar width that fits a terminal <paramref name="width"/> columns wide.</summary>
    public static int BarWidthFor(int width) => Math.Clamp(width - BarChrome, MinimumBarWidth, MaximumBarWidth);

    private string ProgressBar(BreathPosition position, int width)
    {
        var done = (int)Math.Round(position.SessionProgress * width);
        return $"[{_colourMarkup}]{new string('━', done)}[/][grey]{new string('─', width - done)}[/]";
    }

    private string StatusLine(BreathPosition position, BreathSessionState state)
    {
        var total = _plan.Timeline.TotalDuration is { } d ? " / " + Labels.ClockSeconds(d) : string.Empty;
        var percent = (position.SessionProgress * 100).ToString("0", CultureInfo.InvariantCulture);
        var progress = $"{percent}% · {Labels.ClockSeconds(position.Elapsed)}{total}";
        return state switch
        {
            BreathSessionState.Paused => $"{progress}   [yellow]paused[/] [grey]· space resumes · q ends[/]",
            BreathSessionState.Completed => $"{progress}   [grey]{(position.IsComplete ? "session complete" : "ended early")}[/]",
            _ => $"{progress}   [grey]space pauses · q or Esc ends[/]",
        };
    }
}
