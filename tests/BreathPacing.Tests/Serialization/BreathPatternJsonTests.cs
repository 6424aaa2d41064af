using System.Text;
using System.Text.Json;
using BreathPacing.Serialization;
using BreathPacing.Tests.Support;
using CsCheck;

namespace BreathPacing.Tests.Serialization;

public class BreathPatternJsonTests
{
    private const string Valid = """
        {
          "version": 1,
          "name": "calm",
          "phases": [
            { "kind": "inhale", "duration": 4, "airway": "nose", "cueKey": "calm.in",
              "segments": [ { "region": "belly", "share": 0.5 }, { "region": "chest", "share": 0.5, "cueKey": "calm.in.chest" } ] },
            { "kind": "holdAfterInhale", "duration": 1.5 },
            { "kind": "exhale", "duration": 6, "airway": "throatConstricted" }
          ],
          "progression": { "step": 0.5, "everyCycles": 2, "target": 6 },
          "defaultLength": { "kind": "cycles", "cycles": 12 }
        }
        """;

    [Fact]
    public void Deserialize_CompleteDocument_ReadsEveryField()
    {
        var pattern = BreathPatternJson.Deserialize(Valid);

        var expected = BreathPattern.Create("calm")
            .Inhale(TimeSpan.FromSeconds(4), Airway.Nose, "calm.in", s => s.Add("belly", 0.5).Add("chest", 0.5, "calm.in.chest"))
            .HoldAfterInhale(TimeSpan.FromSeconds(1.5))
            .Exhale(TimeSpan.FromSeconds(6), Airway.ThroatConstricted)
            .WithProgression(BreathProgression.Lengthen(TimeSpan.FromSeconds(0.5), 2, TimeSpan.FromSeconds(6)))
            .WithDefaultLength(SessionLength.Cycles(12))
            .Build();
        pattern.Should().Be(expected);
    }

    [Fact]
    public void Serialize_RandomValidPatterns_RoundTripsExactly() =>
        PatternGen.Pattern.Sample(pattern =>
        {
            var json = BreathPatternJson.Serialize(pattern);
            var again = BreathPatternJson.Deserialize(json);
            again.Should().Be(pattern, json);
            again.Phases.Select(p => p.Duration.Ticks).Should().Equal(pattern.Phases.Select(p => p.Duration.Ticks));
            BreathPatternJson.Serialize(again).Should().Be(json, "writing is deterministic");
        }, iter: 2000);

    [Fact]
    public void Serialize_BuiltInTechniques_RoundTripExactly()
    {
        foreach (var pattern in BuiltIns())
        {
            BreathPatternJson.Deserialize(BreathPatternJson.Serialize(pattern)).Should().Be(pattern);
        }
    }

    [Fact]
    public void Serialize_OceansBreath_WritesVersionedCamelCaseDocument()
    {
        using var document = JsonDocument.Parse(BreathPatternJson.Serialize(BreathingTechniques.OceansBreath()));
        var root = document.RootElement;

        root.GetProperty("version").GetInt32().Should().Be(1);
        root.GetProperty("name").GetString().Should().Be("Ocean's Breath");
        var exhale = root.GetProperty("phases")[1];
        exhale.GetProperty("kind").GetString().Should().Be("exhale");
        exhale.GetProperty("duration").GetDecimal().Should().Be(6m);
        exhale.GetProperty("airway").GetString().Should().Be("throatConstricted");
        exhale.GetProperty("cueKey").GetString().Should().Be(CueKeys.OceanExhale);
        exhale.TryGetProperty("segments", out _).Should().BeFalse("empty parts are left out");
        root.TryGetProperty("progression", out _).Should().BeFalse();
        root.GetProperty("defaultLength").GetProperty("kind").GetString().Should().Be("openEnded");
    }

