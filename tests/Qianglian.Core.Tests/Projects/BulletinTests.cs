using Qianglian.Core.Projects;

namespace Qianglian.Core.Tests.Projects;

public class BulletinTests
{
    private static readonly Guid CountyA = Guid.NewGuid(), CountyB = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Names = new() { [CountyA] = "甲县", [CountyB] = "乙县" };

    [Fact]
    public void Figures_split_by_shares_name_laggards_and_list_problems()
    {
        // June: time progress 50%; margin 10 points → a rate below 40% lags.
        BulletinProject[] projects =
        [
            new(Guid.NewGuid(), "一号项目", "钒钛", ProjectStage.Started, 10_000_000m, 3_000_000m, [(CountyA, 0.6m), (CountyB, 0.4m)], ReportState.OnTime),
            new(Guid.NewGuid(), "二号项目", "钒钛", ProjectStage.Started, 20_000_000m, 12_000_000m, [(CountyB, 1m)], ReportState.Overdue),
            new(Guid.NewGuid(), "三号项目", null, ProjectStage.Completed, 5_000_000m, 5_000_000m, [(CountyA, 1m)], null),
            new(Guid.NewGuid(), "四号项目", null, ProjectStage.Reserve, 0, 0, [(CountyA, 1m)], null),
            new(Guid.NewGuid(), "未入库", null, null, 1_000_000m, 0, [(CountyA, 1m)], null),
        ];
        BulletinProblem[] problems =
        [
            new("一号项目", "土地", "用地指标未落实", Open: true, 2026, 4),
            new("二号项目", "融资", "贷款已放款", Open: false, 2026, 6),
            new("二号项目", "电力", "已解决的旧问题", Open: false, 2026, 5),
        ];
        var f = BulletinCalculator.Compute(2026, 6, projects, Names, problems, new DispatchRules(5, 10));

        Assert.Equal(0.5m, f.TimeProgress);
        Assert.Equal(4, f.Listed);
        Assert.Equal([1, 0, 2, 1, 0, 0], f.Stages.Select(s => s.Count));
        Assert.Equal(new InvestmentRow("合计", 3, 35_000_000m, 20_000_000m, 20m / 35m), f.Total);
        // 甲县: 60% of 一号 (6,000,000 / 1,800,000) + 三号 (5,000,000 / 5,000,000); 乙县: 40% of 一号 + 二号.
        Assert.Equal(new InvestmentRow("甲县", 2, 11_000_000m, 6_800_000m, 6.8m / 11m), f.ByLocality.Single(r => r.Name == "甲县"));
        Assert.Equal(new InvestmentRow("乙县", 2, 24_000_000m, 13_200_000m, 0.55m), f.ByLocality.Single(r => r.Name == "乙县"));
        Assert.Equal(["钒钛", BulletinCalculator.NoChain], f.ByChain.Select(r => r.Name));
        Assert.Equal(30_000_000m, f.ByChain[0].Plan);
        var laggard = Assert.Single(f.Laggards);
        Assert.Equal(("一号项目", 0.3m), (laggard.Project, laggard.Rate));
        Assert.Equal(["二号项目"], f.Unreported);
        Assert.Equal(["用地指标未落实", "贷款已放款"], f.Problems.Select(p => p.Description));
    }
}
