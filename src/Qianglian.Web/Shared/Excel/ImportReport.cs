namespace Qianglian.Web.Shared.Excel;

/// <summary>One problem of an import: the spreadsheet row (as Excel numbers it, header = 1), the column and why.</summary>
public sealed record ImportError(int Row, string Column, string Message);

public enum ImportMode
{
    /// <summary>The default: a file with any bad row changes nothing.</summary>
    AllOrNothing,
    /// <summary>Import the good rows, report the bad ones.</summary>
    GoodRowsOnly,
}

/// <param name="Applied">Whether anything was written (false when the file was refused whole).</param>
/// <param name="Errors">Every problem found; the report keeps the first <see cref="MaxErrorsListed"/> and their count.</param>
public sealed record ImportReport(int Rows, int Inserted, int Updated, bool Applied, IReadOnlyList<ImportError> Errors)
{
    /// <summary>
    /// A report lists at most the first 1,000 errors (issue 15 item 8: a bad file of a million rows answered 643 MB of
    /// JSON): enough to see what is wrong with a file; <see cref="ErrorCount"/> says how many there were in all.
    /// </summary>
    public const int MaxErrorsListed = 1000;

    public IReadOnlyList<ImportError> Errors { get; init; } = Errors.Count > MaxErrorsListed ? [.. Errors.Take(MaxErrorsListed)] : Errors;

    /// <summary>How many errors the file had, listed or not.</summary>
    public int ErrorCount { get; init; } = Errors.Count;

    public static ImportReport Refused(IReadOnlyList<ImportError> errors, int rows = 0) => new(rows, 0, 0, false, errors);
}

/// <summary>Progress of a long import, for the UI's bar and the console.</summary>
public sealed record ImportProgress(string Stage, int Done, int Total);
