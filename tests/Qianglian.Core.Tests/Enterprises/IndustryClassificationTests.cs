using Qianglian.Core.Enterprises;

namespace Qianglian.Core.Tests.Enterprises;

/// <summary>The shipped GB/T 4754-2017 table (Gbt4754.csv) against the standard itself.</summary>
public class IndustryClassificationTests
{
    /// <summary>
    /// 20 门类, 97 大类, 473 中类 as the standard states. 小类: the standard was announced with 1,380 and is given as 1,382
    /// after amendment No. 1; both transcriptions the table was built from list 1,381 (see the file's header), so the
    /// table is pinned at what was verified — a change to it must be a deliberate edit of this number too.
    /// </summary>
    [Fact]
    public void Counts_per_level()
    {
        var counts = IndustryClassification.All.GroupBy(e => e.Level).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(20, counts[IndustryLevel.Section]);
        Assert.Equal(97, counts[IndustryLevel.Division]);
        Assert.Equal(473, counts[IndustryLevel.Group]);
        Assert.Equal(1381, counts[IndustryLevel.Class]);
    }

    [Fact]
    public void Every_row_hangs_from_the_level_above()
    {
        foreach (var entry in IndustryClassification.All.Where(e => e.Level != IndustryLevel.Section))
        {
            var parent = IndustryClassification.Find(entry.Parent);
            Assert.True(parent is not null, $"{entry.Code} {entry.Name}: parent {entry.Parent} missing");
            Assert.Equal(entry.Level - 1, parent!.Level);
            if (entry.Level != IndustryLevel.Division) Assert.StartsWith(parent.Code, entry.Code);
        }
        // every class's group and division exist (the brief's check, stated directly)
        foreach (var c in IndustryClassification.All.Where(e => e.Level == IndustryLevel.Class))
        {
            Assert.Equal(IndustryLevel.Group, IndustryClassification.Find(c.Code[..3])?.Level);
            Assert.Equal(IndustryLevel.Division, IndustryClassification.Find(c.Code[..2])?.Level);
        }
        // every group has at least one class; codes are unique
        Assert.All(IndustryClassification.All.Where(e => e.Level == IndustryLevel.Group),
            g => Assert.Contains(IndustryClassification.All, c => c.Level == IndustryLevel.Class && c.Parent == g.Code));
        Assert.Equal(IndustryClassification.All.Count, IndustryClassification.All.Select(e => e.Code).Distinct().Count());
    }

    /// <summary>
    /// A sample of the transcribed table checked against the public standard: GB/T 4754-2017《国民经济行业分类》, clause 5
    /// "国民经济行业分类和代码表" (表1; 国家统计局 / 国家质量监督检验检疫总局、国家标准化管理委员会, issued 2017-06-30, in force
    /// 2017-10-01; the table as published by 国家统计局 at stats.gov.cn, 统计标准 → 国民经济行业分类). Each value was typed by
    /// hand from that table — at least one per section A–T, across all four levels — and is not read back from Gbt4754.csv.
    /// </summary>
    [Theory]
    [InlineData("A", "农、林、牧、渔业")]
    [InlineData("0111", "A0111 稻谷种植")]
    [InlineData("0313", "A0313 猪的饲养")]
    [InlineData("0412", "A0412 内陆养殖")]
    [InlineData("0610", "B0610 烟煤和无烟煤开采洗选")]
    [InlineData("0932", "B0932 稀土金属矿采选")]
    [InlineData("C", "制造业")]
    [InlineData("15", "C15 酒、饮料和精制茶制造业")]
    [InlineData("1512", "C1512 白酒制造")]
    [InlineData("26", "C26 化学原料和化学制品制造业")]
    [InlineData("261", "C261 基础化学原料制造")]
    [InlineData("2614", "C2614 有机化学原料制造")]
    [InlineData("2619", "C2619 其他基础化学原料制造")]
    [InlineData("3130", "C3130 钢压延加工")]
    [InlineData("32", "C32 有色金属冶炼和压延加工业")]
    [InlineData("3219", "C3219 其他常用有色金属冶炼")]
    [InlineData("3612", "C3612 新能源车整车制造")]
    [InlineData("3841", "C3841 锂离子电池制造")]
    [InlineData("3963", "C3963 智能无人飞行器制造")]
    [InlineData("3973", "C3973 集成电路制造")]
    [InlineData("4416", "D4416 太阳能发电")]
    [InlineData("4620", "D4620 污水处理及其再生利用")]
    [InlineData("4811", "E4811 铁路工程建筑")]
    [InlineData("5012", "E5012 住宅装饰和装修")]
    [InlineData("5265", "F5265 机动车燃油零售")]
    [InlineData("5292", "F5292 互联网零售")]
    [InlineData("5437", "G5437 城市配送")]
    [InlineData("6020", "G6020 快递服务")]
    [InlineData("6110", "H6110 旅游饭店")]
    [InlineData("6241", "H6241 餐饮配送服务")]
    [InlineData("6513", "I6513 应用软件开发")]
    [InlineData("6532", "I6532 物联网技术服务")]
    [InlineData("6621", "J6621 商业银行服务")]
    [InlineData("6732", "J6732 天使投资")]
    [InlineData("7010", "K7010 房地产开发经营")]
    [InlineData("7224", "L7224 供应链管理服务")]
    [InlineData("7320", "M7320 工程和技术研究和试验发展")]
    [InlineData("7540", "M7540 创业空间服务")]
    [InlineData("7820", "N7820 环境卫生管理")]
    [InlineData("8111", "O8111 汽车修理与维护")]
    [InlineData("8341", "P8341 普通高等教育")]
    [InlineData("8411", "Q8411 综合医院")]
    [InlineData("87", "R87 广播、电视、电影和录音制作业")]
    [InlineData("8626", "R8626 数字出版")]
    [InlineData("9100", "S9100 中国共产党机关")]
    [InlineData("9610", "S9610 社区居民自治组织")]
    [InlineData("9700", "T9700 国际组织")]
    public void Sample_of_codes_and_names_as_the_standard_prints_them(string code, string expected)
    {
        var entry = IndustryClassification.Find(code);
        Assert.NotNull(entry);
        Assert.Equal(expected, entry!.Level == IndustryLevel.Section ? entry.Name : entry.Label);
    }

    [Theory]
    [InlineData("2614", "C2614 有机化学原料制造")]
    [InlineData("C2614", "C2614 有机化学原料制造")]
    [InlineData("3131", "3131（不在GB/T 4754-2017中）")]
    [InlineData(null, null)]
    public void Labels_name_the_industry_and_never_invent_one(string? code, string? label) => Assert.Equal(label, IndustryCode.Label(code));

    [Fact]
    public void A_code_in_the_table_passes_at_every_level()
    {
        Assert.True(IndustryCode.Check("C26").IsValid);
        Assert.True(IndustryCode.Check("261").IsValid);
        Assert.Equal("有机化学原料制造", IndustryCode.Check("2614").Entry?.Name);
    }

    /// <summary>What is shown and exported comes back in through the imports: the label is read as its code, a wrong name is refused.</summary>
    [Fact]
    public void A_label_reads_back_as_its_code()
    {
        Assert.True(IndustryCode.Check("C2614 有机化学原料制造").IsValid);
        Assert.Equal("2614", IndustryCode.Normalise("C2614 有机化学原料制造"));
        Assert.Equal("7517", IndustryCode.Normalise("M7517 三维（3D）打印技术推广服务"));
        Assert.Contains("名称是“有机化学原料制造”", IndustryCode.Check("C2614 无机酸制造").Error);
    }
}
