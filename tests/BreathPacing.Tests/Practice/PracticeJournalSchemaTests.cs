using System.Text.Json;
using BreathPacing.Practice;
using CsCheck;
using Json.Schema;

namespace BreathPacing.Tests.Practice;

/// <summary>The published schema (docs/practice-journal.schema.json) agrees with what the library writes and reads.</summary>
public class PracticeJournalSchemaTests
{
    private static readonly string SchemaText = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "practice-journal.schema.json"));

    private static readonly JsonSchema Schema = JsonSchema.FromText(SchemaText);

    [Fact]
    public void Schema_IsDraft202012AndVersioned()
    {
        using var document = JsonDocument.Parse(SchemaText);
        document.RootElement.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        document.RootElement.GetProperty("properties").GetProperty("version").GetProperty("const").GetInt32().Should().Be(PracticeJournalJson.CurrentVersion);
    }

    [Fact]
    public void Schema_ExportedJournals_Validate() =>
        PracticeGen.Journal.Sample(records =>
        {
            var json = PracticeJournalJson.Serialize(records);
            Errors(json).Should().BeEmpty(json);
        }, iter: 300);

    [Fact]
    public void Schema_RecordsOfRealSessions_Validate()
    {
        var (summary, timeline) = PracticeGen.Run(BreathingTechniques.OceansBreath(), SessionLength.Cycles(2), stopAfter: TimeSpan.FromSeconds(13));
        var record = PracticeRecord.From(summary, timeline, BreathingTechniques.OceansBreathId, new OceansBreathOptions(), PracticeFeeling.Dizzy, PracticeGen.Monday);

        Errors(PracticeJournalJson.Serialize([record])).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"records":[]}""", "no version")]
    [InlineData("""{"version":2,"records":[]}""", "a future version")]
    [InlineData("""{"version":1,"records":[],"exportedBy":"x"}""", "an unknown field")]
    [InlineData("""{"version":1,"records":[{"endedAt":"2026-03-02T18:30:00+01:00","patternName":"x","startSeconds":4,"reachedInhaleSeconds":4,"reachedExhaleSeconds":4,"completedCycles":-1,"activeSeconds":1,"endedEarly":false}]}""", "negative cycles")]
    [InlineData("""{"version":1,"records":[{"endedAt":"2026-03-02T18:30:00+01:00","patternName":"x","startSeconds":4,"reachedInhaleSeconds":4,"reachedExhaleSeconds":4,"completedCycles":1,"activeSeconds":1,"endedEarly":false,"feeling":"meh"}]}""", "an unknown feeling")]
    [InlineData("""{"version":1,"records":[{"endedAt":"2026-03-02T18:30:00","patternName":"x","startSeconds":4,"reachedInhaleSeconds":4,"reachedExhaleSeconds":4,"completedCycles":1,"activeSeconds":1,"endedEarly":false}]}""", "a time without its offset")]
    [InlineData("""{"version":1,"records":[{"endedAt":"2026-03-02T18:30:00+01:00","patternName":"x","startSeconds":0,"reachedInhaleSeconds":4,"reachedExhaleSeconds":4,"completedCycles":1,"activeSeconds":1,"endedEarly":false}]}""", "zero seconds")]
    [InlineData("""{"version":1,"records":[{"endedAt":"2026-03-02T18:30:00+01:00","patternName":"x","startSeconds":4,"reachedInhaleSeconds":4,"reachedExhaleSeconds":4,"completedCycles":1,"endedEarly":false}]}""", "no active time")]
    [InlineData("""{"version":1,"records":[{"endedAt":"2026-03-02T18:30:00+01:00","techniqueId":"t","patternName":"x","options":{"kind":"threePartBreath","startSeconds":4,"progress":false,"targetSeconds":10,"stepSeconds":1,"cyclesPerStep":3,"exhaleRatio":2},"startSeconds":4,"reachedInhaleSeconds":4,"reachedExhaleSeconds":4,"completedCycles":1,"activeSeconds":1,"endedEarly":false}]}""", "an exhale ratio on Three-Part options")]
    [InlineData("""{"version":1,"records":[{"endedAt":"2026-03-02T18:30:00+01:00","techniqueId":"t","patternName":"x","options":{"kind":"oceansBreath","startSeconds":4,"progress":false,"targetSeconds":10,"stepSeconds":1,"cyclesPerStep":3},"startSeconds":4,"reachedInhaleSeconds":4,"reachedExhaleSeconds":4,"completedCycles":1,"activeSeconds":1,"endedEarly":false}]}""", "Ocean's options without their exhale ratio")]
    [InlineData("""{"version":1,"records":[{"endedAt":"2026-03-02T18:30:00+01:00","techniqueId":"t","patternName":"x","options":{"kind":"box","startSeconds":4,"progress":false,"targetSeconds":10,"stepSeconds":1,"cyclesPerStep":3},"startSeconds":4,"reachedInhaleSeconds":4,"reachedExhaleSeconds":4,"completedCycles":1,"activeSeconds":1,"endedEarly":false}]}""", "an unknown options kind")]
    public void Schema_InvalidDocuments_DoNotValidateAndAreNotRead(string json, string because)
    {
        Errors(json).Should().NotBeEmpty(because);
        FluentActions.Invoking(() => PracticeJournalJson.Deserialize(json)).Should().Throw<PracticeJournalJsonException>(because);
    }

    private static List<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BreathPacing.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
