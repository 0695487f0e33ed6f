using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflows.Engine.Runtime;

namespace Workflows.Procedures.NormativeDocuments.Process;

/// <summary>
/// Publishes the shipped <c>normative-document.bpmn</c> at start. Idempotent: the same file
/// again is no new version. A newer shipped file becomes a new version only while the latest
/// version is the product's own; once an admin has published an adapted version, theirs stays
/// current and the shipped file waits in the log.
/// </summary>
internal sealed class NormativeProcessInstaller(IServiceScopeFactory scopes, IWorkflowRuntime runtime, ILogger<NormativeProcessInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var xml = NormativeProcess.Load();
        await using var scope = scopes.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IWorkflowQueries>();
        var versions = await queries.ListDefinitionsAsync(NormativeProcess.Key, cancellationToken);
        var latest = versions.MaxBy(v => v.Version);
        if (latest is not null && latest.CreatedBy != WorkflowActor.System.UserName)
        {
            var stored = await queries.FindDefinitionAsync(NormativeProcess.Key, latest.Version, cancellationToken);
            if (stored?.Xml != xml)
            {
                logger.LogWarning("{Key} version {Version} was adapted by {Admin}; the shipped procedure is not installed over it", NormativeProcess.Key, latest.Version, latest.CreatedBy);
            }
            return;
        }
        await runtime.SaveDefinitionAsync(xml, publish: true, WorkflowActor.System, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
