using System.Text.Json;
using BreathPacing.Practice;
using CsCheck;
using static BreathPacing.Tests.Practice.PracticeGen;

namespace BreathPacing.Tests.Practice;

public class PracticeJournalJsonTests
{
    private const string OneRecord = """
        {
          "version": 1,
          "records": [
            {
              "endedAt": "2026-03-02T18:30:00+01:00",
              "techniqueId": "three-part-breath",
              "patternName": "Three-Part Breath",
              "options": { "kind": "threePartBreath", "startSeconds": 5, "progress": false, "targetSeconds": 10, "stepSeconds": 1, "cyclesPerStep": 3 },
              "startSeconds": 5,
              "reachedInhaleSeconds": 5,
              "reachedExhaleSeconds": 5,
              "plannedCycles": 6,
              "completedCycles": 6,
              "activeSeconds": 60,
              "endedEarly": false,
              "feeling": "easy"
            }
          ]
        }
        """;

    [Fact]
    public void RandomJournals_RoundTripToEqualRecords() =>
        Journal.Sample(records =>
        {
            var json = PracticeJournalJson.Serialize(records);

            PracticeJournalJson.Deserialize(json).Should().Equal(records, json);
        }, iter: 500);

    [Fact]
    public void RandomRecords_RoundTripOneByOne() =>
        AnyRecord.Sample(record =>
        {
            var json = PracticeJournalJson.SerializeRecord(record);

            json.Should().NotContain("\n", "one record is compact, for a row or an object store");
            PracticeJournalJson.DeserializeRecord(json).Should().Be(record);
            PracticeJournalJson.DeserializeRecord(JsonDocument.Parse(json).RootElement).Should().Be(record);
        }, iter: 500);

    [Fact]
    public void Deserialize_TheDocumentedShape_ReadsTheRecord()
    {
        var record = PracticeJournalJson.Deserialize(OneRecord).Single();

        record.Should().BeEquivalentTo(new
        {
            EndedAt = new DateTimeOffset(2026, 3, 2, 18, 30, 0, TimeSpan.FromHours(1)),
            TechniqueId = "three-part-breath",
            Options = (BreathTechniqueOptions)new ThreePartBreathOptions { StartSeconds = 5 },
            ActiveTime = TimeSpan.FromMinutes(1),
            Feeling = (PracticeFeeling?)PracticeFeeling.Easy,
        });
        PracticeJournalJson.Serialize([record]).ReplaceLineEndings("\n").Should().Contain("\"endedAt\": \"2026-03-02T18:30:00+01:00\"");
    }

