using System.IO.Compression;
using Qianglian.Core.Incentives;

namespace Qianglian.Core.Tests.Incentives;

public class WorkflowTests
{
    /// <summary>西区 措施十 as packs/xiqu/incentives.yaml configures it.</summary>
    internal static readonly WorkflowDefinition Xiqu = new("xiqu.measure10", "西区政策兑现审批（措施十）",
    [
        new("intake", "区经信局受理", StageKind.Intake, new StageActor { Unit = "xiqu.jxj" }, [], 5),
        new("consultation", "初步会商", StageKind.Consultation, new StageActor { Unit = "xiqu.jxj" }, ["xiqu.fgj", "xiqu.czj"], 10),
        new("study", "链长专题研究", StageKind.Study, new StageActor { ChainChief = true }, [], 15),
        new("approval", "区委区政府审定", StageKind.Approval, new StageActor { Unit = "xiqu.qzf" }, [], 20),
        new("payment", "资金兑付", StageKind.Payment, new StageActor { Unit = "xiqu.czj" }, [], 30),
        new("archive", "归档", StageKind.Archive, new StageActor { Unit = "xiqu.jxj" }, [], 10),
    ]);

    [Fact]
    public void The_xiqu_sequence_runs_from_submission_to_archive_and_any_review_stage_may_return_or_reject()
    {
        Assert.Empty(Xiqu.Validate());
        var table = Xiqu.Table();
        Assert.Contains(("draft", WorkflowTrigger.Submit, "intake"), table);
        Assert.Contains(("returned", WorkflowTrigger.Submit, "intake"), table);
        var path = new List<string> { "intake" };
        while (table.FirstOrDefault(t => t.From == path[^1] && t.Trigger == WorkflowTrigger.Pass) is { To: { } next }) path.Add(next);
        Assert.Equal(["intake", "consultation", "study", "approval", "payment", "archive", "archived"], path);
        foreach (var stage in new[] { "intake", "consultation", "study", "approval" })
        {
            Assert.Contains((stage, WorkflowTrigger.Return, "returned"), table);
            Assert.Contains((stage, WorkflowTrigger.Reject, "rejected"), table);
        }
        Assert.DoesNotContain(("archive", WorkflowTrigger.Reject, "rejected"), table);
    }

    [Fact]
    public void Only_the_stage_actor_may_act()
    {
        var intake = Xiqu.Stage("intake")!.Actor;
        Assert.True(intake.Allows(new(["LeadDepartment"], "xiqu.jxj", false)));
        Assert.False(intake.Allows(new(["LeadDepartment"], "xiqu.czj", false)));
        var study = Xiqu.Stage("study")!.Actor;
        Assert.True(study.Allows(new(["ChainChief"], null, true)));
        Assert.False(study.Allows(new(["ChainChief"], null, false)));
        var byRole = new StageActor { Roles = ["CoordinationOffice"], Unit = "xiqu.jxj" };
        Assert.False(byRole.Allows(new(["LeadDepartment"], "xiqu.jxj", false)));
        Assert.True(byRole.Allows(new(["CoordinationOffice"], "xiqu.jxj", false)));
    }

    [Fact]
    public void A_bad_definition_names_its_fields()
    {
        var bad = new WorkflowDefinition("x", "x",
        [
            new("draft", "", StageKind.Consultation, new StageActor(), [], 0),
            new("pay", "兑付", StageKind.Payment, new StageActor { Unit = "u" }, [], 5),
        ]);
        var fields = bad.Validate().Select(e => e.Field).ToList();
        Assert.Contains("stages[0].key", fields);
        Assert.Contains("stages[0].name", fields);
        Assert.Contains("stages[0].deadlineDays", fields);
        Assert.Contains("stages[0].actor", fields);
        Assert.Contains("stages[0].opinions", fields);
        Assert.Contains(bad.Validate(), e => e.Message.Contains("审定环节"));
    }

    [Fact]
    public void A_stage_is_overdue_from_the_day_after_its_deadline()
    {
        var due = StageDeadline.Due(new DateOnly(2026, 5, 1), 5);
        Assert.Equal(new DateOnly(2026, 5, 6), due);
        Assert.False(StageDeadline.IsOverdue(due, new DateOnly(2026, 5, 6)));
        Assert.True(StageDeadline.IsOverdue(due, new DateOnly(2026, 5, 7)));
        Assert.Equal(3, StageDeadline.DaysOverdue(due, new DateOnly(2026, 5, 9)));
    }

