using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Engine;
using Workflows.Engine.Persistence;
using Workflows.Procedures.Experts.Persistence;
using Workflows.Procedures.Hearings;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Procedures.Experts;

public static class ExpertsWorkflowEngineBuilderExtensions
{
    /// <summary>
    /// Expert consultation (专家论证): the expert pool (<c>ex_*</c> tables and their migrations), the
    /// <c>expert-select</c> activity, and the <c>expert-opinion</c> and <c>expert-adoption</c> guards.
    /// Needs the notifications module (invitations) and the host's recipient directory (accounts).
    /// </summary>
    public static WorkflowEngineBuilder AddExpertConsultation(this WorkflowEngineBuilder builder)
    {
        var services = builder.Services;
        builder.EnsureDocuments();
        if (services.Any(d => d.ServiceType == typeof(ExpertPool)))
        {
            return builder;
        }
        WorkflowDatabase.AddModuleDbContext<ExpertsDbContext, SqliteExpertsDbContext, PostgreSqlExpertsDbContext>(
            services, ExpertsDbContext.MigrationsHistoryTable);
        services.TryAddSingleton<InstanceFacts>();
        services.TryAddSingleton<ExpertPool>();
        services.TryAddSingleton<ExpertOpinions>();
        services.TryAddSingleton<ExpertSummaries>();
        return builder
            .AddActivity<ExpertSelectActivity>()
            .AddUserTaskGuard<ExpertOpinionGuard>()
            .AddUserTaskGuard<ExpertAdoptionGuard>();
    }

    /// <summary>Public consultation, hearings and expert consultation: the public-participation building blocks of Decree 713 steps 2, 2a and 3.</summary>
    public static WorkflowEngineBuilder AddParticipationModules(this WorkflowEngineBuilder builder) =>
        builder.AddPublicConsultation().AddHearings().AddExpertConsultation();
}