    [Fact]
    public void Serialize_TickExactDuration_WritesDecimalSecondsWithSevenFractionDigits()
    {
        var pattern = BreathPattern.Create("ticks")
            .Inhale(TimeSpan.FromTicks(41_234_567))
            .Exhale(TimeSpan.FromSeconds(600))
            .WithDefaultLength(SessionLength.Of(TimeSpan.FromTicks(1)))
            .Build();

        var json = BreathPatternJson.Serialize(pattern);

        json.Should().Contain("\"duration\": 4.1234567").And.Contain("\"duration\": 600").And.NotContain("600.0").And.Contain("\"duration\": 0.0000001");
    }

    [Theory]
    [InlineData("4.12345674", 41_234_567)]
    [InlineData("4.12345675", 41_234_568)]
    [InlineData("4e0", 40_000_000)]
    [InlineData("0.01", 100_000)]
    public void Deserialize_DurationBeyondTickPrecision_RoundsToNearestTick(string seconds, long ticks)
    {
        var pattern = BreathPatternJson.Deserialize($$"""{"version":1,"name":"n","phases":[{"kind":"inhale","duration":{{seconds}}},{"kind":"exhale","duration":5}]}""");

        pattern.Phases[0].Duration.Ticks.Should().Be(ticks);
        pattern.DefaultLength.Should().Be(SessionLength.OpenEnded, "a missing defaultLength means open-ended");
    }

