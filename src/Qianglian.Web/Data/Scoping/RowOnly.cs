using System.Linq.Expressions;

namespace Qianglian.Web.Data;

/// <summary>
/// A door's condition may read only the row it filters. The filters a door lifts are lifted for its whole query
/// (EF Core applies IgnoreQueryFilters query-wide), so a condition that reached into another table would read that
/// table unscoped too: such a condition is refused before the query runs.
/// </summary>
internal sealed class RowOnly : ExpressionVisitor
{
    public static Expression<Func<T, bool>> Check<T>(Expression<Func<T, bool>> condition)
    {
        new RowOnly().Visit(condition.Body);
        return condition;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(Queryable) || typeof(IQueryable).IsAssignableFrom(node.Type))
            throw new InvalidOperationException($"a door's condition reads only its row, not a query: {node}");
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (typeof(IQueryable).IsAssignableFrom(node.Type) || typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(node.Type))
            throw new InvalidOperationException($"a door's condition reads only its row, not a query: {node}");
        return base.VisitMember(node);
    }
}
