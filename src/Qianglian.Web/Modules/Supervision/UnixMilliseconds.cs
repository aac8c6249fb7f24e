using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// Stores an instant that queries compare and sort (deadlines, filing times) as UTC Unix milliseconds: SQLite cannot
/// compare or order DateTimeOffset columns, and one integer form keeps both databases alike.
/// </summary>
public sealed class UnixMilliseconds() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
