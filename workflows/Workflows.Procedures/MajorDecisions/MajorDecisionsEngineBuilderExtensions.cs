using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Workflows.Activities.Documents;
using Workflows.Engine;
using Workflows.Engine.Persistence;
using Workflows.Procedures.MajorDecisions.Activities;
using Workflows.Procedures.MajorDecisions.Catalogue;
using Workflows.Procedures.MajorDecisions.Dossier;
using Workflows.Procedures.MajorDecisions.Guards;
using Workflows.Procedures.MajorDecisions.Persistence;
using Workflows.Procedures.MajorDecisions.Register;

namespace Workflows.Procedures.MajorDecisions;

public static class MajorDecisionsEngineBuilderExtensions
{
    /// <summary>
    /// The major administrative decision procedure (<c>major-decision</c>): its guards and activities,
    /// the register and catalogue tables (<c>md_*</c>), and the installer that publishes the BPMN.
    /// Call after the storage provider; the host supplies an <see cref="IUnitDirectory"/>.
    /// </summary>
    public static WorkflowEngineBuilder AddMajorDecisions(this WorkflowEngineBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MajorDecisionOptions>().BindConfiguration(MajorDecisionOptions.Section);
        builder.AddDocuments();
        WorkflowDatabase.AddModuleDbContext<MajorDecisionsDbContext, SqliteMajorDecisionsDbContext, PostgreSqlMajorDecisionsDbContext>(
            services, MajorDecisionsDbContext.MigrationsHistoryTable);
        services.TryAddSingleton<IParticipationSummaries, DocumentParticipationSummaries>();
        services.TryAddSingleton<DecisionProjection>();
        services.TryAddSingleton<DecisionRegister>();
        services.TryAddSingleton<DecisionCatalogues>();
        services.TryAddSingleton<CatalogueSpreadsheet>();
        services.TryAddSingleton<DecisionDossier>();

        builder.AddUserTaskGuard<DecisionVariablesGuard>()
            .AddUserTaskGuard<StartDecisionGuard>()
            .AddUserTaskGuard<DraftGuard>()
            .AddUserTaskGuard<RiskAssessmentGuard>()
            .AddUserTaskGuard<LegalitySubmissionGuard>()
            .AddUserTaskGuard<LegalityOpinionGuard>()
            .AddUserTaskGuard<UnlawfulDispositionGuard>()
            .AddUserTaskGuard<MeetingMaterialsGuard>()
            .AddUserTaskGuard<MeetingRecordGuard>()
            .AddUserTaskGuard<PartyReportGuard>()
            .AddUserTaskGuard<PublicationGuard>()
            .AddUserTaskGuard<ExecutionReportGuard>()
            .AddUserTaskGuard<PostEvaluationGuard>()
            .AddUserTaskGuard<ArchiveGuard>();
        builder.AddActivity<ProcedureStatementActivity>()
            .AddActivity<MeetingMaterialsActivity>()
            .AddActivity<PublicationDueActivity>();
        services.AddSingleton<IHostedService, MajorDecisionInstaller>();
        return builder;
    }
}