    [Fact]
    public void Write_IntoLargerDocument_WritesOnePatternObject()
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            BreathPatternJson.Write(writer, BreathingTechniques.OceansBreath());
            BreathPatternJson.Write(writer, BreathingTechniques.ThreePartBreath());
            writer.WriteEndArray();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        document.RootElement.GetArrayLength().Should().Be(2);
        BreathPatternJson.Deserialize(document.RootElement[1].GetRawText()).Should().Be(BreathingTechniques.ThreePartBreath());
    }

    [Fact]
    public void Deserialize_Utf8Bytes_ReadsSameAsText() =>
        BreathPatternJson.Deserialize(Encoding.UTF8.GetBytes(Valid)).Should().Be(BreathPatternJson.Deserialize(Valid));

    [Fact]
    public void Deserialize_NullArguments_ThrowArgumentNull()
    {
        FluentActions.Invoking(() => BreathPatternJson.Deserialize((string)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => BreathPatternJson.Serialize(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => BreathPatternJson.Write(null!, BreathingTechniques.OceansBreath())).Should().Throw<ArgumentNullException>();
    }

    public static TheoryData<string, string, string> MalformedDocuments => new()
    {
        { """{"version":1,"name":"x",""", "$", "Malformed breath pattern JSON at line 1" },
        { """{"version":1,"name":"x",}""", "$", "Malformed" },
        { """{"version":1, /* note */ "name":"x"}""", "$", "Malformed" },
        { "", "$", "Malformed" },
        { "{\"version\":1}\n{}", "$", "line 2" },
        { new string('[', 100) + new string(']', 100), "$", "depth" },
    };

    [Theory]
    [MemberData(nameof(MalformedDocuments))]
    public void Deserialize_MalformedJson_ThrowsWithPosition(string json, string path, string message)
    {
        var error = Read(json);

        error.Path.Should().Be(path);
        error.Message.Should().Contain(message);
        error.LineNumber.Should().NotBeNull();
        error.InnerException.Should().BeAssignableTo<JsonException>();
    }

    public static TheoryData<string, string, string> InvalidDocuments => new()
    {
        // Document and version.
        { """[1]""", "$", "expected a breath pattern object with \"version\": 1, found an array" },
        { """{"name":"x"}""", "$.version", "expected the format version 1, found no \"version\" field" },
        { """{"version":2,"name":"x"}""", "$.version", "unsupported version 2; this library reads version 1" },
        { """{"version":"1"}""", "$.version", "expected the format version 1, found \"1\"" },
        // Unknown fields, at every level.
        { Doc(extraRoot: ",\"colour\":\"blue\""), "$.colour", "unknown field \"colour\"; expected one of \"version\", \"name\", \"phases\", \"progression\", \"defaultLength\"" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":4,\"speed\":1"), "$.phases[0].speed", "unknown field \"speed\"; expected one of \"kind\", \"duration\", \"airway\", \"cueKey\", \"segments\"" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":4,\"segments\":[{\"region\":\"a\",\"share\":1,\"colour\":1}]"), "$.phases[0].segments[0].colour", "unknown field \"colour\"; expected one of \"region\", \"share\", \"cueKey\"" },
        { Doc(extraRoot: ",\"progression\":{\"step\":1,\"everyCycles\":1,\"target\":8,\"until\":3}"), "$.progression.until", "unknown field \"until\"" },
        { Doc(extraRoot: ",\"defaultLength\":{\"kind\":\"cycles\",\"cycles\":3,\"minutes\":3}"), "$.defaultLength.minutes", "unknown field \"minutes\"" },
        { Doc(extraRoot: ",\"the colour\":1"), "$['the colour']", "unknown field \"the colour\"" },
        // Values of the wrong type.
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":\"4\""), "$.phases[0].duration", "expected a number of seconds, found \"4\"" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":1e40"), "$.phases[0].duration", "expected a number of seconds" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":4000000000"), "$.phases[0].duration", "expected a number of seconds within the pattern limits, found 4000000000" },
        { Doc(inhale: "\"kind\":3,\"duration\":4"), "$.phases[0].kind", "expected \"inhale\", \"holdAfterInhale\", \"exhale\" or \"holdAfterExhale\", found 3" },
        { """{"version":1,"name":"x","phases":{"kind":"inhale"}}""", "$.phases", "expected an array of phases (at least one inhale and one exhale), found an object" },
        { """{"version":1,"name":"x","phases":[1]}""", "$.phases[0]", "expected a phase object, found 1" },
        { """{"version":1,"name":"x","phases":[null]}""", "$.phases[0]", "expected a phase object, found null" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":4,\"segments\":[true]"), "$.phases[0].segments[0]", "expected a segment object, found true" },
        { Doc(extraRoot: ",\"defaultLength\":{\"kind\":\"cycles\",\"cycles\":3000000000}"), "$.defaultLength.cycles", "expected a whole number of cycles, found 3000000000" },
        { Doc(extraRoot: ",\"progression\":{\"step\":1,\"everyCycles\":1.5,\"target\":8}"), "$.progression.everyCycles", "expected a whole number of cycles, found 1.5" },
        // Missing and unknown values.
        { """{"version":1,"phases":[]}""", "$.name", "expected the pattern's name (a non-empty string), found nothing" },
        { """{"version":1,"name":"x"}""", "$.phases", "expected an array of phases" },
        { Doc(inhale: "\"duration\":4"), "$.phases[0].kind", "expected \"inhale\", \"holdAfterInhale\", \"exhale\" or \"holdAfterExhale\", found nothing" },
        { Doc(inhale: "\"kind\":\"breathe\",\"duration\":4"), "$.phases[0].kind", "found \"breathe\"" },
        { Doc(inhale: "\"kind\":\"Inhale\",\"duration\":4"), "$.phases[0].kind", "found \"Inhale\"" },
        { Doc(inhale: "\"kind\":\"inhale\""), "$.phases[0].duration", "expected a number of seconds, found nothing" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":4,\"airway\":\"ear\""), "$.phases[0].airway", "expected \"unspecified\", \"nose\", \"mouth\" or \"throatConstricted\", found \"ear\"" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":4,\"segments\":[{\"share\":1}]"), "$.phases[0].segments[0].region", "expected the body region's id" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":4,\"segments\":[{\"region\":\"a\"}]"), "$.phases[0].segments[0].share", "expected the segment's share of the phase" },
        { Doc(extraRoot: ",\"progression\":{\"everyCycles\":1,\"target\":8}"), "$.progression.step", "expected a number of seconds, found nothing" },
        { Doc(extraRoot: ",\"progression\":{\"step\":1,\"target\":8}"), "$.progression.everyCycles", "found nothing" },
        { Doc(extraRoot: ",\"progression\":{\"step\":1,\"everyCycles\":1}"), "$.progression.target", "found nothing" },
        { Doc(extraRoot: ",\"defaultLength\":{\"cycles\":3}"), "$.defaultLength.kind", "expected \"openEnded\", \"cycles\" or \"duration\", found nothing" },
        { Doc(extraRoot: ",\"defaultLength\":{\"kind\":\"weekly\"}"), "$.defaultLength.kind", "found \"weekly\"" },
        { Doc(extraRoot: ",\"defaultLength\":{\"kind\":\"cycles\"}"), "$.defaultLength.cycles", "found nothing" },
        { Doc(extraRoot: ",\"defaultLength\":{\"kind\":\"duration\"}"), "$.defaultLength.duration", "found nothing" },
        { Doc(extraRoot: ",\"defaultLength\":{\"kind\":\"cycles\",\"cycles\":3,\"duration\":60}"), "$.defaultLength.duration", "not allowed when the session is counted in cycles; found 60" },
        { Doc(extraRoot: ",\"defaultLength\":{\"kind\":\"openEnded\",\"cycles\":3}"), "$.defaultLength.cycles", "not allowed when the session is open-ended" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Deserialize_InvalidDocument_ThrowsWithPathAndExpectation(string json, string path, string message)
    {
        var error = Read(json);

        error.Path.Should().Be(path);
        error.Message.Should().Contain($"at {path}").And.Contain(message);
    }

    public static TheoryData<string, string, string, string> ModelRejections => new()
    {
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":700"), "$.phases[0].duration", "phases[0].duration", "a phase lasts from 0.01 s to 600 s" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":-4"), "$.phases[0].duration", "phases[0].duration", "= -4 s" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":4,\"segments\":[{\"region\":\"a\",\"share\":0.5},{\"region\":\"b\",\"share\":0.4}]"), "$.phases[0].segments", "phases[0].segments", "must sum to 1" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":4,\"segments\":[{\"region\":\"a\",\"share\":0.5},{\"region\":\"a\",\"share\":0.5}]"), "$.phases[0].segments[1].region", "phases[0].segments[1].region", "duplicate" },
        { Doc(inhale: "\"kind\":\"inhale\",\"duration\":4,\"cueKey\":\" \""), "$.phases[0].cueKey", "phases[0].cueKey", "a cue key with at least one visible character" },
        { Doc(inhale: "\"kind\":\"holdAfterInhale\",\"duration\":4"), "$.phases", "phases", "at least one inhale" },
        { """{"version":1,"name":"  ","phases":[]}""", "$.name", "name", "a name with at least one visible character" },
        { Doc(extraRoot: ",\"progression\":{\"step\":1,\"everyCycles\":1,\"target\":3}"), "$.progression.target", "progression.target", "longer than the first inhale" },
        { Doc(extraRoot: ",\"progression\":{\"step\":1,\"everyCycles\":0,\"target\":8}"), "$.progression.everyCycles", "progression.everyCycles", "from 1 to 1000" },
        { Doc(extraRoot: ",\"defaultLength\":{\"kind\":\"cycles\",\"cycles\":0}"), "$.defaultLength.cycles", "length.cycles", "from 1 to 1000000 cycles" },
        { Doc(extraRoot: ",\"defaultLength\":{\"kind\":\"duration\",\"duration\":0}"), "$.defaultLength.duration", "length.duration", "positive duration" },
    };

    [Theory]
    [MemberData(nameof(ModelRejections))]
    public void Deserialize_ValueTheModelRejects_WrapsModelErrorWithPath(string json, string path, string field, string problem)
    {
        var error = Read(json);

        error.Path.Should().Be(path);
        error.Message.Should().Contain($"at {path}").And.Contain(problem);
        error.InnerException.Should().BeAssignableTo<BreathValidationException>().Which.Field.Should().Be(field);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("'")]
    [InlineData("']")]
    [InlineData("")]
    public void Deserialize_UnknownFieldWithAwkwardName_ReportsItsPath(string name)
    {
        // Found by the fuzzer: a property named "[" made the path "$['[']", which once broke the error report itself.
        var error = Read(Doc(extraRoot: $",{JsonSerializer.Serialize(name)}:1"));

        error.Path.Should().StartWith("$");
        error.Message.Should().Contain("Invalid breath pattern JSON at " + error.Path);
    }

    [Fact]
    public void Deserialize_InvalidUtf8InsideAString_ThrowsTheDocumentedException()
    {
        var bytes = Encoding.UTF8.GetBytes(Doc());
        var at = Array.IndexOf(bytes, (byte)'x');
        bytes[at] = 0xFF;

        var error = FluentActions.Invoking(() => BreathPatternJson.Deserialize(bytes)).Should().Throw<BreathPatternJsonException>().Which;

        error.Path.Should().Be("$.name");
        error.Message.Should().Contain("not valid UTF-8");
    }

    [Fact]
    public void Deserialize_InvalidUtf8InAFieldName_ThrowsTheDocumentedException()
    {
        var bytes = Encoding.UTF8.GetBytes(Doc(extraRoot: ",\"cXlour\":1"));
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3;

        FluentActions.Invoking(() => BreathPatternJson.Deserialize(bytes)).Should().Throw<BreathPatternJsonException>()
            .Which.Path.Should().StartWith("$");
    }

    [Theory]
    [InlineData("{\"version\":1,\"name\":\"a\\ud800b\",\"phases\":[]}", "$.name")]
    [InlineData("{\"version\":1,\"name\":\"n\",\"phases\":[{\"kind\":\"inhale\",\"duration\":4,\"cueKey\":\"\\udc00\"},{\"kind\":\"exhale\",\"duration\":4}]}", "$.phases[0].cueKey")]
    [InlineData("{\"version\":1,\"name\":\"n\",\"\\ud800\":1}", "$")]
    public void Deserialize_UnpairedSurrogateEscape_ThrowsTheDocumentedException(string json, string path) =>
        Read(json).Path.Should().StartWith(path);

    [Fact]
    public void Deserialize_DefaultJsonElement_ThrowsTheDocumentedException()
    {
        var error = FluentActions.Invoking(() => BreathPatternJson.Deserialize(default(JsonElement))).Should().Throw<BreathPatternJsonException>().Which;

        error.Path.Should().Be("$");
        error.Message.Should().Contain("found nothing");
    }

    [Theory]
    [InlineData("{\"version\":1,\"name\":\"a\",\"name\":\"b\",\"phases\":[]}", "$.name")]
    [InlineData("{\"version\":1,\"name\":\"a\",\"phases\":[{\"kind\":\"inhale\",\"duration\":4,\"duration\":5},{\"kind\":\"exhale\",\"duration\":4}]}", "$.phases[0].duration")]
    [InlineData("{\"version\":1,\"version\":1,\"name\":\"a\",\"phases\":[]}", "$.version")]
    public void Deserialize_DuplicateField_IsAnError(string json, string path)
    {
        var error = Read(json);

        error.Path.Should().Be(path);
        error.Message.Should().Contain("appears more than once");
    }

    [Fact]
    public void Deserialize_ZeroHold_IsLeftOutAndLaterErrorsKeepTheirJsonIndex()
    {
        var pattern = BreathPatternJson.Deserialize("""
            {"version":1,"name":"n","phases":[{"kind":"inhale","duration":4},{"kind":"holdAfterInhale","duration":0},{"kind":"exhale","duration":6}]}
            """);
        pattern.Should().Be(BreathNotation.Parse("4-0-6", "n"));

        var error = Read("""
            {"version":1,"name":"n","phases":[{"kind":"inhale","duration":4},{"kind":"holdAfterInhale","duration":0},{"kind":"exhale","duration":700}]}
            """);
        error.Path.Should().Be("$.phases[2].duration");
        error.InnerException.Should().BeOfType<InvalidBreathPatternException>().Which.Field.Should().Be("phases[1].duration");
    }

    [Theory]
    [InlineData("{\"kind\":\"inhale\",\"duration\":4},{\"kind\":\"exhale\",\"duration\":4},{\"kind\":\"holdAfterInhale\",\"duration\":2}", "$.phases[2].kind", "HoldAfterExhale")]
    [InlineData("{\"kind\":\"holdAfterInhale\",\"duration\":2},{\"kind\":\"inhale\",\"duration\":4},{\"kind\":\"exhale\",\"duration\":4}", "$.phases[0].kind", "HoldAfterExhale")]
    [InlineData("{\"kind\":\"inhale\",\"duration\":4},{\"kind\":\"holdAfterInhale\",\"duration\":2,\"airway\":\"nose\"},{\"kind\":\"exhale\",\"duration\":4}", "$.phases[1].airway", "no air")]
    [InlineData("{\"kind\":\"inhale\",\"duration\":0},{\"kind\":\"exhale\",\"duration\":4}", "$.phases[0].duration", "0.01 s")]
    [InlineData("{\"kind\":\"inhale\",\"duration\":4},{\"kind\":\"holdAfterInhale\",\"duration\":0,\"cueKey\":\"k\"},{\"kind\":\"exhale\",\"duration\":4}", "$.phases[1].cueKey", "0 s hold")]
    public void Deserialize_HoldsFollowTheSameModelAsTheBuilder(string phases, string path, string problem)
    {
        var error = Read($$"""{"version":1,"name":"n","phases":[{{phases}}]}""");

        error.Path.Should().Be(path);
        error.Message.Should().Contain(problem);
    }

    [Fact]
    public void Deserialize_HoldWithSegments_IsRead()
    {
        var pattern = BreathPatternJson.Deserialize("""
            {"version":1,"name":"n","phases":[{"kind":"inhale","duration":4},{"kind":"holdAfterInhale","duration":2,"segments":[{"region":"chest","share":1,"cueKey":"rest"}]},{"kind":"exhale","duration":4}]}
            """);

        pattern.Phases[1].Segments.Single().CueKey.Should().Be("rest");
        BreathPatternJson.Deserialize(BreathPatternJson.Serialize(pattern)).Should().Be(pattern);
    }

    [Theory]
    [InlineData("calm\\u202eevil", "U+202E")]
    [InlineData("\\u200b\\ufeff", "no visible character")]
    [InlineData("a\\u0000b", "U+0000")]
    public void Deserialize_SpoofingName_IsRefusedAtItsPath(string name, string problem)
    {
        var error = Read($$"""{"version":1,"name":"{{name}}","phases":[]}""");

        error.Path.Should().Be("$.name");
        error.Message.Should().Contain(problem).And.NotContain("\u202E").And.NotContain("\0");
    }

    [Fact]
    public void Deserialize_HugeBadValueOrFieldName_IsNeverEchoedWhole()
    {
        var huge = new string('x', 7000);

        foreach (var json in new[]
        {
            $$"""{"version":1,"name":"{{huge}}","phases":[]}""",
            $$"""{"version":1,"name":"n","{{huge}}":1}""",
            $$"""{"version":1,"name":"n","phases":[{"kind":"{{huge}}","duration":4}]}""",
            $$"""{"version":1,"name":"n","phases":[{"kind":"inhale","duration":{{new string('9', 7000)}}}]}""",
        })
        {
            var error = Read(json);

            error.Message.Length.Should().BeLessThan(400, error.Message);
            error.Path.Length.Should().BeLessThan(80);
            error.Message.Should().Contain("7000 characters").And.Contain("…").And.NotContain(new string('x', 41)).And.NotContain(new string('9', 41));
        }
    }

    [Theory]
    [InlineData("600.00000006", "= 600.00000006 s")]
    [InlineData("0.009999949", "= 0.009999949 s")]
    public void Deserialize_RejectedDuration_IsShownAsGiven(string seconds, string shown)
    {
        var error = Read(Doc(inhale: $"\"kind\":\"inhale\",\"duration\":{seconds}"));

        error.Path.Should().Be("$.phases[0].duration");
        error.Message.Should().Contain(shown);
    }

    [Theory]
    [InlineData("600.00000004", 6_000_000_000)]
    [InlineData("0.00999995", 100_000)]
    public void Deserialize_DurationThatRoundsIntoRange_IsAccepted(string seconds, long ticks) =>
        BreathPatternJson.Deserialize(Doc(inhale: $"\"kind\":\"inhale\",\"duration\":{seconds}")).Phases[0].Duration.Ticks.Should().Be(ticks);

    [Fact]
    public void Deserialize_MutatedUtf8Bytes_ThrowsOnlyBreathPatternJsonException() =>
        Gen.Select(PatternGen.Pattern, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 4]).Sample(x =>
        {
            var bytes = Encoding.UTF8.GetBytes(BreathPatternJson.Serialize(x.Item1));
            foreach (var (at, value) in x.Item2)
            {
                bytes[at % bytes.Length] = value;
            }

            try
            {
                BreathPatternJson.Deserialize(bytes).Should().NotBeNull();
            }
            catch (BreathPatternJsonException ex)
            {
                ex.Path.Should().StartWith("$");
            }
        }, iter: 10_000);

    [Fact]
    public void Deserialize_NullOptionalFields_MeanAbsent()
    {
        var pattern = BreathPatternJson.Deserialize("""
            {"version":1,"name":"n","progression":null,"defaultLength":null,
             "phases":[{"kind":"inhale","duration":4,"airway":null,"cueKey":null,"segments":null},{"kind":"exhale","duration":4}]}
            """);

        pattern.Should().Be(BreathPattern.Create("n").Inhale(TimeSpan.FromSeconds(4)).Exhale(TimeSpan.FromSeconds(4)).Build());
    }

    [Fact]
    public void Deserialize_RandomText_ThrowsOnlyBreathPatternJsonException() =>
        Gen.String.Sample(text => OnlyDocumentedErrors(text), iter: 3000);

    [Fact]
    public void Deserialize_MutatedValidDocuments_ThrowsOnlyBreathPatternJsonException() =>
        Gen.Select(PatternGen.Pattern, Mutation.Array[1, 4]).Sample(x =>
        {
            var text = BreathPatternJson.Serialize(x.Item1);
            foreach (var mutate in x.Item2)
            {
                text = mutate(text);
            }

            OnlyDocumentedErrors(text);
        }, iter: 10_000);

    [Fact]
    public void Deserialize_StructurallyMutatedDocuments_ThrowsOnlyBreathPatternJsonException() =>
        Gen.Select(PatternGen.Pattern, Gen.Int[0, int.MaxValue], Gen.Int[0, Replacements.Length - 1].Select(i => Replacements[i])).Sample(x =>
        {
            var text = BreathPatternJson.Serialize(x.Item1);
            OnlyDocumentedErrors(ReplaceValue(text, x.Item2, x.Item3));
        }, iter: 10_000);

    private static readonly string[] Replacements =
    [
        "null", "true", "0", "-1", "1e308", "-1e-308", "0.0000000001", "600.00000001", "3000000000", "\"\"", "\" \"", "\"inhale\"", "\"exhale\"",
        "\"cycles\"", "\"duration\"", "\"openEnded\"", "{}", "[]", "[{}]", "[null]", "{\"kind\":\"cycles\"}", "\"\\u0000\"", "79228162514264337593543950336",
        "\"\\ud800\"", "\"\\udc00x\"", "\"a\\u202eb\"", "\"\\u200b\"", "\"holdAfterInhale\"", "\"holdAfterExhale\"", "\"nose\"", "0e0", "-0", "600.00000004",
    ];

    // Text mutations: delete, insert, replace, duplicate and truncate.
    private static readonly Gen<Func<string, string>> Mutation = Gen.OneOf(
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[1, 8]).Select(x => (Func<string, string>)(s => s.Length == 0 ? s : s.Remove(x.Item1 % s.Length, Math.Min(x.Item2, s.Length - (x.Item1 % s.Length))))),
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Char["{}[],:\"\\0123456789.-+eE truefalsn"]).Select(x => (Func<string, string>)(s => s.Insert(x.Item1 % (s.Length + 1), x.Item2.ToString()))),
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Char).Select(x => (Func<string, string>)(s => s.Length == 0 ? s : s.Remove(x.Item1 % s.Length, 1).Insert(x.Item1 % s.Length, x.Item2.ToString()))),
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[1, 40]).Select(x => (Func<string, string>)(s =>
        {
            if (s.Length == 0)
            {
                return s;
            }

            var start = x.Item1 % s.Length;
            var chunk = s.Substring(start, Math.Min(x.Item2, s.Length - start));
            return s.Insert(start, chunk);
        })),
        Gen.Int[0, int.MaxValue].Select(x => (Func<string, string>)(s => s[..(x % (s.Length + 1))])));

    // Replaces the n-th JSON value (counted over the whole tree) with a replacement token.
    private static string ReplaceValue(string json, int n, string replacement)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var slots = new List<(System.Text.Json.Nodes.JsonNode Parent, object Key)>();
        Collect(root, slots);
        var (parent, key) = slots[n % slots.Count];

        // A marker is put in the tree and swapped for the raw replacement afterwards, because some replacements (an
        // unpaired surrogate escape) are exactly what System.Text.Json.Nodes refuses to write.
        const string marker = "@@replacement@@";
        if (key is string name)
        {
            parent.AsObject()[name] = marker;
        }
        else
        {
            parent.AsArray()[(int)key] = marker;
        }

        return root.ToJsonString().Replace("\"" + marker + "\"", replacement, StringComparison.Ordinal);

        static void Collect(System.Text.Json.Nodes.JsonNode? node, List<(System.Text.Json.Nodes.JsonNode, object)> slots)
        {
            if (node is System.Text.Json.Nodes.JsonObject obj)
            {
                foreach (var (name, child) in obj)
                {
                    slots.Add((obj, name));
                    Collect(child, slots);
                }
            }
            else if (node is System.Text.Json.Nodes.JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, i));
                    Collect(array[i], slots);
                }
            }
        }
    }

    private static void OnlyDocumentedErrors(string text)
    {
        try
        {
            BreathPatternJson.Deserialize(text).Should().NotBeNull();
        }
        catch (BreathPatternJsonException ex)
        {
            ex.Path.Should().StartWith("$");
            ex.Message.Should().NotBeNullOrWhiteSpace();
        }
    }

    private static BreathPatternJsonException Read(string json) =>
        FluentActions.Invoking(() => BreathPatternJson.Deserialize(json)).Should().Throw<BreathPatternJsonException>().Which;

    private static string Doc(string inhale = "\"kind\":\"inhale\",\"duration\":4", string extraRoot = "") =>
        $$"""{"version":1,"name":"x","phases":[{{{inhale}}},{"kind":"exhale","duration":6}]{{extraRoot}}}""";

    internal static IEnumerable<BreathPattern> BuiltIns() =>
    [
        BreathingTechniques.ThreePartBreath(),
        BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { Progress = true }),
        BreathingTechniques.ThreePartBreath(new ThreePartBreathOptions { StartSeconds = 5, Progress = true, StepSeconds = 0.5, CyclesPerStep = 2 }),
        BreathingTechniques.OceansBreath(),
        BreathingTechniques.OceansBreath(new OceansBreathOptions { StartSeconds = 5, ExhaleRatio = 2 }),
    ];
}
