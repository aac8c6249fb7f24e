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
public sealed record ImportReport(int Rows, int Inserted, int Updated, bool Applied, IReadOnlyList<ImportError> Errors)
{
    public static ImportReport Refused(IReadOnlyList<ImportError> errors, int rows = 0) => new(rows, 0, 0, false, errors);
}

/// <summary>Progress of a long import, for the UI's bar and the console.</summary>
public sealed record ImportProgress(string Stage, int Done, int Total);
