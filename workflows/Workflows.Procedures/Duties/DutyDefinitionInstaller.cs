using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflows.Engine.Persistence;
using Workflows.Engine.Runtime;
using Workflows.Procedures.Units;

namespace Workflows.Procedures.Duties;

/// <summary>What the installer did with one shipped file.</summary>
public enum DutyInstallOutcome
{
    /// <summary>Stored and published as a new version.</summary>
    Published,

    /// <summary>The latest version already is this XML.</summary>
    Unchanged,

    /// <summary>A person saved a later version (a province adapted the procedure): theirs is kept.</summary>
    KeptAdaptation,
}

public sealed record DutyInstallResult(string DefinitionKey, DutyInstallOutcome Outcome, int Version);

/// <summary>
/// Publishes the shipped duty processes that a duty starts, with this deployment's ladder and legal
/// affairs office written in. Idempotent: the engine stores identical XML only once. A version saved by a person
/// after the installer's is never overwritten, because admins adapt the built-in procedures to
/// their province and a restart must not undo that.
/// </summary>
public sealed class DutyDefinitionInstaller(
    IWorkflowRuntime runtime,
    IDbContextFactory<WorkflowDbContext> dbFactory,
    DutyCatalogue catalogue,
    IUnitDirectory units,
    IOptions<DutiesOptions> options,
    ILogger<DutyDefinitionInstaller> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _installed;

    /// <summary>Installs once per process; a launch calls it too, in case the start-up install failed.</summary>
    public async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _installed))
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_installed)
            {
                await InstallAsync(cancellationToken);
                Volatile.Write(ref _installed, true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<DutyInstallResult>> InstallAsync(CancellationToken cancellationToken)
    {
        var legalOffice = await LegalOfficeAsync(cancellationToken);
        var results = new List<DutyInstallResult>();
        var named = DutyCatalogue.NamedDefinitions(options.Value);
        foreach (var key in DutyBpmn.ShippedResources.Keys.Where(named.Contains).Order(StringComparer.Ordinal))
        {
            var ladder = catalogue.Duties.FirstOrDefault(d => d.DefinitionKey == key && d.Ladder is not null)?.Ladder;
            var xml = DutyBpmn.Prepare(DutyBpmn.ReadShipped(key), ladder, legalOffice, out var dropped);
            if (dropped > 0)
            {
                logger.LogWarning("{Key}: no legal affairs office is known (set {Section}:LegalOffice or give a unit the kind legal-office); {Count} ladder rungs that would tell it were left out",
                    key, DutiesOptions.Section, dropped);
            }
            results.Add(await InstallOneAsync(key, xml, cancellationToken));
        }
        foreach (var duty in catalogue.Duties.Where(d => !DutyBpmn.ShippedResources.ContainsKey(d.DefinitionKey)))
        {
            if (!await IsPublishedAsync(duty.DefinitionKey, cancellationToken))
            {
                logger.LogWarning("Duty {Duty} starts '{Definition}', which is neither shipped nor published yet; publish it before the duty falls due", duty.Key, duty.DefinitionKey);
            }
        }
        return results;
    }

    private async Task<DutyInstallResult> InstallOneAsync(string key, string xml, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var latest = await db.Definitions.AsNoTracking()
                .Where(d => d.Key == key)
                .OrderByDescending(d => d.Version)
                .Select(d => new { d.Version, d.CreatedBy })
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is not null && !string.Equals(latest.CreatedBy, WorkflowActor.System.UserName, StringComparison.Ordinal))
            {
                logger.LogInformation("{Key}: version {Version} was saved by {User}; the shipped file is not installed over it", key, latest.Version, latest.CreatedBy);
                return new DutyInstallResult(key, DutyInstallOutcome.KeptAdaptation, latest.Version);
            }
        }
        var saved = await runtime.SaveDefinitionAsync(xml, publish: true, WorkflowActor.System, cancellationToken);
        if (saved.Created)
        {
            logger.LogInformation("{Key}: published version {Version}", key, saved.Definition.Version);
        }
        return new DutyInstallResult(key, saved.Created ? DutyInstallOutcome.Published : DutyInstallOutcome.Unchanged, saved.Definition.Version);
    }

    private async Task<bool> IsPublishedAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Definitions.AnyAsync(d => d.Key == key && d.Status == Engine.Definitions.DefinitionStatus.Published, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> LegalOfficeAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.LegalOffice))
        {
            return options.Value.LegalOffice.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        var offices = (await units.ListAsync(cancellationToken)).Where(u => u.Kind == UnitKind.LegalOffice);
        return [.. offices.Select(u => u.Code + ":supervisor").Order(StringComparer.Ordinal)];
    }
}

/// <summary>Installs the duty processes when the host starts, after the engine has migrated its tables.</summary>
internal sealed class DutyDefinitionInstallerService(DutyDefinitionInstaller installer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => installer.EnsureInstalledAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
