using Qianglian.Core.Policies;

namespace Qianglian.Core.Tests.Policies;

/// <summary>Every measure of every seed document: number, title, group, form, and each lead and cooperating unit.</summary>
public class SeedDocumentTests
{
    public static TheoryData<string> Documents => new() { "xiqu", "panzhihua", "ankang", "dazhou", "qianjiang" };

    private static ExpectedMeasure[] Expected(string name) => name switch
    {
        "xiqu" => SeedExpectations.Xiqu,
        "panzhihua" => SeedExpectations.Panzhihua,
        "ankang" => SeedExpectations.Ankang,
        "dazhou" => SeedExpectations.Dazhou,
        "qianjiang" => SeedExpectations.Qianjiang,
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_measure_and_every_responsible_unit(string name)
    {
        var parsed = PolicyDocumentParser.Parse(Seeds.Text(name));
        var expected = Expected(name);
        Assert.Equal(expected.Length, parsed.Measures.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var (e, m) = (expected[i], parsed.Measures[i]);
            Assert.Equal(i + 1, m.Ordinal);
            Assert.Equal(e.Number, m.Number);
            Assert.Equal(e.Title, m.Title);
            Assert.Equal(e.Group, m.Group);
            Assert.Equal(e.Form, m.Responsibility.Form);
            Assert.Equal(e.Lead, m.Responsibility.Lead);
            Assert.Equal(e.Cooperating, m.Responsibility.Cooperating);
        }
    }

    [Theory]
    [InlineData("xiqu", 10, "关于进一步以“建圈强链”推动工业高质量发展的十条措施（试行）")]
    [InlineData("panzhihua", 16, "聚焦产业建圈强链促进工业经济高质量发展十六条措施")]
    [InlineData("ankang", 10, "促进工业投资持续健康增长十条措施")]
    [InlineData("dazhou", 7, "达州市重点产业链融圈强链工作实施方案")]
    [InlineData("qianjiang", 27, "黔江区“工业强城”建设实施方案")]
    public void Document_title_and_measure_count(string name, int measures, string title)
    {
        var parsed = PolicyDocumentParser.Parse(Seeds.Text(name));
        Assert.Equal(measures, parsed.Measures.Count);
        Assert.Equal(title, parsed.Title);
    }

    [Fact]
    public void Xiqu_numbers_its_eighth_measure_in_arabic_digits()
    {
        var parsed = PolicyDocumentParser.Parse(Seeds.Text("xiqu"));
        Assert.Equal(["一", "二", "三", "四", "五", "六", "七", "8", "九", "十"], parsed.Measures.Select(m => m.Number));
    }

    [Fact]
    public void Xiqu_measure_six_without_a_comma_is_led_by_both_units_it_names()
    {
        var six = PolicyDocumentParser.Parse(Seeds.Text("xiqu")).Measures[5];
        Assert.Equal("促进重点项目早日竣工投产", six.Title);
        Assert.Equal(["区经济和信息化局", "区财政局"], six.Responsibility.Lead);
        Assert.Empty(six.Responsibility.Cooperating);
        Assert.Contains("同一项目补助上限为500万元", six.Body);
        Assert.DoesNotContain("责任单位", six.Body);
    }

    [Fact]
    public void Xiqu_measure_ten_is_led_by_the_unit_its_text_says_leads()
    {
        var ten = PolicyDocumentParser.Parse(Seeds.Text("xiqu")).Measures[9];
        Assert.Contains("区经济和信息化局牵头会同区发展改革局", ten.Body);
        Assert.Equal(ResponsibilityForm.LeadNamedInText, ten.Responsibility.Form);
        Assert.Equal(["区经济和信息化局"], ten.Responsibility.Lead);
        Assert.Equal("区发展改革局", ten.Responsibility.Cooperating[0]);
        Assert.DoesNotContain("区经济和信息化局", ten.Responsibility.Cooperating);
    }

    [Fact]
    public void Xiqu_attachment_checklist_has_six_items_with_typesetting_spaces_removed()
    {
        var checklist = PolicyDocumentParser.Parse(Seeds.Text("xiqu")).Checklist;
        Assert.Equal(Enumerable.Range(1, 6), checklist.Select(c => c.Number));
        Assert.Equal("项目申报内容真实性承诺书。", checklist[4].Name);
        Assert.StartsWith("项目环评、安评、消防、节能审查等前期批复文件复印件", checklist[2].Name);
        Assert.Contains("政策依据说明", checklist[2].Name);
    }

    [Fact]
    public void Closing_paragraph_and_attachment_are_not_part_of_the_last_measure()
    {
        var last = PolicyDocumentParser.Parse(Seeds.Text("xiqu")).Measures[^1];
        Assert.DoesNotContain("有效期至", last.Body);
        Assert.DoesNotContain("申报资料清单", last.Body);
        var pzh = PolicyDocumentParser.Parse(Seeds.Text("panzhihua")).Measures[^1];
        Assert.DoesNotContain("取高不重复", pzh.Body);
    }

    [Fact]
    public void Panzhihua_clause_broken_by_a_page_break_is_read_whole()
    {
        var five = PolicyDocumentParser.Parse(Seeds.Text("panzhihua")).Measures[4];
        Assert.Equal(["市科技局"], five.Responsibility.Lead);
        Assert.Equal(["市委组织部", "市发展改革委", "市经济和信息化局", "市农业农村局", "各县（区）", "国家钒钛高新区"], five.Responsibility.Cooperating);
        var two = PolicyDocumentParser.Parse(Seeds.Text("panzhihua")).Measures[1];
        Assert.Contains("对投资大、带动强的“链主”企业", two.Body); // "链\n\n主" joined across the page break
    }

    [Fact]
    public void Ankang_inclusion_note_neither_splits_the_name_and_names_its_parks_in_every_later_clause()
    {
        var measures = PolicyDocumentParser.Parse(Seeds.Text("ankang")).Measures;
        Assert.Equal(ResponsibilityForm.SharedByDivision, measures[0].Responsibility.Form);
        Assert.Equal(["市发改委", "市工信局", "各县（市、区）政府", "安康高新区", "恒口示范区管委会"], measures[0].Responsibility.Lead);
        Assert.Empty(measures[0].Responsibility.Cooperating);
        // "下同，不再列出": 十 writes the counties alone, the parks come with them.
        Assert.Equal(["各县（市、区）政府", "安康高新区", "恒口示范区管委会"], measures[9].Responsibility.Lead.TakeLast(3));
        // 二 names no counties, so no parks either.
        Assert.Equal(["市工信局", "市财政局"], measures[1].Responsibility.Lead);
    }

    [Fact]
    public void Dazhou_work_items_come_from_the_work_section_only()
    {
        var parsed = PolicyDocumentParser.Parse(Seeds.Text("dazhou"));
        Assert.Equal(["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"], parsed.Measures.Select(m => m.Number));
        // （七） has no clause; its prose names the acting unit and the one it works with ("会同"), and the chains' places by role.
        Assert.Equal(ResponsibilityForm.NamedInProse, parsed.Measures[6].Responsibility.Form);
        Assert.Equal(["市经济和信息化局", "主要承载地政府"], parsed.Measures[6].Responsibility.Lead);
        Assert.Equal(["市统计局", "协同发展地"], parsed.Measures[6].Responsibility.Cooperating);
        Assert.Contains("主要承载地政府要完善工作机制", parsed.Measures[6].Responsibility.RawText);
        Assert.Equal(CatchAllKind.AllChainHostGovernments, UnitNameMatcher.CatchAllOf("主要承载地政府"));
        Assert.Equal(CatchAllKind.AllChainCollaboratingGovernments, UnitNameMatcher.CatchAllOf("协同发展地"));
        Assert.DoesNotContain(parsed.Measures, m => m.Title.Contains("总体目标") || m.Body.Contains("各地各部门（单位）要高度重视"));
    }

    [Fact]
    public void Qianjiang_tasks_are_grouped_under_eight_projects_and_its_work_requirements_follow()
    {
        var parsed = PolicyDocumentParser.Parse(Seeds.Text("qianjiang"));
        Assert.Equal(Enumerable.Range(1, 24).Select(n => n.ToString()).Concat(["（一）", "（二）", "（三）"]), parsed.Measures.Select(m => m.Number));
        Assert.Equal(
            ["实施产业提档工程", "实施招商提效工程", "实施项目提速工程", "实施创新提质工程", "实施园区提标工程", "实施制造提能工程", "实施绿色提升工程", "实施保障提高工程", "工作要求"],
            parsed.Measures.Select(m => m.Group).Distinct());
        // 四（一）–（三） are read as measures with their own clauses; the section heading 四、工作要求 is not one, and the
        // distribution list after （三）'s clause is not part of it.
        var three = parsed.Measures[^1];
        Assert.Contains("区纪委监委机关对工作不扎实不深入", three.Body);
        Assert.DoesNotContain("各乡、镇党委", three.Body);
        Assert.DoesNotContain(parsed.Measures, m => m.Title == "工作要求");
        // The 工程 headings hold measures, so none of them is read as one even though their text holds clauses.
        Assert.DoesNotContain(parsed.Measures, m => m.Title.EndsWith("工程", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_point_at_the_measure_headings()
    {
        var text = Seeds.Text("xiqu");
        var lines = text.Replace("\r\n", "\n").Split('\n');
        foreach (var m in PolicyDocumentParser.Parse(text).Measures)
            Assert.StartsWith(m.Number, lines[m.Line - 1].TrimStart());
    }
}
