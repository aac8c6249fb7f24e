namespace Qianglian.Core.Supervision;

/// <summary>What the figures need of one problem.</summary>
/// <param name="OnTime">Closed, and resolved on time (see <see cref="EscalationLadder.ResolvedOnTime"/>).</param>
/// <param name="Escalated">Went up at least one level, for whatever reason.</param>
/// <param name="Rating">The enterprise's latest rating, if it has rated.</param>
public sealed record ProblemFacts(ProblemStatus Status, bool OnTime, bool Escalated, Satisfaction? Rating);

/// <summary>
/// 按期办结率 = closed on time / closed; 上报率 = escalated / all; 满意率 = (满意 + 基本满意) / rated. A rate with
/// nothing to count is null (shown as “—”), never 0 or 100%.
/// </summary>
public sealed record ProblemFigures(int Total, int Closed, int ClosedOnTime, int Escalated, int Rated, int Satisfied)
{
    public decimal? OnTimeRate => Rate(ClosedOnTime, Closed);
    public decimal? EscalationRate => Rate(Escalated, Total);
    public decimal? SatisfactionRate => Rate(Satisfied, Rated);

    public static ProblemFigures Of(IEnumerable<ProblemFacts> problems)
    {
        int total = 0, closed = 0, onTime = 0, escalated = 0, rated = 0, satisfied = 0;
        foreach (var p in problems)
        {
            total++;
            if (p.Status == ProblemStatus.Closed) closed++;
            if (p.Status == ProblemStatus.Closed && p.OnTime) onTime++;
            if (p.Escalated) escalated++;
            if (p.Rating is { } r)
            {
                rated++;
                if (r != Satisfaction.Dissatisfied) satisfied++;
            }
        }
        return new ProblemFigures(total, closed, onTime, escalated, rated, satisfied);
    }

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);
}
