using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Qianglian.Web.Shared.Excel;

/// <summary>
/// Reads the first sheet of an .xlsx as rows of header → text, streaming (the Open XML SDK's forward-only reader).
/// Checks the header row against the expected Chinese headers first, so a renamed or missing column is refused before
/// any row is read. The sheet is parsed once: imports read a hundred thousand rows, and a reader that first scans
/// the whole sheet for its extent (as MiniExcel's does) parses it three times.
/// Before parsing, the package's entries are weighed (their decompressed sizes, from the zip's directory) against
/// <see cref="ImportLimits"/>, and rows are counted as they stream: a file past either limit is refused (400 naming
/// the file) before it is read whole.
/// </summary>
public static class SheetReader
{
    public const long MaxBytes = 50 * 1024 * 1024;

    public sealed record Sheet(IReadOnlyList<ImportError> HeaderErrors, IEnumerable<(int Row, IReadOnlyDictionary<string, string> Cells)> Rows);

    public static Sheet Open(Stream stream, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        var limits = ImportLimits.Current;
        RefuseOversized(stream, limits);
        Workbook workbook;
        IReadOnlyList<string> headers;
        try
        {
            using var document = SpreadsheetDocument.Open(stream, false);
            workbook = Workbook.Read(document, limits.MaxRows);
            using var rows = workbook.Rows(document).GetEnumerator();
            headers = rows.MoveNext() ? rows.Current.Cells.Select(h => h.Trim()).ToList() : [];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException
                                      or ArgumentException or FormatException or OpenXmlPackageException or NotSupportedException)
        {
            return new Sheet([new ImportError(0, "", "文件不是有效的 .xlsx 工作簿 (not a valid .xlsx workbook)")], []);
        }
        var errors = new List<ImportError>();
        foreach (var missing in required.Where(r => !headers.Contains(r)))
            errors.Add(new ImportError(1, missing, $"缺少列“{missing}”，请使用下载的模板 (column missing: use the template)"));
        foreach (var unknown in headers.Where(h => h.Length > 0 && !required.Contains(h) && !optional.Contains(h)))
            errors.Add(new ImportError(1, unknown, $"未知的列“{unknown}”，表头须与模板一致 (unknown column: headers must match the template)"));
        if (errors.Count > 0) return new Sheet(errors, []);
        return new Sheet([], DataRows(stream, workbook, headers));
    }

