using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Qianglian.Core.Incentives;
using Qianglian.Web.Components.Shared;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// The approval form (政策兑现审批表) officials hand on, as .docx: the application, the explanation exactly as the API
/// returns it (inputs, conditions with pass/fail, formula, clause, notes), every stage's opinion, the approval and
/// the payments.
/// </summary>
public sealed class ApprovalForm(ReadApplications reader)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<(byte[] Content, string FileName)> Handle(Guid id, CancellationToken ct)
    {
        var d = await reader.Get(id, ct);
        return (Write(d), $"政策兑现审批表-{d.Summary.Number}.docx");
    }

    public static byte[] Write(ApplicationDetail d)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var s = d.Summary;
            body.Append(Heading("政策兑现审批表", 32, JustificationValues.Center));
            body.Append(Table([
                ["申报编号", s.Number, "当前状态", s.StateName],
                ["申报单位", s.EnterpriseName, "项目", s.ProjectName ?? "（按企业兑现）"],
                ["政策措施", s.MeasureTitle, "申报方式", s.Origin switch { ApplicationOrigin.Proactive => "免申即享", ApplicationOrigin.Operator => "经办人代报", _ => "企业申报" }],
                ["提交时间", s.SubmittedAt is { } at ? TimeDisplay.Format(at) : "未提交", "核定上限", s.Ceiling is { } c ? Wording.Wan(c) : s.AmountToBeSet ? "金额待设定" : "—"],
            ]));
            body.Append(Heading("一、依据条款", 24));
            body.Append(Text(d.MeasureClause ?? ""));
            if (d.Explanation is { } e)
            {
                body.Append(Heading("二、核算说明", 24));
                body.Append(Table([["输入项", "数值"], .. e.Inputs.Select(i => new[] { i.Label, i.Value })], header: true));
                body.Append(Text(""));
                body.Append(Table([["条件", "结果", "说明"], .. e.Conditions.Select(c => new[] { c.Condition, c.Passed ? "符合" : "不符合", c.Detail })], header: true));
                body.Append(Text("计算公式：" + (e.Formula ?? "—"), bold: true));
                foreach (var note in e.Notes) body.Append(Text("说明：" + note));
                body.Append(Text("结论：" + e.Conclusion, bold: true));
            }
            body.Append(Heading("三、审批意见", 24));
            var opinions = d.Events.Where(x => x.Action is not (ApplicationAction.Created or ApplicationAction.Updated)).ToList();
            body.Append(Table([["环节", "办理", "单位/经办人", "时间", "意见"],
                .. opinions.Select(x => new[] { x.StageName, ActionName(x.Action), string.Join(" ", new[] { x.UnitName, x.UserName }.Where(t => !string.IsNullOrEmpty(t))), TimeDisplay.Format(x.At), x.Text ?? "" })], header: true));
            body.Append(Heading("四、审定与兑付", 24));
            body.Append(Text($"审定支持额度：{(s.ApprovedAmount is { } a ? Wording.Wan(a) : "未审定")}；支付方式：" +
                             (d.PaymentMethod switch { PaymentMethod.LumpSum => "一次性支付", PaymentMethod.Instalments => $"分{d.Instalments}期支付", _ => "—" }) +
                             (d.ApprovedOn is { } on ? $"；审定日期：{Wording.Date(on)}" : "")));
            if (d.BudgetOverrideReason is { } why) body.Append(Text($"超预算审定理由：{why}"));
            if (d.Payments.Count > 0)
                body.Append(Table([["期次", "金额", "支付日期", "凭证号", "经办人"],
                    .. d.Payments.Select(p => new[] { $"第{p.Instalment}笔", Wording.Wan(p.Amount), Wording.Date(p.PaidOn), p.Voucher, p.RecordedBy })], header: true));
            body.Append(Text($"累计兑付：{Wording.Wan(s.PaidAmount)}"));
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1440, Bottom = 1440, Left = 1440, Right = 1440 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static string ActionName(ApplicationAction a) => a switch
    {
        ApplicationAction.Created => "创建", ApplicationAction.Offered => "免申即享推送", ApplicationAction.Submitted => "提交申报",
        ApplicationAction.Passed => "通过", ApplicationAction.Opinion => "会商意见", ApplicationAction.Returned => "退回补充",
        ApplicationAction.Rejected => "不予支持", ApplicationAction.Approved => "审定", ApplicationAction.Paid => "兑付",
        ApplicationAction.Archived => "归档", _ => "修改",
    };

    private static RunProperties Font(int halfPoints, bool bold) => new(
        new RunFonts { Ascii = "SimSun", HighAnsi = "SimSun", EastAsia = "SimSun" },
        bold ? new Bold() : new Bold { Val = false }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static Paragraph Heading(string text, int halfPoints, JustificationValues? align = null)
    {
        var p = new Paragraph(new Run(Font(halfPoints, true), new Text(text)));
        if (align is { } a) p.PrependChild(new ParagraphProperties(new Justification { Val = a }));
        return p;
    }

    private static Paragraph Text(string text, bool bold = false) => new(new Run(Font(21, bold), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(IReadOnlyList<string[]> rows, bool header = false)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new TableRow();
            foreach (var cell in rows[r])
                row.Append(new TableCell(new Paragraph(new Run(Font(21, header && r == 0), new Text(cell) { Space = SpaceProcessingModeValues.Preserve }))));
            table.Append(row);
        }
        return table;
    }
}
