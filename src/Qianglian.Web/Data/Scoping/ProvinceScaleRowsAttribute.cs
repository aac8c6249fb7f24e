namespace Qianglian.Web.Data;

/// <summary>
/// Rows written a million at a time whose references never change (a run's results, sealed by their run): the central
/// conventions give them no foreign key to their jurisdiction and no index on its path. At province scale the
/// database's per-row upkeep of those would cost more than the whole computation (docs/performance.md); the writer
/// takes every reference from rows it has just read, the application deletes none of them, and the rows are always
/// read through an indexed owner (the run, the enterprise).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ProvinceScaleRowsAttribute : Attribute;
