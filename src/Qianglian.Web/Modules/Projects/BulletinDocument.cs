using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Qianglian.Core.Projects;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// The monthly bulletin as a Word document (.docx) the coordination office hands on: title, overview by stage,
/// investment against the annual plan (in total, by locality, by chain), laggards, unreported projects, problems.
/// Amounts in 万元 with two decimals, rates in percent with one.
/// </summary>
public static class BulletinDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(string jurisdiction, int year, int month) => $"{jurisdiction}重点项目{year}年{month}月调度通报.docx";

    public static byte[] Write(BulletinFigures f, string jurisdiction, DateOnly issuedOn)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Para($"{jurisdiction}重点项目{f.Year}年{f.Month}月调度通报", bold: true, size: 36, centred: true));
            body.Append(Para($"（{issuedOn:yyyy年M月d日}）", centred: true));

            body.Append(Heading("一、项目总体情况"));
            var counts = string.Join("，", f.Stages.Where(s => s.Stage != ProjectStage.Terminated).Select(s => $"{s.Name}{s.Count}个"));
            var terminated = f.Stages.First(s => s.Stage == ProjectStage.Terminated).Count;
            body.Append(Para($"截至{f.Year}年{f.Month}月底，库内项目{f.Listed}个，其中{counts}；终止/退出{terminated}个。"));
            body.Append(Table(["阶段", "项目数（个）"], f.Stages.Select(s => new[] { s.Name, s.Count.ToString(CultureInfo.InvariantCulture) })));

            body.Append(Heading("二、投资完成情况"));
            body.Append(Para($"纳入年度计划的项目{f.Total.Projects}个，年度计划投资{Wan(f.Total.Plan)}万元，1—{f.Month}月累计完成投资{Wan(f.Total.Completed)}万元，" +
                             $"完成年度计划的{Rate(f.Total.Rate)}，时序进度{Percent(f.TimeProgress)}。"));
            body.Append(Para("（一）分县区（按分投资比例统计）", bold: true));
            body.Append(Table(["县区", "项目数", "年度计划（万元）", "累计完成（万元）", "完成率"], f.ByLocality.Select(Row)));
            body.Append(Para("（二）分产业链", bold: true));
            body.Append(Table(["产业链", "项目数", "年度计划（万元）", "累计完成（万元）", "完成率"], f.ByChain.Select(Row)));

            body.Append(Heading("三、进度滞后项目"));
            if (f.Laggards.Count == 0) body.Append(Para("本月无进度滞后项目。"));
            else body.Append(Table(["项目", "年度计划（万元）", "累计完成（万元）", "完成率", "说明"],
                f.Laggards.Select(l => new[] { l.Project, Wan(l.Plan), Wan(l.Completed), Percent(l.Rate), l.Reason })));

            body.Append(Heading("四、逾期未报项目"));
            body.Append(Para(f.Unreported.Count == 0 ? "本月所有在建项目均已按时报送。" : $"以下{f.Unreported.Count}个项目未按时报送调度信息：{string.Join("、", f.Unreported)}。"));

            body.Append(Heading("五、存在问题"));
            if (f.Problems.Count == 0) body.Append(Para("本月未报送问题。"));
            else body.Append(Table(["项目", "月份", "类别", "问题", "状态"],
                f.Problems.Select(p => new[] { p.Project, $"{p.Year}年{p.Month}月", p.Category, p.Description, p.Open ? "未解决" : "已解决" })));

            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static string Wan(decimal yuan) => (yuan / 10_000m).ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Rate(decimal? fraction) => fraction is { } r ? Percent(r) : "—";

    private static string[] Row(InvestmentRow r) => [r.Name, r.Projects.ToString(CultureInfo.InvariantCulture), Wan(r.Plan), Wan(r.Completed), Rate(r.Rate)];

    private static Paragraph Heading(string text) => Para(text, bold: true, size: 28);

    private static Paragraph Para(string text, bool bold = false, int size = 24, bool centred = false)
    {
        var props = new RunProperties(new RunFonts { EastAsia = "宋体", Ascii = "宋体", HighAnsi = "宋体" }, new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold) props.Append(new Bold());
        var paragraph = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (centred) paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return paragraph;
    }

    private static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(new TableRow(headers.Select(h => new TableCell(Para(h, bold: true, size: 21)))));
        foreach (var row in rows) table.Append(new TableRow(row.Select(c => new TableCell(Para(c, size: 21)))));
        return table;
    }
}
