using Qianglian.Web.Modules.Arrears;
using Qianglian.Web.Modules.Audit;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Modules.Investment;
using Qianglian.Web.Modules.Evaluation;
using Qianglian.Web.Modules.Inbox;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Notifications;
using Qianglian.Web.Modules.Policies;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Modules.Quotas;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Hosting;

/// <summary>The list of modules: each registers its services and maps its /api/v1 endpoints.</summary>
public static class ModuleRegistry
{
    public static void AddModules(this IServiceCollection services)
    {
        JurisdictionsModule.Add(services);
        Auth.UsersModule.Add(services);
        EnterprisesModule.Add(services);
        PoliciesModule.Add(services);
        ChainsModule.Add(services);
        ProjectsModule.Add(services);
        InvestmentModule.Add(services);
        CultivationModule.Add(services);
        IncentivesModule.Add(services);
        AuditModule.Add(services);
        SupervisionModule.Add(services);
        QuotasModule.Add(services);
        ArrearsModule.Add(services);
        EvaluationModule.Add(services);
        InboxModule.Add(services);
        NotificationsModule.Add(services);
    }

    public static void MapModules(this RouteGroupBuilder api)
    {
        JurisdictionsModule.Map(api);
        Auth.UsersModule.Map(api);
        EnterprisesModule.Map(api);
        PoliciesModule.Map(api);
        ChainsModule.Map(api);
        ProjectsModule.Map(api);
        InvestmentModule.Map(api);
        CultivationModule.Map(api);
        IncentivesModule.Map(api);
        AuditModule.Map(api);
        SupervisionModule.Map(api);
        QuotasModule.Map(api);
        ArrearsModule.Map(api);
        EvaluationModule.Map(api);
        InboxModule.Map(api);
        NotificationsModule.Map(api);
    }
}
