using BreathPacing.Practice;
using static BreathPacing.Tests.Practice.PracticeGen;

namespace BreathPacing.Tests.Practice;

/// <summary>Making a record from what a host has when a session ends.</summary>
public class PracticeRecordTests
{
    private static readonly DateTimeOffset EndedAt = new(2026, 3, 2, 18, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void From_FinishedThreePartSession_RecordsWhatWasBreathed()
    {
        var options = new ThreePartBreathOptions { StartSeconds = 5 };
        var (summary, timeline) = Run(BreathingTechniques.ThreePartBreath(options), SessionLength.Cycles(6));

        var record = PracticeRecord.From(summary, timeline, BreathingTechniques.ThreePartBreathId, options, PracticeFeeling.Comfortable, EndedAt);

        record.Should().BeEquivalentTo(new
        {
            EndedAt,
            TechniqueId = BreathingTechniques.ThreePartBreathId,
            PatternName = "Three-Part Breath",
            Options = (BreathTechniqueOptions)options,
            StartSeconds = 5.0,
            ReachedInhaleSeconds = 5.0,
            ReachedExhaleSeconds = 5.0,
            PlannedCycles = (int?)6,
            CompletedCycles = 6,
            ActiveTime = TimeSpan.FromSeconds(60),
            EndedEarly = false,
            Feeling = (PracticeFeeling?)PracticeFeeling.Comfortable,
        });
    }

    [Fact]
    public void From_ProgressingSessionStoppedEarly_RecordsTheLengthReachedInTheCycleItEndedIn()
    {
        // 4 s, lengthening by 1 s every 2 cycles: cycles of 8, 8, 10, 10, 12 s; stopped 9 s into the fifth (at 45 s).
        var options = new ThreePartBreathOptions { StartSeconds = 4, Progress = true, TargetSeconds = 8, CyclesPerStep = 2 };
        var (summary, timeline) = Run(BreathingTechniques.ThreePartBreath(options), SessionLength.Cycles(20), stopAfter: TimeSpan.FromSeconds(45));

        var record = PracticeRecord.From(summary, timeline, BreathingTechniques.ThreePartBreathId, options, null, EndedAt);

        record.StartSeconds.Should().Be(4);
        record.ReachedInhaleSeconds.Should().Be(6);
        record.CompletedCycles.Should().Be(4);
        record.PlannedCycles.Should().Be(20);
        record.EndedEarly.Should().BeTrue();
        record.ActiveTime.Should().Be(TimeSpan.FromSeconds(45));
        record.Feeling.Should().BeNull();
    }

    [Fact]
    public void From_OceansBreath_RecordsTheLongerExhale()
    {
        var options = new OceansBreathOptions { StartSeconds = 4, ExhaleRatio = 2 };
        var (summary, timeline) = Run(BreathingTechniques.OceansBreath(options), SessionLength.Cycles(2));

        var record = PracticeRecord.From(summary, timeline, BreathingTechniques.OceansBreathId, options, PracticeFeeling.Easy, EndedAt);

        (record.ReachedInhaleSeconds, record.ReachedExhaleSeconds).Should().Be((4, 8));
        record.Options.Should().Be(options);
    }

    [Fact]
    public void From_CustomPattern_RecordsItsNameAndNoTechnique()
    {
        var calm = BreathPattern.Create("calm 4-7-8").Inhale(TimeSpan.FromSeconds(4)).HoldAfterInhale(TimeSpan.FromSeconds(7)).Exhale(TimeSpan.FromSeconds(8)).Build();
        var (summary, timeline) = Run(calm, SessionLength.OpenEnded, stopAfter: TimeSpan.FromSeconds(30));

        var record = PracticeRecord.From(summary, timeline, null, null, PracticeFeeling.Hard, EndedAt);

        record.TechniqueId.Should().BeNull();
        record.Options.Should().BeNull();
        record.PatternName.Should().Be("calm 4-7-8");
        (record.StartSeconds, record.ReachedInhaleSeconds, record.ReachedExhaleSeconds).Should().Be((4, 4, 8));
        record.PlannedCycles.Should().BeNull();
        record.CompletedCycles.Should().Be(1);
    }

    [Fact]
    public void From_AppsOwnOptionsType_KeepsTheSharedSettings()
    {
        var options = new BoxOptions { StartSeconds = 5, HoldShare = 0.5, CyclesPerStep = 4 };
        var (summary, timeline) = Run(Box.CreatePattern(options), SessionLength.Cycles(1));

        var record = PracticeRecord.From(summary, timeline, Box.Id, options, null, EndedAt);

        record.Options!.StartSeconds.Should().Be(5);
        record.Options.CyclesPerStep.Should().Be(4);
        record.Options.Should().NotBeOfType<BoxOptions>("only the shared settings are kept, so the record reads back from JSON as it was");
        PracticeJournalJson.DeserializeRecord(PracticeJournalJson.SerializeRecord(record)).Should().Be(record);
    }

    [Fact]
    public void From_OptionsThatDoNotMatchTheTimeline_ThrowNamingBoth()
    {
        var (summary, timeline) = Run(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(1));

        FluentActions.Invoking(() => PracticeRecord.From(summary, timeline, BreathingTechniques.ThreePartBreathId, new ThreePartBreathOptions { StartSeconds = 6 }, null, EndedAt))
            .Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*StartSeconds = 6*first inhale lasts 4 s*");
    }

    [Fact]
    public void From_NaNSeconds_ThrowNamingTheField()
    {
        var (summary, timeline) = Run(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(1));

        FluentActions.Invoking(() => PracticeRecord.From(summary, timeline, BreathingTechniques.ThreePartBreathId, new ThreePartBreathOptions { StartSeconds = double.NaN }, null, EndedAt))
            .Should().Throw<ArgumentException>().WithMessage("*StartSeconds = NaN*");
    }

    [Fact]
    public void From_AnotherSessionsTimeline_Throws()
    {
        var (summary, _) = Run(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(3));

        FluentActions.Invoking(() => PracticeRecord.From(summary, new BreathTimeline(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(5)), null, null, null, EndedAt))
            .Should().Throw<ArgumentException>().WithParameterName("timeline").WithMessage("*5 cycles*3 cycles*");
    }

    [Fact]
    public void From_OptionsWithoutATechnique_Throws()
    {
        var (summary, timeline) = Run(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(1));

        FluentActions.Invoking(() => PracticeRecord.From(summary, timeline, null, new ThreePartBreathOptions(), null, EndedAt))
            .Should().Throw<ArgumentException>().WithParameterName("options");
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("")]
    public void From_BlankTechniqueId_Throws(string id)
    {
        var (summary, timeline) = Run(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(1));

        FluentActions.Invoking(() => PracticeRecord.From(summary, timeline, id, null, null, EndedAt))
            .Should().Throw<ArgumentException>().WithParameterName("techniqueId");
    }

    [Fact]
    public void From_UndefinedFeeling_ThrowsNamingIt()
    {
        var (summary, timeline) = Run(BreathingTechniques.ThreePartBreath(), SessionLength.Cycles(1));

        FluentActions.Invoking(() => PracticeRecord.From(summary, timeline, null, null, (PracticeFeeling)7, EndedAt))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("felt").WithMessage("*was 7*");
    }

    [Fact]
    public void WithFeeling_SetsTheAnswerAndKeepsTheRest()
    {
        var record = Session(5, null);

        var rated = record.WithFeeling(PracticeFeeling.Dizzy);

        rated.Feeling.Should().Be(PracticeFeeling.Dizzy);
        rated.WithFeeling(null).Should().Be(record);
        record.Feeling.Should().BeNull("records are immutable");
    }

    [Fact]
    public void Equality_NeedsTheSameOffset()
    {
        var record = Session(5, PracticeFeeling.Easy);
        var sameInstantElsewhere = PracticeJournalJson.DeserializeRecord(PracticeJournalJson.SerializeRecord(record).Replace("18:00:00+01:00", "17:00:00+00:00", StringComparison.Ordinal));

        sameInstantElsewhere.EndedAt.Should().Be(record.EndedAt);
        sameInstantElsewhere.Should().NotBe(record, "where it was practised is part of the record");
    }
}