    [Fact]
    public void Serialize_OptionsOfEachKind_WriteTheirDiscriminator()
    {
        var json = PracticeJournalJson.Serialize([
            Session(4, null, 0, BreathingTechniques.ThreePartBreathId),
            Session(4, null, 1, BreathingTechniques.OceansBreathId, new OceansBreathOptions { StartSeconds = 4, ExhaleRatio = 2 }),
            Session(4, null, 2, "box", new BoxOptions { StartSeconds = 4, HoldShare = 0.25 }),
        ]);

        using var document = JsonDocument.Parse(json);
        var options = document.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("options")).ToArray();
        options.Select(o => o.GetProperty("kind").GetString()).Should().Equal("threePartBreath", "oceansBreath", "shared");
        options[1].GetProperty("exhaleRatio").GetDouble().Should().Be(2);
        options[2].TryGetProperty("holdShare", out _).Should().BeFalse("an app's own settings are not the journal's to keep");
    }

    [Theory]
    [InlineData("\"completedCycles\": 6", "\"completedCycles\": -1", "$.records[0].completedCycles", "= -1")]
    [InlineData("\"completedCycles\": 6", "\"completedCycles\": 7", "$.records[0].completedCycles", "at most plannedCycles (6)")]
    [InlineData("\"feeling\": \"easy\"", "\"feeling\": \"meh\"", "$.records[0].feeling", "found \"meh\"")]
    [InlineData("\"version\": 1", "\"version\": 2", "$.version", "unsupported version 2; this library reads version 1")]
    [InlineData("\"version\": 1,", "", "$.version", "no \"version\" field")]
    [InlineData("\"startSeconds\": 5,\n", "\"startSeconds\": \"NaN\",\n", "$.records[0].startSeconds", "found \"NaN\"")]
    [InlineData("\"reachedInhaleSeconds\": 5", "\"reachedInhaleSeconds\": 0", "$.records[0].reachedInhaleSeconds", "= 0")]
    [InlineData("\"activeSeconds\": 60", "\"activeSeconds\": -1", "$.records[0].activeSeconds", "= -1")]
    [InlineData("\"endedAt\": \"2026-03-02T18:30:00+01:00\"", "\"endedAt\": \"2026-03-02T18:30:00\"", "$.records[0].endedAt", "with its offset")]
    [InlineData("\"kind\": \"threePartBreath\"", "\"kind\": \"boxBreath\"", "$.records[0].options.kind", "\"threePartBreath\", \"oceansBreath\" or \"shared\"")]
    [InlineData("\"kind\": \"threePartBreath\"", "\"kind\": \"threePartBreath\", \"exhaleRatio\": 2", "$.records[0].options.exhaleRatio", "only for options of kind \"oceansBreath\"")]
    [InlineData("\"kind\": \"threePartBreath\"", "\"kind\": \"oceansBreath\"", "$.records[0].options.exhaleRatio", "found nothing")]
    [InlineData("\"startSeconds\": 5,\n", "\"startSeconds\": 6,\n", "$.records[0].startSeconds", "the same as options.startSeconds (5)")]
    [InlineData("\"endedEarly\": false,", "\"endedEarly\": false, \"colour\": \"blue\",", "$.records[0].colour", "unknown field \"colour\"")]
    [InlineData("\"techniqueId\": \"three-part-breath\",", "", "$.records[0].options", "give its techniqueId")]
    [InlineData("\"plannedCycles\": 6", "\"plannedCycles\": 0", "$.records[0].plannedCycles", "= 0")]
    public void Deserialize_BadValue_ThrowsNamingThePathAndTheValue(string find, string replace, string path, string says)
    {
        var json = Edit(find, replace);

        var thrown = FluentActions.Invoking(() => PracticeJournalJson.Deserialize(json)).Should().Throw<PracticeJournalJsonException>().Which;

        thrown.Path.Should().Be(path);
        thrown.Message.Should().Contain(path).And.Contain(says);
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"records\": [ ")]
    [InlineData("{ \"version\": 1, \"records\": [], }")]
    [InlineData("{ \"version\": 1, /* a note */ \"records\": [] }")]
    [InlineData("[]")]
    [InlineData("{ \"version\": 1 }")]
    [InlineData("{ \"version\": 1, \"records\": [ null ] }")]
    public void Deserialize_MalformedOrIncomplete_Throws(string json) =>
        FluentActions.Invoking(() => PracticeJournalJson.Deserialize(json)).Should().Throw<PracticeJournalJsonException>();

    [Fact]
    public void Deserialize_AnyPrefixOfAValidDocument_ThrowsOnlyTheFormatsException() =>
        Journal.Select(Gen.Double[0, 0.999]).Sample((records, cut) =>
        {
            var json = PracticeJournalJson.Serialize(records);
            var prefix = json[..(int)(json.Length * cut)];

            FluentActions.Invoking(() => PracticeJournalJson.Deserialize(prefix)).Should().Throw<PracticeJournalJsonException>();
        }, iter: 200);

    [Fact]
    public async Task ImportThatFails_LeavesTheJournalUnchanged()
    {
        var journal = new InMemoryPracticeJournal();
        var before = Script((4, PracticeFeeling.Easy), (4, PracticeFeeling.Easy));
        await journal.AppendRangeAsync(before);
        var export = PracticeJournalJson.Serialize([.. before, Session(5, PracticeFeeling.Hard, 2), Session(5, PracticeFeeling.Dizzy, 3)]);
        var broken = export.Replace("\"dizzy\"", "\"woozy\"", StringComparison.Ordinal);

        var import = async () => await journal.AppendRangeAsync(PracticeJournalJson.Deserialize(broken));

        await import.Should().ThrowAsync<PracticeJournalJsonException>().WithMessage("*$.records[3].feeling*\"woozy\"*");
        (await journal.QueryAsync(PracticeQuery.All)).Should().Equal(before);
    }

    [Fact]
    public async Task ImportingTheSameExportTwice_AddsEachSessionOnce()
    {
        var source = new InMemoryPracticeJournal();
        await source.AppendRangeAsync(Script((4, PracticeFeeling.Easy), (4, PracticeFeeling.Easy), (5, null)));
        var export = PracticeJournalJson.Serialize(await source.QueryAsync(PracticeQuery.All));
        var target = new InMemoryPracticeJournal();

        (await target.AppendRangeAsync(PracticeJournalJson.Deserialize(export))).Should().Be(3);
        (await target.AppendRangeAsync(PracticeJournalJson.Deserialize(export))).Should().Be(0);

        (await target.QueryAsync(PracticeQuery.All)).Should().Equal(await source.QueryAsync(PracticeQuery.All));
    }

    private static string Edit(string find, string replace)
    {
        var json = OneRecord.ReplaceLineEndings("\n");
        json.Should().Contain(find);
        return json.Replace(find, replace, StringComparison.Ordinal);
    }
}
