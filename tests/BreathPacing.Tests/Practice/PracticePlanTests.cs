using BreathPacing.Practice;
using static BreathPacing.Practice.PracticeFeeling;
using static BreathPacing.Tests.Practice.PracticeGen;

namespace BreathPacing.Tests.Practice;

/// <summary>The plan on scripted journals: what a practitioner is told to breathe next, and why.</summary>
public class PracticePlanTests
{
    private static readonly BreathTechnique ThreePart = BreathingTechniques.ThreePart;

    private static PracticeSuggestion Next(params (double Seconds, PracticeFeeling? Felt)[] sessions) =>
        PracticePlan.Default.Next(ThreePart, Script(sessions));

    [Fact]
    public void Next_NoSessions_StartsAtTheArticlesStartingLength()
    {
        var next = PracticePlan.Default.Next(ThreePart, []);

        next.Options.Should().Be(new ThreePartBreathOptions { StartSeconds = 4 });
        next.Reason.Kind.Should().Be(PracticePlanReasonKind.FirstSession);
        next.Reason.FromSeconds.Should().BeNull();
        next.Reason.ToSeconds.Should().Be(4);
    }

    [Fact]
    public void Next_TwoEasyInARow_LengthensByOneSecond()
    {
        var next = Next((5, Easy), (5, Easy));

        next.Options.StartSeconds.Should().Be(6);
        next.Reason.Should().BeEquivalentTo(new { Kind = PracticePlanReasonKind.EasyInARow, FromSeconds = 5.0, ToSeconds = 6.0, Feeling = (PracticeFeeling?)Easy, SessionsInARow = 2, SessionsNeeded = 2 });
    }

    [Fact]
    public void Next_OneEasy_StaysAndSaysHowManyMoreAreNeeded()
    {
        var next = Next((5, Comfortable), (5, Easy));

        next.Options.StartSeconds.Should().Be(5);
        next.Reason.Kind.Should().Be(PracticePlanReasonKind.Easy);
        (next.Reason.SessionsInARow, next.Reason.SessionsNeeded).Should().Be((1, 2));
    }

    [Fact]
    public void Next_EasyAtAnotherLength_DoesNotCountTowardThisOne()
    {
        // Easy at 4 s earned the step to 5 s; the first easy session at 5 s is only one in a row there.
        var next = Next((4, Easy), (4, Easy), (5, Easy));

        next.Options.StartSeconds.Should().Be(5);
        next.Reason.Kind.Should().Be(PracticePlanReasonKind.Easy);
        next.Reason.SessionsInARow.Should().Be(1);
    }

    [Fact]
    public void Next_SessionsWithoutAFeeling_ArePassedOver()
    {
        var next = Next((5, Easy), (5, null), (5, Easy), (5, null));

        next.Options.StartSeconds.Should().Be(6);
        next.Reason.SessionsInARow.Should().Be(2);
    }

    [Fact]
    public void Next_NoFeelingAtThisLength_Stays()
    {
        var next = Next((5, Easy), (5, Easy), (6, null));

        next.Options.StartSeconds.Should().Be(6);
        next.Reason.Kind.Should().Be(PracticePlanReasonKind.NotRated);
    }

    [Fact]
    public void Next_Comfortable_Stays()
    {
        var next = Next((6, Easy), (6, Comfortable));

        next.Options.StartSeconds.Should().Be(6);
        next.Reason.Kind.Should().Be(PracticePlanReasonKind.Comfortable);
    }

    [Fact]
    public void Next_Hard_StepsBackOneSecond()
    {
        var next = Next((6, Easy), (6, Easy), (7, Hard));

        next.Options.StartSeconds.Should().Be(6);
        next.Reason.Should().BeEquivalentTo(new { Kind = PracticePlanReasonKind.HardInARow, FromSeconds = 7.0, ToSeconds = 6.0, SessionsInARow = 1, SessionsNeeded = 1 });
    }

    [Fact]
    public void Next_HardAtTheStart_StaysAtTheStart()
    {
        var next = Next((4, Hard));

        next.Options.StartSeconds.Should().Be(4);
        next.Reason.Kind.Should().Be(PracticePlanReasonKind.HardAtStart);
    }

    [Fact]
    public void Next_Dizzy_GoesBackToTheStartAndSaysSo()
    {
        var next = Next((6, Easy), (6, Easy), (7, Easy), (7, Easy), (8, Dizzy));

        next.Options.StartSeconds.Should().Be(4);
        next.Reason.Should().BeEquivalentTo(new { Kind = PracticePlanReasonKind.Dizzy, FromSeconds = 8.0, ToSeconds = 4.0, Feeling = (PracticeFeeling?)Dizzy });
        next.Reason.TextKey.Should().Be("practice.plan.dizzy");
    }

