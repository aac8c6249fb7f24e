using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Policies.Packs;

namespace Qianglian.Web.Tests.Policies;

/// <summary>The five real packs read and validate; broken packs are refused naming the file, line or field.</summary>
public class PackReaderTests
{
    private static readonly PackReader.Result Real = PackReader.ReadAll(RepositoryPaths.Packs);

    private static Core.Packs.PackDefinition Pack(string code) => Real.Packs.Single(p => p.Definition.Code == code).Definition;

    [Fact]
    public void The_five_packs_read_without_errors()
    {
        Assert.Empty(Real.Errors);
        Assert.Equal(["ankang", "dazhou", "panzhihua", "qianjiang", "xiqu"], Real.Packs.Select(p => p.Definition.Code).Order());
    }

    [Fact]
    public void Declared_counts_are_kept_and_no_names_are_invented()
    {
        var xiqu = Pack("xiqu");
        Assert.Equal((3, 3), (xiqu.Ecosystems.Declared, xiqu.Ecosystems.Named.Count));
        Assert.Equal((9, 0), (xiqu.Chains.Declared, xiqu.Chains.Named.Count));
        var pzh = Pack("panzhihua");
        Assert.Equal(["钒钛钢铁新材料", "清洁能源", "绿色化工", "光电信息", "低空经济"], pzh.Ecosystems.Named);
        Assert.Equal((13, 0), (pzh.Chains.Declared, pzh.Chains.Named.Count));
        Assert.Equal(("六个一", 6, 0), (pzh.WorkingKit!.Name, pzh.WorkingKit.Declared, pzh.WorkingKit.Items.Count));
        Assert.Equal(("八个一", 8, 0), (Pack("ankang").WorkingKit!.Name, Pack("ankang").WorkingKit!.Declared, Pack("ankang").WorkingKit!.Items.Count));
    }

    [Fact]
    public void Qianjiang_names_its_five_chains_with_2025_output_targets()
    {
        var qj = Pack("qianjiang");
        Assert.Equal(["卷烟及配套", "新材料", "消费品工业", "生物医药", "新能源"], qj.Chains.Named.Select(c => c.Name));
        var outputs = qj.Targets.Where(t => t.Metric == "output.by_chain").ToDictionary(t => t.ScopeRef!, t => t.Value);
        Assert.Equal(new Dictionary<string, decimal> { ["卷烟及配套"] = 120, ["新材料"] = 100, ["消费品工业"] = 100, ["生物医药"] = 50, ["新能源"] = 30 }, outputs);
        Assert.All(qj.Targets.Where(t => t.Metric == "output.by_chain"), t => Assert.Equal(2025, t.Year));
        Assert.Contains(qj.Targets, t => t is { Metric: "enterprises.above_scale.count", Comparison: ">", Value: 100, Year: 2025 });
        Assert.Equal(["一个链长", "一个牵头部门", "一个工作专班", "一个工作方案", "一个配套政策"], qj.WorkingKit!.Items);
    }

    [Fact]
    public void Ankang_2024_and_dazhou_2027_targets()
    {
        var ak = Pack("ankang").Targets;
        Assert.Contains(ak, t => t is { Metric: "projects.reserve.count", Year: 2024, Value: 300, Unit: "个" });
        Assert.Contains(ak, t => t is { Metric: "projects.reserve.new_total_investment", Year: 2024, Value: 450, Unit: "亿元" });
        Assert.Contains(ak, t => t is { Metric: "approvals.elapsed_working_days", Comparison: "<=", Value: 70 });
        var dz = Pack("dazhou");
        Assert.Equal(7, dz.Ecosystems.Named.Count);
        Assert.Contains(dz.Targets, t => t is { Metric: "enterprises.chain_leaders.count", Year: 2027, Comparison: "between", Value: 2, ValueMax: 3, Scope: "perChain" });
        Assert.Contains(dz.Targets, t => t is { Metric: "enterprises.chain_leaders.provincial.count", Year: 2027, Value: 5 });
    }

    [Fact]
    public void Every_target_quotes_its_source_sentence() =>
        Assert.All(Real.Packs.SelectMany(p => p.Definition.Targets), t => Assert.False(string.IsNullOrWhiteSpace(t.Source)));

    [Theory]
    [InlineData("code: broken\nversion: [1\n", "pack.yaml:2", "YAML")]
    [InlineData("code: broken\nversion: 1\nname: x\ncolour: red\n", "pack.yaml:4", "YAML")]
    public void Yaml_errors_name_the_line(string yaml, string where, string what)
    {
        var folder = Broken(yaml);
        var (pack, errors) = PackReader.Read(folder);
        Assert.Null(pack);
        var error = Assert.Single(errors);
        Assert.StartsWith(where, error.Field);
        Assert.Contains(what, error.Message);
    }

    [Theory]
    [InlineData("510403-BAD", "jurisdictions[0].code", "6位数字")]
    [InlineData("999999", "jurisdictions[0].code", "不是省级代码")]
    public void Invalid_codes_are_refused(string code, string field, string message)
    {
        var folder = Broken($"""
            code: broken
            version: 1
            name: 坏包
            jurisdiction: "{code}"
            jurisdictions:
              - {"{"} code: "{code}", name: 某地, level: province {"}"}
            document: {"{"} file: document.txt {"}"}
            """);
        var (_, errors) = PackReader.Read(folder);
        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(message));
    }

    [Fact]
    public void Broken_references_are_refused_with_their_field()
    {
        var folder = Broken("""
            code: broken
            version: 1
            name: 坏包
            jurisdiction: "510400"
            jurisdictions:
              - { code: "510400", name: 攀枝花市, level: city, parent: "510000" }
            document: { file: missing.txt }
            coordinationOffice: broken.nobody
            ecosystems: { declared: 1, named: [甲, 乙] }
            chains: { named: [ { name: 丙, ecosystem: 丁 } ] }
            units:
              - { key: broken.a, name: 某局, jurisdiction: "511700", kind: government }
            targets:
              - { key: broken.t, name: 目标, metric: m, comparison: between, value: -1, unit: 个, scope: chain, scopeRef: 戊, source: 原文 }
            """);
        var fields = PackReader.Read(folder).Errors.Select(e => e.Field).ToList();
        Assert.Contains("jurisdictions[0].parent", fields);
        Assert.Contains("document.file", fields);
        Assert.Contains("coordinationOffice", fields);
        Assert.Contains("ecosystems.named", fields);
        Assert.Contains("chains.named[0].ecosystem", fields);
        Assert.Contains("units[0].jurisdiction", fields);
        Assert.Contains("targets[0].value", fields);
        Assert.Contains("targets[0].valueMax", fields);
        Assert.Contains("targets[0].scopeRef", fields);
    }

    internal static string Broken(string yaml, string folderName = "broken")
    {
        var folder = Path.Combine(Path.GetTempPath(), $"qianglian-packs-{Guid.NewGuid():N}", folderName);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, PackReader.FileName), yaml);
        File.WriteAllText(Path.Combine(folder, "document.txt"), "一、测试措施。内容。");
        return folder;
    }
}
