using Qianglian.Core.Policies;
namespace Qianglian.Core.Tests.Policies;

internal sealed record ExpectedMeasure(string Number, string Title, string? Group, ResponsibilityForm Form, string[] Lead, string[] Cooperating);