    [Fact]
    public void Next_DizzyThenUnrated_StillGoesBack()
    {
        var next = Next((8, Dizzy), (8, null));

        next.Options.StartSeconds.Should().Be(4);
        next.Reason.Kind.Should().Be(PracticePlanReasonKind.Dizzy);
    }

    [Fact]
    public void Next_EasyAtTenSeconds_NeverGoesBeyondTheArticlesGoal()
    {
        var next = Next((10, Easy), (10, Easy), (10, Easy));

        next.Options.StartSeconds.Should().Be(10);
        next.Reason.Kind.Should().Be(PracticePlanReasonKind.GoalReached);
    }

    [Fact]
    public void Next_SessionBeyondTheGoal_IsBroughtBackWithinIt()
    {
        // The person chose 14 s themselves; the plan keeps to the article's 10 s.
        var next = Next((14, Comfortable));

        next.Options.StartSeconds.Should().Be(10);
        next.Reason.FromSeconds.Should().Be(10);
    }

    [Fact]
    public void Next_StepThatWouldPassTheGoal_StopsAtIt()
    {
        var plan = new PracticePlan(new PracticePlanOptions { StepSeconds = 1.5 });

        var next = plan.Next(ThreePart, Script((9, Easy), (9, Easy)));

        next.Options.StartSeconds.Should().Be(10);
    }

    [Fact]
    public void Next_IgnoresOtherTechniquesAndCustomPatterns()
    {
        var records = Script((5, Easy), (5, Easy))
            .Append(Session(12, Dizzy, day: 5, techniqueId: BreathingTechniques.OceansBreathId))
            .Append(new PracticeRecord(Monday.AddDays(6), null, "calm", null, 3, 3, 5, null, 4, TimeSpan.FromMinutes(1), true, Hard));

        PracticePlan.Default.Next(ThreePart, records).Options.StartSeconds.Should().Be(6);
    }

    [Fact]
    public void Next_RecordsInAnyOrder_ReadInTheOrderTheyEnded()
    {
        var script = Script((5, Easy), (5, Easy), (6, Hard));

        PracticePlan.Default.Next(ThreePart, script.Reverse()).Should().BeEquivalentTo(PracticePlan.Default.Next(ThreePart, script));
    }

