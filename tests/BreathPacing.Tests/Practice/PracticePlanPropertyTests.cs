using BreathPacing.Practice;
using CsCheck;
using static BreathPacing.Tests.Practice.PracticeGen;

namespace BreathPacing.Tests.Practice;

/// <summary>What the plan promises for every journal, checked on random ones.</summary>
public class PracticePlanPropertyTests
{
    private const double Tick = 1e-7;

    private static readonly BreathTechnique[] Techniques = [BreathingTechniques.ThreePart, BreathingTechniques.Ocean, Box];

    private static readonly Gen<PracticePlanOptions> PlanOptions =
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 3], Gen.OneOf(Gen.Const(1.0), Gen.Const(0.5), Gen.Double[0.05, 5]))
            .Select((easy, hard, step) => new PracticePlanOptions { EasySessionsToLengthen = easy, HardSessionsToShorten = hard, StepSeconds = step });

    /// <summary>A journal of one technique's sessions at lengths near the plan's (and, now and then, a person's own choice).</summary>
    private static Gen<PracticeRecord[]> JournalOf(BreathTechnique technique) =>
        Gen.Select(Gen.Frequency((5, Gen.Int[4, 12].Select(s => (double)s)), (1, Seconds)), Feeling, Gen.Int[0, 3])
            .Select((seconds, felt, gap) => (Seconds: Math.Clamp(seconds, technique.MinimumSeconds, technique.MaximumSeconds), Felt: felt, Gap: gap))
            .Array[0, 25]
            .Select(sessions =>
            {
                var day = 0;
                return sessions.Select(s =>
                {
                    day += s.Gap; // a gap of 0: two sessions on one day
                    var options = SharedTechniqueOptions.OnTo(technique, technique.DefaultOptions with { StartSeconds = s.Seconds });
                    return Session(s.Seconds, s.Felt, day, technique.Id, options);
                }).ToArray();
            });

    private static readonly Gen<(BreathTechnique Technique, PracticePlanOptions Options, PracticeRecord[] Records)> Case =
        Gen.Select(Gen.Int[0, Techniques.Length - 1], PlanOptions)
            .SelectMany((t, options) => JournalOf(Techniques[t]).Select(records => (Techniques[t], options, records)));

    [Fact]
    public void Next_NeverLeavesTheRange() =>
        Case.Sample(c =>
        {
            var plan = new PracticePlan(c.Options);
            var range = plan.RangeOf(c.Technique);
            var next = plan.Next(c.Technique, c.Records);

            next.Options.StartSeconds.Should().BeInRange(range.StartSeconds, range.GoalSeconds);
            if (next.Options.Progress)
            {
                next.Options.TargetSeconds.Should().BeLessThanOrEqualTo(range.GoalSeconds);
            }
        }, iter: 2000);

    [Fact]
    public void Next_NeverSkipsAStep() =>
        Case.Sample(c =>
        {
            var next = new PracticePlan(c.Options).Next(c.Technique, c.Records);
            var reason = next.Reason;
            if (reason.FromSeconds is { } from && reason.Kind != PracticePlanReasonKind.Dizzy)
            {
                Math.Abs(reason.ToSeconds - from).Should().BeLessThanOrEqualTo(c.Options.StepSeconds + Tick, reason.ToString());
            }

            next.Options.StartSeconds.Should().Be(reason.ToSeconds);
        }, iter: 2000);

    [Fact]
    public void Next_AfterADizzySession_NeverLengthens() =>
        Case.Select(Gen.Int[0, 1]).Sample((c, unrated) =>
        {
            // The latest session felt dizzy (perhaps followed by one the person did not rate at the same length).
            var records = c.Records.ToList();
            var last = records.Count == 0 ? 6 : records[^1].StartSeconds;
            var day = records.Count == 0 ? 0 : (int)(records.Max(r => r.EndedAt) - Monday).TotalDays + 1;
            records.Add(Session(last, PracticeFeeling.Dizzy, day, c.Technique.Id, SharedTechniqueOptions.OnTo(c.Technique, c.Technique.DefaultOptions with { StartSeconds = last })));
            if (unrated == 1)
            {
                records.Add(Session(last, null, day + 1, c.Technique.Id, SharedTechniqueOptions.OnTo(c.Technique, c.Technique.DefaultOptions with { StartSeconds = last })));
            }

            var plan = new PracticePlan(c.Options);
            var next = plan.Next(c.Technique, records);

            next.Reason.Kind.Should().Be(PracticePlanReasonKind.Dizzy);
            next.Options.StartSeconds.Should().BeLessThanOrEqualTo(next.Reason.FromSeconds!.Value);
            next.Options.StartSeconds.Should().Be(plan.RangeOf(c.Technique).StartSeconds);
        }, iter: 1000);

    [Fact]
    public void Next_OnlyEasyLengthensAndOnlyHardOrDizzyShortens() =>
        Case.Sample(c =>
        {
            var reason = new PracticePlan(c.Options).Next(c.Technique, c.Records).Reason;
            if (reason.FromSeconds is not { } from)
            {
                return;
            }

            if (reason.ToSeconds > from)
            {
                reason.Feeling.Should().Be(PracticeFeeling.Easy);
                reason.SessionsInARow.Should().BeGreaterThanOrEqualTo(c.Options.EasySessionsToLengthen);
            }
            else if (reason.ToSeconds < from)
            {
                reason.Feeling.Should().BeOneOf(PracticeFeeling.Hard, PracticeFeeling.Dizzy);
            }
        }, iter: 2000);

    [Fact]
    public void Next_OptionsAlwaysMakeAValidPatternOfTheTechnique() =>
        Case.Sample(c =>
        {
            var next = new PracticePlan(c.Options).Next(c.Technique, c.Records);

            next.Options.GetType().Should().Be(c.Technique.OptionsType);
            var pattern = c.Technique.CreatePattern(next.Options);
            if (c.Technique == BreathingTechniques.Ocean)
            {
                pattern.ExhaleDuration.Should().BeGreaterThan(pattern.InhaleDuration);
            }
        }, iter: 1000);

    [Fact]
    public void Next_IsDeterministicAndIndependentOfTheOrderGiven() =>
        Case.Select(Gen.Int).Sample((c, seed) =>
        {
            // Records on distinct instants: the order given must not matter.
            var distinct = c.Records.Select((r, i) => Session(r.StartSeconds, r.Feeling, i, r.TechniqueId!, r.Options)).ToArray();
            var shuffled = distinct.OrderBy(_ => new Random(seed).Next()).ToArray();
            var plan = new PracticePlan(c.Options);

            var first = plan.Next(c.Technique, distinct);
            var again = plan.Next(c.Technique, distinct);
            var fromShuffled = plan.Next(c.Technique, shuffled);

            again.Options.Should().Be(first.Options);
            again.Reason.Should().Be(first.Reason);
            fromShuffled.Options.Should().Be(first.Options);
            fromShuffled.Reason.Should().Be(first.Reason);
        }, iter: 1000);

    [Fact]
    public void FollowingThePlanWithEasySessions_ClimbsStepByStepToTheGoalAndStays() =>
        Gen.Select(Gen.Int[0, Techniques.Length - 1], Gen.Int[1, 4], Gen.Double[0.5, 5]).Sample((t, easy, step) =>
        {
            var technique = Techniques[t];
            var plan = new PracticePlan(new PracticePlanOptions { EasySessionsToLengthen = easy, StepSeconds = step });
            var range = plan.RangeOf(technique);
            // Steps are whole ticks (100 ns): a step of 8/7 s takes eight steps, the last a hair long, to climb 8 s.
            var stepTicks = (long)Math.Round(step * TimeSpan.TicksPerSecond);
            var climb = (long)Math.Round((range.GoalSeconds - range.StartSeconds) * TimeSpan.TicksPerSecond);
            var days = (int)((climb + stepTicks - 1) / stepTicks * easy) + 3;
            var records = new List<PracticeRecord>();
            var levels = new List<double>();
            for (var day = 0; day < days; day++)
            {
                var next = plan.Next(technique, records);
                levels.Add(next.Options.StartSeconds);
                records.Add(Session(next.Options.StartSeconds, PracticeFeeling.Easy, day, technique.Id, next.Options));
            }

            levels[0].Should().Be(range.StartSeconds);
            levels.TakeLast(3).Should().AllBeEquivalentTo(range.GoalSeconds);
            levels.Zip(levels.Skip(1), (a, b) => b - a).Should().OnlyContain(d => d >= 0 && d <= step + Tick);
        }, iter: 200);
}
