using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Activities.Documents;
using Workflows.Engine;
using Workflows.Engine.Persistence;
using Workflows.Procedures.PublicConsultation.Persistence;

namespace Workflows.Procedures.PublicConsultation;

public static class PublicConsultationWorkflowEngineBuilderExtensions
{
    /// <summary>
    /// Public consultation (征求意见): the <c>consultation-open</c> activity, the <c>consultation-feedback</c>
    /// guard, the <c>pc_*</c> tables and their migrations, and the case documents it publishes from.
    /// Options from <c>Workflows:PublicConsultation</c>. Call after the storage provider.
    /// </summary>
    public static WorkflowEngineBuilder AddPublicConsultation(this WorkflowEngineBuilder builder)
    {
        var services = builder.Services;
        builder.EnsureDocuments();
        services.AddOptions<PublicConsultationOptions>().BindConfiguration(PublicConsultationOptions.Section);
        if (services.Any(d => d.ServiceType == typeof(ConsultationBook)))
        {
            return builder;
        }
        WorkflowDatabase.AddModuleDbContext<ConsultationsDbContext, SqliteConsultationsDbContext, PostgreSqlConsultationsDbContext>(
            services, ConsultationsDbContext.MigrationsHistoryTable);
        services.TryAddSingleton<InstanceFacts>();
        services.TryAddSingleton<ConsultationBook>();
        services.TryAddSingleton<CommentIntake>();
        services.TryAddSingleton<ConsultationAnswers>();
        services.TryAddSingleton<ConsultationSummaries>();
        return builder
            .AddActivity<ConsultationOpenActivity>()
            .AddUserTaskGuard<ConsultationFeedbackGuard>()
            .AddOutboxHandler<ConsultationOpenHandler>();
    }

    /// <summary>The participation modules publish and check case documents; adds them unless the host already has.</summary>
    internal static WorkflowEngineBuilder EnsureDocuments(this WorkflowEngineBuilder builder)
    {
        if (!builder.Services.Any(d => d.ServiceType == typeof(DocumentStore)))
        {
            builder.AddDocuments();
        }
        return builder;
    }
}