    [Fact]
    public void Next_OceansBreath_KeepsThePersonsExhaleRatioAndAnExhaleLongerThanTheInhale()
    {
        var ocean = BreathingTechniques.Ocean;
        var records = new[]
        {
            Session(5, Easy, 0, BreathingTechniques.OceansBreathId, new OceansBreathOptions { StartSeconds = 5, ExhaleRatio = 2 }),
            Session(5, Easy, 1, BreathingTechniques.OceansBreathId, new OceansBreathOptions { StartSeconds = 5, ExhaleRatio = 2 }),
        };

        var next = PracticePlan.Default.Next(ocean, records);

        next.Options.Should().Be(new OceansBreathOptions { StartSeconds = 6, ExhaleRatio = 2 });
        var pattern = ocean.CreatePattern(next.Options);
        pattern.ExhaleDuration.Should().BeGreaterThan(pattern.InhaleDuration);
        pattern.ExhaleDuration.Should().Be(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void Next_OceansBreath_HasNoArticleGoalSoItsOwnMaximumBoundsIt()
    {
        var ocean = BreathingTechniques.Ocean;
        var records = Enumerable.Range(0, 3).Select(i => Session(20, Easy, i, BreathingTechniques.OceansBreathId)).ToArray();

        var next = PracticePlan.Default.Next(ocean, records);

        PracticePlan.Default.RangeOf(ocean).Should().Be(PracticeRange.Of(4, 20));
        next.Options.StartSeconds.Should().Be(20);
        next.Reason.Kind.Should().Be(PracticePlanReasonKind.GoalReached);
    }

    [Fact]
    public void Next_ProgressionWithinTheSession_KeepsItsTargetWithinTheGoal()
    {
        var progressing = new ThreePartBreathOptions { StartSeconds = 8, Progress = true, TargetSeconds = 12, CyclesPerStep = 2 };
        var records = new[] { Session(8, Easy, 0, options: progressing with { TargetSeconds = 10 }), Session(8, Easy, 1, options: progressing) };

        var next = PracticePlan.Default.Next(ThreePart, records);

        next.Options.Should().Be(progressing with { StartSeconds = 9, TargetSeconds = 10 });
    }

    [Fact]
    public void Next_ProgressionWithNoRoomLeft_IsDropped()
    {
        var progressing = new ThreePartBreathOptions { StartSeconds = 9, Progress = true, TargetSeconds = 10 };
        var records = new[] { Session(9, Easy, 0, options: progressing), Session(9, Easy, 1, options: progressing) };

        var next = PracticePlan.Default.Next(ThreePart, records);

        next.Options.Should().Be(progressing with { StartSeconds = 10, Progress = false });
        ThreePart.CreatePattern(next.Options).Progression.Should().BeNull();
    }

    [Fact]
    public void Next_AppTechniqueRecordedAsSharedSettings_GetsItsOwnOptionsTypeBack()
    {
        var (summary, timeline) = Run(Box.CreatePattern(new BoxOptions { StartSeconds = 5, HoldShare = 0.5 }), SessionLength.Cycles(2));
        var record = PracticeRecord.From(summary, timeline, "box", new BoxOptions { StartSeconds = 5, HoldShare = 0.5 }, Easy, Monday);
        var again = PracticeRecord.From(summary, timeline, "box", new BoxOptions { StartSeconds = 5, HoldShare = 0.5 }, Easy, Monday.AddDays(1));

        var next = PracticePlan.Default.Next(Box, [record, again]);

        next.Options.Should().Be(new BoxOptions { StartSeconds = 6 }, "the journal keeps the shared settings; the app's own return to its defaults");
        Box.CreatePattern(next.Options).Should().NotBeNull();
    }

    [Fact]
    public void Next_CustomRangesAndThresholds_AreFollowed()
    {
        var plan = new PracticePlan(new PracticePlanOptions
        {
            EasySessionsToLengthen = 3,
            HardSessionsToShorten = 2,
            StepSeconds = 0.5,
            Ranges = PracticePlanOptions.Default.Ranges.SetItem(BreathingTechniques.ThreePartBreathId, PracticeRange.Of(5, 8)),
        });

        plan.Next(ThreePart, []).Options.StartSeconds.Should().Be(5);
        plan.Next(ThreePart, Script((5, Easy), (5, Easy))).Reason.Kind.Should().Be(PracticePlanReasonKind.Easy);
        plan.Next(ThreePart, Script((5, Easy), (5, Easy), (5, Easy))).Options.StartSeconds.Should().Be(5.5);
        plan.Next(ThreePart, Script((7, Hard))).Reason.Kind.Should().Be(PracticePlanReasonKind.Hard);
        plan.Next(ThreePart, Script((7, Hard), (7, Hard))).Options.StartSeconds.Should().Be(6.5);
        plan.Next(ThreePart, Script((7, Dizzy))).Options.StartSeconds.Should().Be(5);
    }

    [Fact]
    public void Next_SmallStepsAddUpExactly()
    {
        var plan = new PracticePlan(new PracticePlanOptions { StepSeconds = 0.1, EasySessionsToLengthen = 1 });
        var records = new List<PracticeRecord>();

        for (var day = 0; day < 60; day++)
        {
            var next = plan.Next(ThreePart, records);
            records.Add(Session(next.Options.StartSeconds, Easy, day));
        }

        records.Select(r => r.StartSeconds).Should().Equal(Enumerable.Range(0, 60).Select(i => Math.Min(40 + i, 100) / 10.0));
    }

    [Theory]
    [InlineData(0, 1, 1.0, "EasySessionsToLengthen = 0")]
    [InlineData(21, 1, 1.0, "EasySessionsToLengthen = 21")]
    [InlineData(2, 0, 1.0, "HardSessionsToShorten = 0")]
    [InlineData(2, 1, 0.0, "StepSeconds = 0")]
    [InlineData(2, 1, double.NaN, "StepSeconds = NaN")]
    [InlineData(2, 1, 6.0, "StepSeconds = 6")]
    public void Constructor_BadThresholds_ThrowNamingTheOptionAndValue(int easy, int hard, double step, string named) =>
        FluentActions.Invoking(() => new PracticePlan(new PracticePlanOptions { EasySessionsToLengthen = easy, HardSessionsToShorten = hard, StepSeconds = step }))
            .Should().Throw<ArgumentException>().WithMessage($"*{named}*");

    [Fact]
    public void Next_RangeOutsideTheTechniquesOwn_ThrowsNamingIt()
    {
        var plan = new PracticePlan(new PracticePlanOptions { Ranges = PracticePlanOptions.Default.Ranges.SetItem("box", PracticeRange.Of(4, 15)) });

        FluentActions.Invoking(() => plan.Next(Box, [])).Should().Throw<ArgumentException>().WithMessage("*Ranges['box'] = 4–15 s*2–12 s*");
    }

    [Theory]
    [InlineData(0, 10, "startSeconds = 0")]
    [InlineData(double.NaN, 10, "startSeconds = NaN")]
    [InlineData(6, 5, "goalSeconds = 5")]
    public void Range_BadValues_ThrowNamingThem(double start, double goal, string named) =>
        FluentActions.Invoking(() => PracticeRange.Of(start, goal)).Should().Throw<ArgumentOutOfRangeException>().WithMessage($"*{named}*");

    [Fact]
    public void Next_NullRecord_ThrowsNamingItsIndex() =>
        FluentActions.Invoking(() => PracticePlan.Default.Next(ThreePart, [Session(5, Easy), null!]))
            .Should().Throw<ArgumentException>().WithMessage("*records[1] = null*");
}
