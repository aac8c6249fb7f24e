using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Qianglian.Web.Data;
using ValidationException = Qianglian.Web.Api.ValidationException;

namespace Qianglian.Web.Api;

/// <summary>
/// The first line of bounded input on /api/v1 (issue 15, item 7), for every endpoint at once: before the handler
/// runs, every string anywhere in the request's bound objects (bodies, forms, lists inside them) is at most
/// <see cref="InputLimits.Text"/> long — or what its field declares with <see cref="MaxLengthAttribute"/> — and every
/// enum value is one the enum defines (JSON accepts any number for an enum). Refusals name the field by its JSON path
/// ("nodes[2].name"). What a column may hold is checked again, per column, by <see cref="InputBounds"/> on saving.
/// </summary>
public static class RequestBounds
{
    private const int MaxDepth = 8;

    public static RouteGroupBuilder BoundRequests(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices.GetService<Microsoft.Extensions.DependencyInjection.IServiceProviderIsService>();
            var checkedArguments = factory.MethodInfo.GetParameters()
                .Select((p, i) => (p, i))
                .Where(x => IsRequestObject(x.p.ParameterType) && services?.IsService(x.p.ParameterType) != true)
                .Select(x => x.i).ToArray();
            if (checkedArguments.Length == 0) return next;
            return async context =>
            {
                var errors = new Dictionary<string, string[]>();
                foreach (var i in checkedArguments)
                    if (i < context.Arguments.Count && context.Arguments[i] is { } argument)
                        Walk(argument, "", errors, 0);
                if (errors.Count > 0) throw new ValidationException(errors);
                return await next(context);
            };
        });
        return group;
    }

    /// <summary>A type the request binds from its body or form: the project's own records and lists of them.</summary>
    private static bool IsRequestObject(Type type) =>
        type.Namespace?.StartsWith("Qianglian", StringComparison.Ordinal) == true && !type.IsEnum && (type.IsClass || type.IsValueType && !type.IsPrimitive)
        || type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType && type.GetGenericArguments().Any(IsRequestObject);

    private static void Walk(object value, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > MaxDepth) return;
        switch (value)
        {
            case string:
                return;
            case IEnumerable items:
                var n = 0;
                foreach (var item in items)
                {
                    if (item is not null) Check(item, null, $"{path}[{n}]", errors, depth + 1);
                    n++;
                }
                return;
        }
        foreach (var (property, limit) in Members(value.GetType()))
            if (property.GetValue(value) is { } member)
                Check(member, limit, path.Length == 0 ? Name(property) : $"{path}.{Name(property)}", errors, depth + 1);
    }

    private static void Check(object value, int? limit, string path, Dictionary<string, string[]> errors, int depth)
    {
        switch (value)
        {
            case string s when s.Length > (limit ?? InputLimits.Text):
                errors.TryAdd(path, [$"最多 {limit ?? InputLimits.Text} 个字 (at most {limit ?? InputLimits.Text} characters, {s.Length} given)"]);
                return;
            case string:
                return;
            case Enum e when !e.GetType().IsDefined(typeof(FlagsAttribute), false) && !Enum.IsDefined(e.GetType(), e):
                errors.TryAdd(path, [$"无此选项 (unknown value {e})"]);
                return;
            case JsonElement:
                return;
        }
        var type = value.GetType();
        if (type.Namespace?.StartsWith("Qianglian", StringComparison.Ordinal) == true && !type.IsEnum
            || value is IEnumerable && type.IsGenericType)
            Walk(value, path, errors, depth);
    }

    private static string Name(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, int? Limit)[]> MemberCache = new();

    /// <summary>Readable public properties, with a limit declared on the property or on a record's constructor parameter.</summary>
    private static (PropertyInfo Property, int? Limit)[] Members(Type type) => MemberCache.GetOrAdd(type, t =>
    {
        var parameters = t.GetConstructors().SelectMany(c => c.GetParameters()).ToList();
        return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !p.IsDefined(typeof(JsonIgnoreAttribute)))
            .Select(p => (p, Limit(p) ?? parameters.Where(x => x.Name == p.Name).Select(Limit).FirstOrDefault(l => l is not null)))
            .ToArray();
    });

    private static int? Limit(ICustomAttributeProvider member) =>
        member.GetCustomAttributes(true).Select(a => a switch
        {
            MaxLengthAttribute m => m.Length,
            StringLengthAttribute s => s.MaximumLength,
            _ => (int?)null,
        }).FirstOrDefault(l => l is not null);
}
