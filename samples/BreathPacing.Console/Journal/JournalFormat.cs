namespace BreathPacing.ConsoleHost.Journal;

/// <summary>The formats <c>--export</c> writes: the library's JSON document (which <c>--import</c> reads back) or CSV.</summary>
internal enum JournalFormat
{
    /// <summary><see cref="Practice.PracticeJournalJson"/>: versioned JSON, read back by <c>--import</c>.</summary>
    Json,

    /// <summary><see cref="Practice.PracticeJournalCsv"/>: one row per session, for a spreadsheet.</summary>
    Csv,
}
