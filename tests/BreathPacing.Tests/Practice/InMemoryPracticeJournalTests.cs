using BreathPacing.Practice;
using CsCheck;
using static BreathPacing.Tests.Practice.PracticeGen;

namespace BreathPacing.Tests.Practice;

public class InMemoryPracticeJournalTests
{
    private static InMemoryPracticeJournal CreateSut() => new();

    [Fact]
    public async Task QueryAsync_ReturnsRecordsInTheOrderTheyEnded_AsInstants()
    {
        var journal = CreateSut();
        var later = Session(5, PracticeFeeling.Easy, day: 2);
        var earlier = Session(4, PracticeFeeling.Hard, day: 1);
        // The same instant as `earlier`'s day 1 18:00+01:00, written in another offset, appended after it.
        var sameInstant = new PracticeRecord(earlier.EndedAt.ToOffset(TimeSpan.FromHours(-5)), null, "calm", null, 3, 3, 3, null, 1, TimeSpan.FromSeconds(6), true, null);

        await journal.AppendAsync(later);
        await journal.AppendAsync(earlier);
        await journal.AppendAsync(sameInstant);

        (await journal.QueryAsync(PracticeQuery.All)).Should().Equal(earlier, sameInstant, later);
    }

    [Fact]
    public async Task QueryAsync_ByRangeAndTechnique_FromIsInclusiveToIsExclusive()
    {
        var journal = CreateSut();
        var records = Enumerable.Range(0, 6).Select(day => Session(4, null, day, day % 2 == 0 ? BreathingTechniques.ThreePartBreathId : BreathingTechniques.OceansBreathId)).ToArray();
        await journal.AppendRangeAsync(records);

        (await journal.QueryAsync(PracticeQuery.Between(Monday.AddDays(1), Monday.AddDays(4)))).Should().Equal(records[1], records[2], records[3]);
        (await journal.QueryAsync(PracticeQuery.ForTechnique(BreathingTechniques.OceansBreathId))).Should().Equal(records[1], records[3], records[5]);
        (await journal.QueryAsync(PracticeQuery.ForTechnique(BreathingTechniques.ThreePartBreathId) with { From = Monday.AddDays(2).ToOffset(TimeSpan.Zero) }))
            .Should().Equal(records[2], records[4]);
        (await journal.QueryAsync(PracticeQuery.Between(Monday.AddDays(4), Monday.AddDays(1)))).Should().BeEmpty();
    }

    [Fact]
    public async Task AppendAsync_TheSameSessionTwice_KeepsItOnce()
    {
        var journal = CreateSut();
        var record = Session(5, PracticeFeeling.Easy);

        (await journal.AppendAsync(record)).Should().BeTrue();
        (await journal.AppendAsync(PracticeJournalJson.DeserializeRecord(PracticeJournalJson.SerializeRecord(record)))).Should().BeFalse();
        (await journal.AppendRangeAsync([record, Session(6, null, 1), Session(6, null, 1)])).Should().Be(1);

        journal.Count.Should().Be(2);
    }

    [Fact]
    public async Task AppendRangeAsync_WithANullRecord_AddsNothing()
    {
        var journal = CreateSut();
        await journal.AppendAsync(Session(4, null));

        await FluentActions.Awaiting(async () => await journal.AppendRangeAsync([Session(5, null, 1), null!, Session(6, null, 2)]))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*records[1] = null*nothing was added*");

        (await journal.QueryAsync(PracticeQuery.All)).Should().ContainSingle();
    }

    [Fact]
    public async Task DeleteAllAsync_EmptiesTheJournalAndSaysHowMany()
    {
        var journal = CreateSut();
        await journal.AppendRangeAsync(Script((4, null), (5, null), (6, null)));

        (await journal.DeleteAllAsync()).Should().Be(3);

        (await journal.QueryAsync(PracticeQuery.All)).Should().BeEmpty();
        (await journal.AppendAsync(Session(4, null))).Should().BeTrue("a deleted record may be added again");
    }

    [Fact]
    public async Task QueryAsync_ReturnsASnapshot()
    {
        var journal = CreateSut();
        await journal.AppendAsync(Session(4, null));
        var snapshot = await journal.QueryAsync(PracticeQuery.All);

        await journal.AppendAsync(Session(5, null, 1));
        await journal.DeleteAllAsync();

        snapshot.Should().ContainSingle();
    }

    [Fact]
    public async Task Calls_CancelledBeforehand_ChangeNothing()
    {
        var journal = CreateSut();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await FluentActions.Awaiting(async () => await journal.AppendAsync(Session(4, null), cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(async () => await journal.AppendRangeAsync([Session(4, null)], cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();

        journal.Count.Should().Be(0);
    }

    [Fact]
    public void Query_BlankTechniqueId_IsRefused() =>
        FluentActions.Invoking(() => PracticeQuery.All with { TechniqueId = " " }).Should().Throw<ArgumentException>().WithMessage("*TechniqueId*");

    [Fact]
    public async Task ConcurrentAppendsAndQueries_LoseNothingAndSeeWholeBatches()
    {
        var journal = CreateSut();
        var batches = Enumerable.Range(0, 40)
            .Select(b => Enumerable.Range(0, 25).Select(i => Session(4 + (i % 5), null, (i * 40) + b)).ToArray())
            .ToArray();
        var torn = 0;

        var writers = batches.Select(batch => Task.Run(async () => await journal.AppendRangeAsync(batch)));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                var seen = await journal.QueryAsync(PracticeQuery.All);
                if (seen.Count % 25 != 0 || !seen.Select(r => r.EndedAt.UtcTicks).SequenceEqual(seen.Select(r => r.EndedAt.UtcTicks).Order()))
                {
                    Interlocked.Increment(ref torn);
                }
            }
        }));
        await Task.WhenAll(writers.Concat(readers));

        torn.Should().Be(0, "a reader sees every batch whole or not at all, in order");
        (await journal.QueryAsync(PracticeQuery.All)).Should().HaveCount(1000).And.BeInAscendingOrder(r => r.EndedAt.UtcTicks);
    }

    [Fact]
    public void AppendedInAnyOrder_QueriedInEndTimeOrder() =>
        Journal.Sample(records =>
        {
            var journal = CreateSut();
            foreach (var record in records)
            {
                journal.AppendAsync(record).AsTask().GetAwaiter().GetResult();
            }

            var all = journal.QueryAsync(PracticeQuery.All).AsTask().GetAwaiter().GetResult();
            all.Should().Equal(records.Distinct().OrderBy(r => r.EndedAt.UtcTicks));
        }, iter: 300);
}
