using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workflows.Engine;
using Workflows.Engine.Persistence;
using Workflows.Procedures.NormativeDocuments.Cleanup;
using Workflows.Procedures.NormativeDocuments.Guards;
using Workflows.Procedures.NormativeDocuments.Persistence;
using Workflows.Procedures.NormativeDocuments.Process;
using Workflows.Procedures.NormativeDocuments.Register;
using Workflows.Procedures.NormativeDocuments.Validity;
using Workflows.Procedures.PublicConsultation;

namespace Workflows.Procedures.NormativeDocuments;

public static class NormativeDocumentsWorkflowEngineBuilderExtensions
{
    /// <summary>
    /// Normative documents (行政规范性文件): the <c>normative-document</c> procedure (published at
    /// start; its public comment is the public consultation module's, added here when missing), its
    /// guards and stop activity, the register (<c>nd_*</c> tables), the daily validity
    /// job and the catalogue. Settings from <c>Workflows:NormativeDocuments</c>, checked at start.
    /// Call after the storage provider and <c>AddNotifications</c>.
    /// </summary>
    public static WorkflowEngineBuilder AddNormativeDocuments(this WorkflowEngineBuilder builder, Action<NormativeDocumentOptions>? configure = null)
    {
        var services = builder.Services;
        var options = services.AddOptions<NormativeDocumentOptions>().BindConfiguration(NormativeDocumentOptions.Section).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.AddSingleton<IValidateOptions<NormativeDocumentOptions>, NamedProblems>();

        builder.AddPublicConsultation();
        WorkflowDatabase.AddModuleDbContext<NormativeDocumentsDbContext, SqliteNormativeDocumentsDbContext, PostgreSqlNormativeDocumentsDbContext>(
            services, NormativeDocumentsDbContext.MigrationsHistoryTable);
        services.TryAddSingleton<NormativeCalendar>();
        services.TryAddScoped<WorkflowStep>();
        services.TryAddScoped<DocumentStart>();
        services.TryAddScoped<RegisterCommands>();
        services.TryAddScoped<PublicationCommands>();
        services.TryAddScoped<ValidityCommands>();
        services.TryAddSingleton<RegisterQueries>();
        services.TryAddSingleton<CleanupRounds>();
        // After the module migrator (hosted services start in registration order).
        services.AddSingleton<IHostedService, NormativeProcessInstaller>();

        return builder
            .AddActivity<StopActivity>()
            .AddOutboxHandler<StoppedHandler>()
            .AddRecurringJob<ValidityCheckJob>()
            .AddUserTaskGuard<DraftingGuard>()
            .AddUserTaskGuard<PublicCommentGuard>()
            .AddUserTaskGuard<FairCompetitionGuard>()
            .AddUserTaskGuard<LegalityReviewGuard>()
            .AddUserTaskGuard<RevisionGuard>()
            .AddUserTaskGuard<DeliberationGuard>()
            .AddUserTaskGuard<RegistrationGuard>()
            .AddUserTaskGuard<PublicationGuard>()
            .AddUserTaskGuard<FilingGuard>()
            .AddProcessRule<NormativeDocumentProcessRule>();
    }

    /// <summary>Names each faulty setting at start instead of one generic message.</summary>
    private sealed class NamedProblems : IValidateOptions<NormativeDocumentOptions>
    {
        public ValidateOptionsResult Validate(string? name, NormativeDocumentOptions options) =>
            options.Validate() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
