namespace BreathPacing.ConsoleHost.Content;

/// <summary>Writes <c>--list</c>: each technique with its steps, cautions, timing guidance and sources, as plain text.</summary>
internal static class TechniqueListWriter
{
    public static void Write(TextWriter output, GuidanceContent content)
    {
        output.WriteLine(content.Catalog.Guide.Title);
        output.WriteLine(content.Purpose);
        foreach (var technique in content.Techniques)
        {
            output.WriteLine();
            output.WriteLine($"{technique.Name}  (--technique {Sessions.TechniqueNames.CommandName(technique)})");
            output.WriteLine($"  {technique.Summary}");
            Section(output, "Steps", technique.Steps.Select((step, i) => $"{i + 1}. {step}"));
            if (!string.IsNullOrWhiteSpace(technique.Visualisation))
            {
                Section(output, "Visualise", [technique.Visualisation]);
            }

            Section(output, "Timing", [technique.TimingGuidance]);
            Section(output, "Cautions", technique.Cautions.Select(c => "- " + c));
            Section(output, "Sources", content.Sources(technique).Select(c => "- " + c));
        }
    }

    private static void Section(TextWriter output, string title, IEnumerable<string> lines)
    {
        var items = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
        if (items.Length == 0)
        {
            return;
        }

        output.WriteLine($"  {title}:");
        foreach (var item in items)
        {
            output.WriteLine($"    {item}");
        }
    }
}
