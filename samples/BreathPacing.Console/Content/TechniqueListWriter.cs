namespace BreathPacing.ConsoleHost.Content;

/// <summary>Writes <c>--list</c>: each technique with its steps, cautions, timing guidance and sources, as plain text.</summary>
internal static class TechniqueListWriter
{
    public static void Write(TextWriter output, GuidanceContent content)
    {
        output.WriteLine(content.Purpose);
        foreach (var technique in content.Techniques)
        {
            output.WriteLine();
            output.WriteLine($"{technique.Name}  (--technique {Sessions.SessionPlanner.ShortName(technique.Id)})");
            output.WriteLine($"  {technique.Summary}");
            if (technique.Steps.Count > 0)
            {
                output.WriteLine("  Steps:");
                for (var i = 0; i < technique.Steps.Count; i++)
                {
                    output.WriteLine($"    {i + 1}. {technique.Steps[i]}");
                }
            }

            if (!string.IsNullOrWhiteSpace(technique.TimingGuidance))
            {
                output.WriteLine($"  Timing: {technique.TimingGuidance}");
            }

            if (technique.Cautions.Count > 0)
            {
                output.WriteLine("  Cautions:");
                foreach (var caution in technique.Cautions)
                {
                    output.WriteLine($"    - {caution}");
                }
            }

            if (technique.Sources.Count > 0)
            {
                output.WriteLine("  Sources:");
                foreach (var source in technique.Sources)
                {
                    output.WriteLine($"    - {source}");
                }
            }
        }
    }
}