    /// <summary>
    /// Refuses a package whose entries decompress to more than the limit — a zip bomb (a sheet of repeated bytes
    /// compresses a thousandfold) is stopped by its directory, before any of it is inflated. Not a zip at all: left to the
    /// reader, which reports it as no workbook.
    /// </summary>
    private static void RefuseOversized(Stream stream, ImportLimits limits)
    {
        stream.Position = 0;
        long total = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > limits.MaxUncompressedBytes)
                    throw new Api.ValidationException("file",
                        $"工作簿解压后超过{limits.MaxUncompressedBytes / 1024 / 1024}MB，已拒收；请拆分后分批导入 (the workbook decompresses past the import limit)");
            }
        }
        catch (InvalidDataException)
        {
            // Not a zip: SpreadsheetDocument says so below.
        }
        finally
        {
            stream.Position = 0;
        }
    }

    private static Api.ValidationException TooManyRows(int limit) =>
        new("file", $"工作表超过{limit:N0}行，已拒收；请拆分后分批导入 (the sheet has more rows than the import limit)");

    private static IEnumerable<(int, IReadOnlyDictionary<string, string>)> DataRows(Stream stream, Workbook workbook, IReadOnlyList<string> headers)
    {
        // The first header of a name wins, as a dictionary keyed by header would have it.
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < headers.Count; i++)
            if (headers[i].Length > 0) columns.TryAdd(headers[i], i);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        foreach (var (number, cells) in workbook.Rows(document).Skip(1))
        {
            if (cells.All(c => c.Length == 0)) continue; // blank lines at the end of a sheet
            yield return (number, new Cells(cells, columns));
        }
    }

    /// <summary>A row's cells by header, as text.</summary>
    private sealed class Cells(string[] cells, Dictionary<string, int> columns) : IReadOnlyDictionary<string, string>
    {
        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value)
        {
            value = columns.TryGetValue(key, out var i) ? (i < cells.Length ? cells[i] : "") : null;
            return value is not null;
        }

        public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => columns.Keys;
        public IEnumerable<string> Values => Keys.Select(k => this[k]);
        public int Count => columns.Count;
        public bool ContainsKey(string key) => columns.ContainsKey(key);
        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Keys.Select(k => new KeyValuePair<string, string>(k, this[k])).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>What reading cells needs from the workbook besides the sheet: its shared strings, and which styles show dates.</summary>
    private sealed class Workbook(string[] sharedStrings, bool[] dateStyles, int maxRows)
    {
        public static Workbook Read(SpreadsheetDocument document, int maxRows)
        {
            var part = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
            var strings = new List<string>();
            if (part.SharedStringTablePart is { } sharedStrings)
            {
                using var reader = OpenXmlReader.Create(sharedStrings);
                while (reader.Read())
                    if (reader.ElementType == typeof(X.SharedStringItem) && reader.IsStartElement)
                        strings.Add(RichText(reader, typeof(X.SharedStringItem)));
            }
            return new Workbook([.. strings], DateStyles(part.WorkbookStylesPart?.Stylesheet), maxRows);
        }

        /// <summary>
        /// The text of a shared or inline string, the reader on its start: rich text keeps its runs' text; phonetic
        /// guides (rPh) are not part of the value.
        /// </summary>
        private static string RichText(OpenXmlReader reader, Type container)
        {
            var text = new System.Text.StringBuilder();
            var phonetic = false;
            while (reader.Read() && !(reader.ElementType == container && reader.IsEndElement))
            {
                if (reader.ElementType == typeof(X.PhoneticRun)) phonetic = reader.IsStartElement;
                else if (reader.ElementType == typeof(X.Text) && reader.IsStartElement && !phonetic) text.Append(reader.GetText());
            }
            return text.ToString();
        }

        /// <summary>
        /// Per cell format: whether numbers in it are dates. Built-in date and time formats by id (ECMA-376 18.8.30, with
        /// the East Asian ones), custom formats by a date or time letter outside quoted text and brackets.
        /// </summary>
        private static bool[] DateStyles(X.Stylesheet? styles)
        {
            if (styles?.CellFormats is not { } formats) return [];
            var custom = styles.NumberingFormats?.Elements<X.NumberingFormat>()
                .Where(f => f.NumberFormatId?.Value is not null)
                .ToDictionary(f => f.NumberFormatId!.Value, f => IsDateFormat(f.FormatCode?.Value ?? "")) ?? [];
            return formats.Elements<X.CellFormat>().Select(f => f.NumberFormatId?.Value is { } id
                && (custom.TryGetValue(id, out var isDate) ? isDate : id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58)).ToArray();
        }

        private static bool IsDateFormat(string code)
        {
            var quoted = false;
            var bracket = false;
            for (var i = 0; i < code.Length; i++)
            {
                var c = code[i];
                if (c == '\\') { i++; continue; }
                if (c == '"') quoted = !quoted;
                else if (!quoted && c == '[') bracket = true;
                else if (!quoted && c == ']') bracket = false;
                else if (!quoted && !bracket && "yYmMdDhHsS".Contains(c)) return true;
            }
            return false;
        }

        /// <summary>The sheet's rows in order, each with its 1-based number and its cells' text by column.</summary>
        public IEnumerable<(int Number, string[] Cells)> Rows(SpreadsheetDocument document)
        {
            var part = document.WorkbookPart!;
            var first = part.Workbook.Sheets?.Elements<X.Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
            using var reader = OpenXmlReader.Create((WorksheetPart)part.GetPartById(first.Id!.Value!));
            var number = 0;
            var seen = 0;
            var cells = new List<string>();
            var inRow = false;
            PendingCell? cell = null;
            while (reader.Read())
            {
                var element = reader.ElementType;
                if (element == typeof(X.Row))
                {
                    if (reader.IsStartElement)
                    {
                        if (++seen > maxRows) throw TooManyRows(maxRows); // counted as they stream: stop at the limit, not at the end
                        if (inRow) yield return (number, [.. cells]); // a row closed without an end event
                        number = RowNumber(reader) ?? number + 1;
                        cells.Clear();
                        inRow = true;
                    }
                    else if (inRow)
                    {
                        Store(cells, ref cell);
                        inRow = false;
                        yield return (number, [.. cells]);
                    }
                }
                else if (element == typeof(X.Cell))
                {
                    Store(cells, ref cell);
                    if (reader.IsStartElement) cell = CellOf(reader, cells.Count);
                }
                else if (cell is not null && reader.IsStartElement)
                {
                    if (element == typeof(X.CellValue)) cell.Raw = reader.GetText();
                    else if (element == typeof(X.InlineString)) cell.Raw = RichText(reader, typeof(X.InlineString));
                }
            }
            if (inRow)
            {
                Store(cells, ref cell);
                yield return (number, [.. cells]);
            }
        }

        private sealed class PendingCell(int column, string? type, int style)
        {
            public int Column { get; } = column;
            public string? Type { get; } = type;
            public int Style { get; } = style;
            public string? Raw { get; set; }
        }

        private static int? RowNumber(OpenXmlReader reader) =>
            reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value is { } r && int.TryParse(r, CultureInfo.InvariantCulture, out var n) ? n : null;

        private static PendingCell CellOf(OpenXmlReader reader, int next)
        {
            string? reference = null, type = null;
            var style = 0;
            foreach (var attribute in reader.Attributes)
            {
                switch (attribute.LocalName)
                {
                    case "r": reference = attribute.Value; break;
                    case "t": type = attribute.Value; break;
                    case "s": style = int.TryParse(attribute.Value, CultureInfo.InvariantCulture, out var s) ? s : 0; break;
                }
            }
            return new PendingCell(reference is null ? next : ColumnIndex(reference), type, style);
        }

        /// <summary>Puts the cell read so far into its column (skipped columns are empty text).</summary>
        private void Store(List<string> cells, ref PendingCell? cell)
        {
            if (cell is null) return;
            while (cells.Count < cell.Column) cells.Add("");
            var text = Value(cell.Raw, cell.Type, cell.Style);
            if (cells.Count == cell.Column) cells.Add(text);
            else cells[cell.Column] = text;
            cell = null;
        }

        private string Value(string? raw, string? type, int style)
        {
            if (raw is null) return "";
            switch (type)
            {
                case "s": return int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < sharedStrings.Length ? sharedStrings[i].Trim() : "";
                case "b": return raw == "1" ? bool.TrueString : bool.FalseString;
                case "d": return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : raw.Trim();
                case null or "n" when style < dateStyles.Length && dateStyles[style]
                                        && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > -657435 and < 2958466:
                    return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                default: return raw.Trim(); // numbers as stored (invariant), inline and formula strings, errors
            }
        }

        /// <summary>"AB12" → 27 (0-based).</summary>
        private static int ColumnIndex(string reference)
        {
            var index = 0;
            foreach (var c in reference)
            {
                if (c is < 'A' or > 'Z') break;
                index = index * 26 + (c - 'A' + 1);
            }
            return Math.Max(index - 1, 0);
        }
    }
}
