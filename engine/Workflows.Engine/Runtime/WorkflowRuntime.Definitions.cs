using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Bpmn.Parsing;
using Workflows.Engine.Definitions;
using Workflows.Engine.Runtime.Execution;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Runtime;

/// <summary>Storing, versioning and publishing BPMN definitions.</summary>
internal sealed partial class WorkflowRuntime
{
    public async Task<DefinitionSaveResult> SaveDefinitionAsync(string xml, bool publish, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        var (process, issues) = Analyse(xml);
        if (publish)
        {
            ThrowIfNotPublishable(issues);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        return await StepAsync(actor, async session =>
        {
            var latest = await session.Db.Definitions
                .Where(d => d.Key == process.Id)
                .OrderByDescending(d => d.Version)
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is not null && latest.ContentHash == hash)
            {
                // The same file again (a double submission): no new version.
                if (publish && latest.Status == DefinitionStatus.Draft)
                {
                    await PublishAsync(session, latest, process, cancellationToken);
                }
                return new DefinitionSaveResult(latest, false, issues);
            }
            var definition = new WorkflowDefinition
            {
                Id = Guid.CreateVersion7(),
                Key = process.Id,
                Version = (latest?.Version ?? 0) + 1,
                Name = process.Name ?? process.Id,
                Status = DefinitionStatus.Draft,
                Xml = xml,
                ContentHash = hash,
                CreatedAt = session.Now,
                CreatedBy = actor.UserName,
            };
            session.Db.Definitions.Add(definition);
            if (publish)
            {
                await PublishAsync(session, definition, process, cancellationToken);
            }
            return new DefinitionSaveResult(definition, true, issues);
        }, cancellationToken);
    }

    public DefinitionCheck ValidateDefinition(string xml)
    {
        var (process, issues) = Analyse(xml);
        return new DefinitionCheck(process.Id, process.Name, issues);
    }

    public Task<WorkflowDefinition> PublishDefinitionAsync(string key, int version, WorkflowActor actor, CancellationToken cancellationToken = default) =>
        StepAsync(actor, async session =>
        {
            var definition = await session.Db.Definitions.SingleOrDefaultAsync(d => d.Key == key && d.Version == version, cancellationToken)
                ?? throw new WorkflowNotFoundException($"Definition '{key}' has no version {version}.");
            if (definition.Status == DefinitionStatus.Published)
            {
                return definition;
            }
            var (process, issues) = Analyse(definition.Xml);
            ThrowIfNotPublishable(issues);
            await PublishAsync(session, definition, process, cancellationToken);
            return definition;
        }, cancellationToken);

    private (ProcessModel Process, IReadOnlyList<BpmnIssue> Issues) Analyse(string xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            throw Invalid("body", "The body is empty; send BPMN 2.0 XML.");
        }
        var limit = options.Value.MaxDefinitionBytes;
        BpmnDocument document;
        try
        {
            document = BpmnParser.Parse(xml, new BpmnParserOptions { MaxCharacters = limit });
        }
        catch (BpmnFormatException ex)
        {
            throw Invalid("body", ex.Message);
        }
        if (document.MainProcess is not { } process)
        {
            var errors = document.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
            throw new WorkflowValidationException(
                "The file has no single executable process.",
                errors.Count > 0 ? [.. errors.Select(ToError)] : [new ValidationError("body", "The file has no executable process.")]);
        }
        var issues = document.Issues.Concat(validator.Validate(process)).ToList();
        return (process, issues);
    }

    private static void ThrowIfNotPublishable(IReadOnlyList<BpmnIssue> issues)
    {
        var errors = issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new WorkflowValidationException(
                $"The definition cannot be published: {errors.Count} element(s) at fault ({string.Join(", ", errors.Select(e => e.ElementId).Distinct())}).",
                [.. errors.Select(ToError)]);
        }
    }

    private static ValidationError ToError(BpmnIssue issue) => new(issue.ElementId, issue.Message, issue.ElementType);

    private async Task PublishAsync(StepSession session, WorkflowDefinition definition, ProcessModel process, CancellationToken cancellationToken)
    {
        definition.Status = DefinitionStatus.Published;
        definition.PublishedAt = session.Now;
        definition.PublishedBy = session.Actor.UserName;
        var newerPublished = await session.Db.Definitions.AnyAsync(
            d => d.Key == definition.Key && d.Version > definition.Version && d.Status == DefinitionStatus.Published, cancellationToken);
        if (!newerPublished)
        {
            await RegisterTriggersAsync(session, definition, process, cancellationToken);
        }
    }

    /// <summary>The newest published version owns the key's start triggers; older versions' triggers go.</summary>
    private async Task RegisterTriggersAsync(StepSession session, WorkflowDefinition definition, ProcessModel process, CancellationToken cancellationToken)
    {
        var db = session.Db;
        db.DefinitionTriggers.RemoveRange(await db.DefinitionTriggers.Where(t => t.DefinitionKey == definition.Key).ToListAsync(cancellationToken));
        var olderVersions = db.Definitions.Where(d => d.Key == definition.Key).Select(d => d.Id);
        var oldTimers = await db.Timers
            .Where(t => t.Role == TimerRole.Start && t.Status == TimerStatus.Pending && t.DefinitionId != null && olderVersions.Contains(t.DefinitionId.Value))
            .ToListAsync(cancellationToken);
        foreach (var timer in oldTimers)
        {
            session.CancelTimer(timer);
        }
        foreach (var start in process.StartEvents)
        {
            switch (start.Trigger)
            {
                case MessageEventDefinition message:
                    db.DefinitionTriggers.Add(Trigger(definition, start, TriggerKind.Message, message.MessageName));
                    break;
                case TimerEventDefinition timer:
                    db.DefinitionTriggers.Add(Trigger(definition, start, TriggerKind.Timer, null));
                    // A cycle whose firings all lie in the past starts nothing.
                    if (timerCalculator.First(timer.Kind, timer.Expression, session.Now) is { } first)
                    {
                        session.AddTimer(StartTimer(definition.Id, start.Id, timer.Kind, timer.Expression, first, session.Now));
                    }
                    break;
            }
        }
    }

    private static DefinitionTrigger Trigger(WorkflowDefinition definition, StartEvent start, TriggerKind kind, string? messageName) => new()
    {
        Id = Guid.CreateVersion7(),
        DefinitionId = definition.Id,
        DefinitionKey = definition.Key,
        ActivityId = start.Id,
        Kind = kind,
        MessageName = messageName,
    };

    private static WorkflowTimer StartTimer(Guid definitionId, string activityId, TimerKind kind, string expression, TimerOccurrence occurrence, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Role = TimerRole.Start,
        DefinitionId = definitionId,
        ActivityId = activityId,
        DueAt = occurrence.DueAt,
        Kind = kind,
        Expression = expression,
        RemainingRepetitions = occurrence.RemainingRepetitions,
        Status = TimerStatus.Pending,
        CreatedAt = now,
    };
}