    [Fact]
    public void A_budget_position_gives_the_figures()
    {
        var position = new BudgetPosition(3000 * SeedRules.Wan, 2800 * SeedRules.Wan, 1000 * SeedRules.Wan, 250 * SeedRules.Wan);
        Assert.False(position.Fits);
        Assert.Equal("预算 3,000万元，已审定 2,800万元（已兑付 1,000万元），可用 200万元，本次 250万元，超出 50万元", position.Describe());
        Assert.True((position with { Requested = 200 * SeedRules.Wan }).Fits);
    }
}

public class UploadSniffingTests
{
    private static byte[] Zip(string entry)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true)) zip.CreateEntry(entry);
        return stream.ToArray();
    }

    [Fact]
    public void Allowed_types_are_recognised_by_content()
    {
        Assert.Equal(UploadKind.Pdf, FileSniffer.Check("a.pdf", "%PDF-1.7\n"u8).Kind);
        Assert.Equal(UploadKind.Jpeg, FileSniffer.Check("a.JPG", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }).Kind);
        Assert.Equal(UploadKind.Png, FileSniffer.Check("a.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }).Kind);
        Assert.Equal(UploadKind.Docx, FileSniffer.Check("a.docx", Zip("word/document.xml")).Kind);
        Assert.Equal(UploadKind.Xlsx, FileSniffer.Check("a.xlsx", Zip("xl/workbook.xml")).Kind);
    }

    [Fact]
    public void An_executable_renamed_pdf_is_refused_saying_what_it_is()
    {
        var (kind, error) = FileSniffer.Check("承诺书.pdf", "MZ\x90\0\x03"u8);
        Assert.Null(kind);
        Assert.Contains("可执行程序", error);
    }

    [Theory]
    [InlineData("a.exe", "不支持的文件类型")]
    [InlineData("a.docx", "实际内容为XLSX")]
    [InlineData("a.pdf", "为空")]
    public void Other_refusals_say_why(string name, string reason)
    {
        var content = name == "a.docx" ? Zip("xl/workbook.xml") : name == "a.pdf" ? [] : "MZ"u8.ToArray();
        Assert.Contains(reason, FileSniffer.Check(name, content).Error);
    }

    [Fact]
    public void A_zip_that_is_no_office_file_is_refused_as_docx() =>
        Assert.Contains("其他压缩包", FileSniffer.Check("a.docx", Zip("readme.txt")).Error);
}

public class WhatIfTests
{
    [Fact]
    public void Raising_the_cap_costs_the_difference_over_the_pipeline_by_year_and_chain()
    {
        var cases = new List<PipelineCase>
        {
            new("甲", 2026, "钒钛", SeedRules.Project(equipmentWan: 20000, newOutputWan: 3000)),  // 500 → 600
            new("乙", 2026, "化工", SeedRules.Project(equipmentWan: 8000, newOutputWan: 3000)),   // 240 → 240
            new("丙", 2027, "钒钛", SeedRules.Project(equipmentWan: 8000, newOutputWan: 1500)),   // not eligible → eligible at 1000 threshold: 240
        };
        var change = new RuleChange { Cap = 600 * SeedRules.Wan, Minimums = new Dictionary<Figure, decimal> { [Figure.NewOutputValue] = 1000 * SeedRules.Wan } };
        var result = WhatIf.Compare(SeedRules.Xiqu6, change, cases);
        Assert.Equal((2, 740m, 3, 1080m), (result.Total.CurrentCount, result.Total.Current / SeedRules.Wan, result.Total.ChangedCount, result.Total.Changed / SeedRules.Wan));
        Assert.Equal(["2026", "2027"], result.ByYear.Select(r => r.Key));
        Assert.Equal(240m, result.ByYear[1].Difference / SeedRules.Wan);
        Assert.Equal(340m, result.ByChain.Single(r => r.Key == "钒钛").Difference / SeedRules.Wan);
        Assert.Equal(["甲", "丙"], result.ChangedCases);
    }
}
