using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflows.Engine.Runtime;

namespace Workflows.Procedures.MajorDecisions;

/// <summary>The built-in BPMN file, embedded in this assembly.</summary>
public static class MajorDecisionDefinition
{
    public const string ResourceName = "Workflows.Procedures.MajorDecisions.major-decision.bpmn";

    public static string ReadXml()
    {
        using var stream = typeof(MajorDecisionDefinition).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>
/// Installs the built-in <c>major-decision.bpmn</c> at start. A version already holding this exact
/// file means it is installed: admins' adapted versions stay as they are, and only a new release of
/// the file becomes a new version. Runs after the engine's and the module's migrations.
/// </summary>
internal sealed class MajorDecisionInstaller(
    IWorkflowRuntime runtime,
    IServiceProvider services,
    IOptions<MajorDecisionOptions> options,
    ILogger<MajorDecisionInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.InstallDefinition)
        {
            return;
        }
        var xml = MajorDecisionDefinition.ReadXml();
        await using var scope = services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IWorkflowQueries>();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(xml)));
        foreach (var version in await queries.ListDefinitionsAsync(DecisionSteps.DefinitionKey, cancellationToken))
        {
            var stored = await queries.FindDefinitionAsync(version.Key, version.Version, cancellationToken);
            if (stored?.ContentHash == hash && stored.Status == Engine.Definitions.DefinitionStatus.Published)
            {
                return;
            }
        }
        try
        {
            var saved = await runtime.SaveDefinitionAsync(xml, publish: true, WorkflowActor.System, cancellationToken);
            logger.LogInformation("Installed {Key} version {Version}", saved.Definition.Key, saved.Definition.Version);
        }
        catch (WorkflowValidationException ex)
        {
            // The procedure names activities and guards of other modules (the consultation). Without
            // them nothing is stored and a later start installs it, instead of stopping the host.
            logger.LogError("The built-in {Key} procedure cannot be published yet: {Errors}",
                DecisionSteps.DefinitionKey, string.Join("; ", ex.Errors.Select(e => $"{e.Target}: {e.Message}")));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
