using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflows.Engine;
using Workflows.Engine.Runtime;
using Workflows.Procedures.Duties;

namespace Workflows.Procedures.AnnualReport;

public static class AnnualReportEngineBuilderExtensions
{
    /// <summary>
    /// The government's annual report (<c>annual-report</c>): the figures counter, the draft
    /// activity and its writer, the guards, the installer of the BPMN, and the government-annual-report
    /// duty pointed at this procedure (unless <c>Workflows:Duties:Catalogue:government-annual-report:Definition</c>
    /// names another). Call after the duties, major-decision and normative-document modules, whose records it counts.
    /// </summary>
    public static WorkflowEngineBuilder AddAnnualReport(this WorkflowEngineBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(s => s.ServiceType == typeof(AnnualReportFiguresCounter)))
        {
            return builder;
        }
        services.TryAddSingleton<AnnualReportFiguresCounter>();
        services.TryAddSingleton<AnnualReportCases>();
        builder.AddActivity<AnnualReportDraftActivity>()
            .AddOutboxHandler<AnnualReportDraftWriter>()
            .AddUserTaskGuard<AnnualReportDraftingGuard>()
            .AddUserTaskGuard<AnnualReportReviewGuard>()
            .AddUserTaskGuard<AnnualReportApprovalGuard>()
            .AddUserTaskGuard<AnnualReportSubmissionGuard>()
            .AddUserTaskGuard<AnnualReportPublicationGuard>();
        services.AddSingleton<IHostedService, AnnualReportInstaller>();
        // The duty's shipped two-step process stays for deployments without this module; with it, the
        // duty starts the full routing. An explicit Definition setting still wins.
        services.PostConfigure<DutiesOptions>(options =>
        {
            if (!options.Catalogue.TryGetValue(BuiltInDuties.GovernmentAnnualReport, out var duty))
            {
                duty = new DutyOptions();
                options.Catalogue[BuiltInDuties.GovernmentAnnualReport] = duty;
            }
            duty.Definition ??= AnnualReportSteps.DefinitionKey;
        });
        return builder;
    }
}

/// <summary>The built-in <c>annual-report.bpmn</c>, embedded in this assembly.</summary>
public static class AnnualReportDefinition
{
    public const string ResourceName = "Workflows.Procedures.AnnualReport.annual-report.bpmn";

    public static string ReadXml()
    {
        using var stream = typeof(AnnualReportDefinition).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>
/// Publishes the built-in file at start unless a published version already holds exactly it, so an
/// admin's adapted version stays in force until a new release of the file.
/// </summary>
internal sealed class AnnualReportInstaller(IWorkflowRuntime runtime, IServiceProvider services, ILogger<AnnualReportInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var xml = AnnualReportDefinition.ReadXml();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        await using var scope = services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IWorkflowQueries>();
        foreach (var version in await queries.ListDefinitionsAsync(AnnualReportSteps.DefinitionKey, cancellationToken))
        {
            var stored = await queries.FindDefinitionAsync(version.Key, version.Version, cancellationToken);
            if (stored?.ContentHash == hash && stored.Status == Engine.Definitions.DefinitionStatus.Published)
            {
                return;
            }
        }
        var saved = await runtime.SaveDefinitionAsync(xml, publish: true, WorkflowActor.System, cancellationToken);
        logger.LogInformation("Installed {Key} version {Version}", saved.Definition.Key, saved.Definition.Version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
