using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Tests.Infrastructure;

/// <summary>The one-pass sheet reader every import uses: cells as text, however the workbook stores them.</summary>
public class SheetReaderTests
{
    private static List<(int Row, Dictionary<string, string> Cells)> Read(byte[] file, params string[] headers)
    {
        var sheet = SheetReader.Open(new MemoryStream(file), headers, []);
        Assert.Empty(sheet.HeaderErrors);
        return sheet.Rows.Select(r => (r.Row, r.Cells.ToDictionary(c => c.Key, c => c.Value))).ToList();
    }

    [Fact]
    public void Values_written_by_MiniExcel_read_as_the_import_expects()
    {
        var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["名称"] = "  甲公司 ", ["金额"] = 12345.5m, ["日期"] = new DateTime(2026, 3, 1), ["是否"] = true, ["整数"] = 2000 },
            new Dictionary<string, object?> { ["名称"] = null, ["金额"] = null, ["日期"] = null, ["是否"] = null, ["整数"] = null },
            new Dictionary<string, object?> { ["名称"] = "乙", ["金额"] = null, ["日期"] = null, ["是否"] = false, ["整数"] = -7 },
        });
        var rows = Read(stream.ToArray(), "名称", "金额", "日期", "是否", "整数");

        Assert.Equal([2, 4], rows.Select(r => r.Row)); // the blank row is skipped, numbering is the sheet's
        Assert.Equal(new Dictionary<string, string> { ["名称"] = "甲公司", ["金额"] = "12345.5", ["日期"] = "2026-03-01", ["是否"] = "True", ["整数"] = "2000" }, rows[0].Cells);
        Assert.Equal(new Dictionary<string, string> { ["名称"] = "乙", ["金额"] = "", ["日期"] = "", ["是否"] = "False", ["整数"] = "-7" }, rows[1].Cells);
    }

    [Fact]
    public void Shared_rich_and_inline_strings_date_formats_and_missing_cells()
    {
        var rows = Read(Handmade(), "代码", "名称", "开工日期", "金额");

        var row = Assert.Single(rows);
        Assert.Equal(7, row.Row);
        Assert.Equal("91510403MA6XXXXXX1", row.Cells["代码"]); // inline string, cell without a reference
        Assert.Equal("攀枝花钒钛", row.Cells["名称"]); // rich text runs joined, phonetic guide left out
        Assert.Equal("2025-12-31", row.Cells["开工日期"]); // custom date format 2025"年"m"月"d"日"
        Assert.Equal("1.5E+20", row.Cells["金额"]); // a number in a non-date format, as stored
    }

    [Fact]
    public void A_workbook_that_is_not_a_zip_is_refused_with_a_clear_error()
    {
        var sheet = SheetReader.Open(new MemoryStream("这不是工作簿"u8.ToArray()), ["代码"], []);
        Assert.Contains("不是有效的 .xlsx", Assert.Single(sheet.HeaderErrors).Message);
    }

    /// <summary>A workbook as other spreadsheet programs write it: header in shared strings, a data row far below.</summary>
    private static byte[] Handmade()
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = "rIdSheet", SheetId = 1, Name = "数据" }));
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("代码")), new SharedStringItem(new Text("名称")), new SharedStringItem(new Text("开工日期")), new SharedStringItem(new Text(" 金额 ")),
                new SharedStringItem(new Run(new Text("攀枝花")), new Run(new Text("钒钛")), new PhoneticRun(new Text("パン")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }));
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 176, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }, new NumberingFormat { NumberFormatId = 177, FormatCode = "0.00\"d\"" }),
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 176 }, new CellFormat { NumberFormatId = 177 }));
            var sheet = workbook.AddNewPart<WorksheetPart>("rIdSheet");
            static Cell Shared(string reference, int index) => new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString()) };
            sheet.Worksheet = new Worksheet(new SheetData(
                new Row(Shared("A1", 0), Shared("B1", 1), Shared("C1", 2), Shared("D1", 3)) { RowIndex = 1 },
                new Row(new Cell { CellReference = "B3", StyleIndex = 1 }) { RowIndex = 3 },
                new Row(
                    new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("91510403MA6XXXXXX1")) },
                    Shared("B7", 4),
                    new Cell { CellReference = "C7", StyleIndex = 1, CellValue = new CellValue("46022") },
                    new Cell { CellReference = "D7", StyleIndex = 2, CellValue = new CellValue("1.5E+20") }) { RowIndex = 7 }));
        }
        return stream.ToArray();
    }
}
