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
using Workflows.Procedures.Experts;
using Workflows.Procedures.Units;

namespace Workflows.Procedures.MajorDecisions;

public static class MajorDecisionsEngineBuilderExtensions
{
    /// <summary>
    /// The major administrative decision procedure (<c>major-decision</c>): its guards and activities,
    /// the register and catalogue tables (<c>md_*</c>), and the installer that publishes the BPMN.
    /// The procedure's public participation, hearing and expert steps are the participation modules'
    /// (added here when missing), and so are the adoption summaries the meeting materials carry.
    /// Call after the storage provider and the notifications module; the host supplies an
    /// <see cref="IUnitDirectory"/> over its units (the configured one otherwise).
    /// </summary>
    public static WorkflowEngineBuilder AddMajorDecisions(this WorkflowEngineBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MajorDecisionOptions>().BindConfiguration(MajorDecisionOptions.Section);
        WorkflowDatabase.AddModuleDbContext<MajorDecisionsDbContext, SqliteMajorDecisionsDbContext, PostgreSqlMajorDecisionsDbContext>(
            services, MajorDecisionsDbContext.MigrationsHistoryTable);
        builder.AddParticipationModules();
        services.TryAddSingleton<IParticipationSummaries, ParticipationModuleSummaries>();
        services.TryAddSingleton<IUnitDirectory, ConfiguredUnitDirectory>();
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
            .AddUserTaskGuard<ArchiveGuard>()
            .AddProcessRule<MajorDecisionProcessRule>();
        builder.AddActivity<ProcedureStatementActivity>()
            .AddActivity<MeetingMaterialsActivity>()
            .AddActivity<PublicationDueActivity>();
        services.AddSingleton<IHostedService, MajorDecisionInstaller>();
        return builder;
    }
}
