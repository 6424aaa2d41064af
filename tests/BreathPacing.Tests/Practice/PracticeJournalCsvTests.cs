using System.Globalization;
using BreathPacing.Practice;
using CsCheck;
using Microsoft.VisualBasic.FileIO;
using static BreathPacing.Tests.Practice.PracticeGen;

namespace BreathPacing.Tests.Practice;

/// <summary>The CSV export, read back with a real CSV reader (the framework's TextFieldParser).</summary>
public class PracticeJournalCsvTests
{
    [Fact]
    public void Write_NoRecords_WritesTheHeaderRow() =>
        PracticeJournalCsv.Write([]).Should().Be(string.Join(",", PracticeJournalCsv.Columns) + "\r\n");

    [Fact]
    public void Write_OneRecord_WritesTheRowASpreadsheetShows()
    {
        var record = Session(5, PracticeFeeling.Easy, 0, BreathingTechniques.OceansBreathId, new OceansBreathOptions { StartSeconds = 5, ExhaleRatio = 1.5 });

        var rows = Read(PracticeJournalCsv.Write([record]));

        rows[0].Should().Equal(PracticeJournalCsv.Columns);
        rows[1].Should().Equal(
            "2026-03-02T18:00:00+01:00", "oceans-breath", "Pattern", "oceansBreath", "5", "5", "7.5",
            "10", "10", "125", "false", "easy",
            "false", "10", "1", "3", "1.5");
    }

    [Fact]
    public void Write_TextThatASpreadsheetWouldRunAsAFormula_IsWrittenAsText()
    {
        var record = new PracticeRecord(Monday, null, "=HYPERLINK(\"http://x\",\"a, b\")", null, 4, 4, 4, null, 1, TimeSpan.FromSeconds(8), true, null);

        var csv = PracticeJournalCsv.Write([record]);

        Read(csv)[1][2].Should().Be("'=HYPERLINK(\"http://x\",\"a, b\")");
    }

    [Fact]
    public void RandomJournals_RoundTripThroughACsvReader() =>
        Journal.Sample(records =>
        {
            var rows = Read(PracticeJournalCsv.Write(records));

            rows.Should().HaveCount(records.Length + 1);
            rows.Skip(1).Select(FromRow).Should().Equal(records);
        }, iter: 300);

    [Fact]
    public void Write_ToAWriter_WritesTheSameText()
    {
        var records = Script((4, PracticeFeeling.Easy), (5, null));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        PracticeJournalCsv.Write(writer, records);

        writer.ToString().Should().Be(PracticeJournalCsv.Write(records));
    }

    [Fact]
    public void Write_NullRecord_WritesNothing()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        FluentActions.Invoking(() => PracticeJournalCsv.Write(writer, [Session(4, null), null!])).Should().Throw<ArgumentException>().WithMessage("*records[1]*");

        writer.ToString().Should().BeEmpty();
    }

    private static List<string[]> Read(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    /// <summary>Rebuilds a record from a row, as a spreadsheet user's own tooling would.</summary>
    private static PracticeRecord FromRow(string[] row)
    {
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        static string? Text(string s) => s.Length == 0 ? null : s.StartsWith('\'') ? s[1..] : s;
        BreathTechniqueOptions? options = row[3] switch
        {
            "" => null,
            "threePartBreath" => new ThreePartBreathOptions(),
            "oceansBreath" => new OceansBreathOptions { ExhaleRatio = D(row[16]) },
            _ => new SharedTechniqueOptions(),
        };
        options = options is null ? null : options with
        {
            StartSeconds = D(row[4]),
            Progress = bool.Parse(row[12]),
            TargetSeconds = D(row[13]),
            StepSeconds = D(row[14]),
            CyclesPerStep = int.Parse(row[15], CultureInfo.InvariantCulture),
        };
        return new PracticeRecord(
            DateTimeOffset.Parse(row[0], CultureInfo.InvariantCulture),
            Text(row[1]),
            Text(row[2])!,
            options,
            D(row[4]),
            D(row[5]),
            D(row[6]),
            row[7].Length == 0 ? null : int.Parse(row[7], CultureInfo.InvariantCulture),
            int.Parse(row[8], CultureInfo.InvariantCulture),
            TimeSpan.FromTicks((long)(decimal.Parse(row[9], CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond)),
            bool.Parse(row[10]),
            row[11] switch { "" => null, "easy" => PracticeFeeling.Easy, "comfortable" => PracticeFeeling.Comfortable, "hard" => PracticeFeeling.Hard, _ => PracticeFeeling.Dizzy });
    }
}
