using Qianglian.Core.Evaluation;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>
/// One evaluation of a jurisdiction's chains or parks for a year under a stored model revision (named, so the run
/// can always be re-read and re-computed as it was). Written with all its results in one save; never changed.
/// </summary>
public sealed class IndexRun : ScopedEntity
{
    public IndexSubject Subject { get; set; }
    public int Year { get; set; }
    public Guid ModelId { get; set; }
    /// <summary>The model as officials name it: its name, year and revision (e.g. 产业链评价指数 2024 第1版).</summary>
    public string ModelVersion { get; set; } = "";
    public int SubjectCount { get; set; }
    public int ScoredCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>
/// One subject's result of an index run: score, rank, class and verdict, the values read and every indicator's
/// points with the rule written out (JSON). Scoped to the subject's own jurisdiction, so a park or a county sees its
/// own result and explanation; the run's owner sees all.
/// </summary>
public sealed class IndexResult : ScopedEntity
{
    public Guid RunId { get; set; }
    /// <summary>The chain's id, or the park's jurisdiction id.</summary>
    public Guid SubjectId { get; set; }
    public string Name { get; set; } = "";
    public decimal? Score { get; set; }
    public int? Rank { get; set; }
    public string Class { get; set; } = "";
    public string ClassKey { get; set; } = "";
    public Verdict Verdict { get; set; }
    public string Values { get; set; } = "";
    public string Explanation { get; set; } = "";
}
