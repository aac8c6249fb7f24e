using Qianglian.Core.Policies;

namespace Qianglian.Core.Tests.Policies;

public class ParserEdgeCaseTests
{
    [Fact]
    public void Text_without_numbered_measures_is_refused_naming_the_line()
    {
        var error = Assert.Throws<PolicyParseException>(() => PolicyDocumentParser.Parse("这是一段没有编号的说明文字。\n第二段。"));
        Assert.Equal(1, error.Line);
        Assert.Contains("未识别到任何措施条目", error.Message);
    }

    [Fact]
    public void Empty_text_is_refused() =>
        Assert.Throws<PolicyParseException>(() => PolicyDocumentParser.Parse(" \n\u3000\n"));

    [Fact]
    public void Without_a_clause_the_unit_opening_a_sentence_leads_and_the_units_after_huitong_cooperate()
    {
        var parsed = PolicyDocumentParser.Parse("""
            一、甲措施。区经济和信息化局承担统筹职能；会同区发展改革局、区财政局开展会商。
            二、乙措施。市统计局负责统计。会同有关部门开展工作。
            三、丙措施。内容。〔责任单位：甲局〕
            """);
        var first = parsed.Measures[0].Responsibility;
        Assert.Equal(ResponsibilityForm.NamedInProse, first.Form);
        Assert.Equal(["区经济和信息化局"], first.Lead);
        Assert.Equal(["区发展改革局", "区财政局"], first.Cooperating);
        Assert.Contains("会同区发展改革局、区财政局", first.RawText);
        // "会同" opening a sentence has no unit acting: nothing is read, the task waits to be assigned.
        Assert.Equal(ResponsibilityForm.None, parsed.Measures[1].Responsibility.Form);
        Assert.Empty(parsed.Measures[1].Responsibility.Lead);
    }

    [Fact]
    public void Lead_before_comma_rule_carries_over_to_later_clauses()
    {
        var parsed = PolicyDocumentParser.Parse("""
            一、甲措施。内容。〔责任单位：甲局、乙局，丙局（逗号前为牵头单位，下同）〕
            二、乙措施。内容。〔责任单位：丁局，戊局、己局〕
            """);
        Assert.Equal(["丁局"], parsed.Measures[1].Responsibility.Lead);
        Assert.Equal(["戊局", "己局"], parsed.Measures[1].Responsibility.Cooperating);
    }

    [Fact]
    public void Under_the_rule_a_list_without_a_comma_names_every_unit_as_lead()
    {
        var parsed = PolicyDocumentParser.Parse("""
            一、甲措施。内容。〔责任单位：甲局，乙局（逗号前为牵头单位，下同）〕
            二、乙措施。内容。〔责任单位：丙局、丁局〕
            """);
        Assert.Equal(ResponsibilityForm.LeadBeforeComma, parsed.Measures[1].Responsibility.Form);
        Assert.Equal(["丙局", "丁局"], parsed.Measures[1].Responsibility.Lead);
        Assert.Empty(parsed.Measures[1].Responsibility.Cooperating);
    }

    [Fact]
    public void A_lead_the_text_names_wins_over_the_convention_and_abbreviations_match()
    {
        var parsed = PolicyDocumentParser.Parse("""
            一、甲措施。内容。〔责任单位：区发展改革局，区财政局（逗号前为牵头单位，下同）〕
            二、乙措施。由区经信局牵头会同有关部门办理。〔责任单位：区发展改革局、区经济和信息化局、区财政局〕
            三、丙措施。链长牵头调度。〔责任单位：区发展改革局、区财政局〕
            """);
        Assert.Equal(ResponsibilityForm.LeadNamedInText, parsed.Measures[1].Responsibility.Form);
        Assert.Equal(["区经济和信息化局"], parsed.Measures[1].Responsibility.Lead);
        Assert.Equal(["区发展改革局", "区财政局"], parsed.Measures[1].Responsibility.Cooperating);
        // 链长 is no unit of the clause: the convention decides (no comma: both lead).
        Assert.Equal(["区发展改革局", "区财政局"], parsed.Measures[2].Responsibility.Lead);
    }

    [Fact]
    public void A_clause_that_marks_its_own_lead_and_cooperating_units_is_read_as_written()
    {
        var parsed = PolicyDocumentParser.Parse("一、甲措施。内容。〔甲局牵头，乙局、丙局配合〕\n二、乙措施。内容。〔丁局、戊局按职责分工负责〕");
        Assert.Equal(ResponsibilityForm.ExplicitLeadAndCooperating, parsed.Measures[0].Responsibility.Form);
        Assert.Equal(["甲局"], parsed.Measures[0].Responsibility.Lead);
        Assert.Equal(["乙局", "丙局"], parsed.Measures[0].Responsibility.Cooperating);
    }

    [Fact]
    public void An_inclusion_without_same_below_applies_to_its_own_clause_only()
    {
        var parsed = PolicyDocumentParser.Parse("""
            一、甲措施。内容。（责任单位：市甲局、各县（区）（含甲园区））
            二、乙措施。内容。（责任单位：各县（区））
            三、丙措施。内容。（责任单位：市乙局、各县（区）（含乙园区管委会，下同））
            四、丁措施。内容。（牵头单位：市丙局，配合单位：各县（区））
            """);
        Assert.Equal(["市甲局", "各县（区）", "甲园区"], parsed.Measures[0].Responsibility.Lead);
        Assert.Equal(["各县（区）"], parsed.Measures[1].Responsibility.Lead);
        Assert.Equal(["市乙局", "各县（区）", "乙园区管委会"], parsed.Measures[2].Responsibility.Lead);
        Assert.Equal(["各县（区）", "乙园区管委会"], parsed.Measures[3].Responsibility.Cooperating);
    }

    [Fact]
    public void Without_the_rule_a_comma_does_not_split_lead_from_cooperating()
    {
        var parsed = PolicyDocumentParser.Parse("""
            一、甲措施。内容。（责任单位：甲局、乙局，丙局）
            二、乙措施。内容。（责任单位：丁局）
            """);
        Assert.Equal(ResponsibilityForm.AllResponsible, parsed.Measures[0].Responsibility.Form);
        Assert.Equal(["甲局", "乙局", "丙局"], parsed.Measures[0].Responsibility.Lead);
    }

    [Fact]
    public void Explicit_lead_with_responsible_units_makes_them_cooperating()
    {
        var parsed = PolicyDocumentParser.Parse("1.甲任务。内容。（牵头单位：甲局，责任单位：乙局、丙局）\n2.乙任务。内容。(牵头单位：丁局，配合单位：戊局，)");
        Assert.Equal(["乙局", "丙局"], parsed.Measures[0].Responsibility.Cooperating);
        Assert.Equal(["戊局"], parsed.Measures[1].Responsibility.Cooperating);
    }

    [Fact]
    public void Numbers_must_increase_so_running_text_is_not_a_heading()
    {
        var parsed = PolicyDocumentParser.Parse("一、甲措施。内容。\n5、这里只是正文里的列举\n二、乙措施。内容。\n一、不再是新措施");
        Assert.Equal(["一", "二"], parsed.Measures.Select(m => m.Number));
    }

    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十六", 16)]
    [InlineData("二十四", 24)]
    [InlineData("8", 8)]
    [InlineData("三十", 30)]
    public void Chinese_and_arabic_numbers(string text, int value) => Assert.Equal(value, ChineseNumber.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("甲")]
    [InlineData("十十")]
    public void Non_numbers(string text) => Assert.Null(ChineseNumber.Parse(text));
}
