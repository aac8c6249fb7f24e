using Qianglian.Core.Packs;

namespace Qianglian.Core.Tests.Policies;

public sealed class PackNumbersTests
{
    private static PackMap Map(params (string Key, PackNode Value)[] entries) => new(entries.Select(e => new KeyValuePair<string, PackNode>(e.Key, e.Value)).ToList());
    private static PackScalar N(string text) => new(text, true);
    private static PackScalar S(string text) => new(text, false);

    [Theory]
    [InlineData("最高给予500万元奖补", "500", true)]
    [InlineData("最高给予500万元奖补", "50", false)]
    [InlineData("最高给予5000万元奖补", "500", false)]
    [InlineData("按照不超过购置额的10%", "0.10", true)]
    [InlineData("按照不超过购置额的10%", "0.1", true)]
    [InlineData("按3%、5%、5%、8%给予激励", "0.05", true)]
    [InlineData("按3%、5%、5%、8%给予激励", "0.5", false)]
    [InlineData("总投资8%予以补助", "8", true)]
    [InlineData("于每月1日前报送", "1", true)]
    [InlineData("于每月10日前报送", "1", false)]
    [InlineData("规模以上工业产值达1,200亿元", "1200", true)]
    [InlineData("增长2.5%", "2.5", true)]
    [InlineData("增长2.5%", "0.025", true)]
    [InlineData("增长2.5%", "5", false)]
    [InlineData("“五个一”工作模式", "5", true)]
    [InlineData("加快打造两大千亿工业产业集群", "2", true)]
    [InlineData("十五个重点项目", "5", false)]
    [InlineData("每季度召开推进会议", "4", false)]
    public void A_number_is_written_in_a_text_only_as_itself_or_as_the_percentage_of_a_fraction(string text, string number, bool written) =>
        Assert.Equal(written, PackNumbers.Writes(text, number));

    [Fact]
    public void Numbers_are_cited_labelled_structural_or_unlabelled_by_the_nearest_section_that_speaks_for_them()
    {
        var file = Map(
            ("version", N("3")),
            ("reporting", Map(("dueDay", N("1")), ("reminderDays", N("3")), ("source", S("于每月1日前报送")))),
            ("assessment", Map(("reporting", N("40")), ("default", N("true")), ("basis", S("文件未规定权重，平台默认")))),
            ("matching", Map(("node", N("35")))),
            ("codes", Map(("county", S("510403")))),
            ("national", Map(("standard", S("工信部企业〔2022〕63号 附件2")), ("atLeast", N("1000000")))),
            ("broken", Map(("weight", N("10")), ("default", N("true")))),
            ("targets", new PackList([Map(("fromYear", N("2024")), ("value", N("100")), ("source", S("每年推动实施技术改造项目100个以上")))])));
        var numbers = PackNumbers.Classify(file, "谋划储备2024年重点工业项目").ToDictionary(n => n.Path);

        Assert.Equal(NumberBasis.Structural, numbers["version"].Basis);
        Assert.Equal(NumberBasis.Cited, numbers["reporting.dueDay"].Basis);
        Assert.Equal(NumberBasis.Unlabelled, numbers["reporting.reminderDays"].Basis);
        Assert.Equal((NumberBasis.PlatformDefault, "文件未规定权重，平台默认"), (numbers["assessment.reporting"].Basis, numbers["assessment.reporting"].Why));
        Assert.Equal(NumberBasis.Unlabelled, numbers["matching.node"].Basis);
        Assert.False(numbers.ContainsKey("codes.county")); // a quoted code is not a number
        Assert.Contains("未写明依据", numbers["broken.weight"].Why);
        Assert.Equal((NumberBasis.Standard, "工信部企业〔2022〕63号 附件2"), (numbers["national.atLeast"].Basis, numbers["national.atLeast"].Why));
        Assert.Equal(NumberBasis.Cited, numbers["targets[0].value"].Basis);
        Assert.Equal(NumberBasis.Cited, numbers["targets[0].fromYear"].Basis); // the document names the year
    }

    [Fact]
    public void Labelled_sections_are_listed_with_their_basis_numbers_or_not()
    {
        var file = Map(
            ("measures", new PackList([Map(("key", S("xiqu.7")), ("groupLabel", Map(("default", N("true")), ("basis", S("依攀枝花结尾条款视为同类")))))])),
            ("matching", Map(("node", N("35")), ("default", N("true")))),
            ("stages", new PackList([Map(("days", N("5"))), Map(("days", N("3")), ("default", N("true")))])),
            ("reporting", Map(("dueDay", N("1")), ("source", S("于每月1日前报送")))));
        var sections = PackNumbers.LabelledSections(file);
        // Keyed items by their key, items without one by their place.
        Assert.Equal([("measures[xiqu.7].groupLabel", (string?)"依攀枝花结尾条款视为同类"), ("matching", null), ("stages[1]", null)], sections);
    }

    [Fact]
    public void A_labelled_model_is_named_by_its_code_and_year()
    {
        var file = Map(
            ("indices", new PackList([Map(("year", N("2024")), ("default", N("true")), ("basis", S("达州（七）未规定指标")),
                ("index", Map(("model", Map(("code", S("chain-index")), ("weight", N("20")))))))])),
            ("models", new PackList([
                Map(("year", N("2024")), ("model", Map(("code", S("per-mu-above"))))),
                Map(("year", N("2025")), ("default", N("true")), ("model", Map(("code", S("per-mu-above"))))),
            ])));
        Assert.Equal([("indices[chain-index@2024]", (string?)"达州（七）未规定指标"), ("models[per-mu-above@2025]", null)], PackNumbers.LabelledSections(file));
    }
}
