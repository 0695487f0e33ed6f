using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine;
using Workflows.Engine.Instances;
using Workflows.Engine.Runtime;
using Workflows.Procedures.MajorDecisions.Compilation;
using Workflows.Procedures.MajorDecisions.Journal;
using Workflows.Procedures.MajorDecisions.Persistence;
using Workflows.Procedures.MajorDecisions.Records;

namespace Workflows.Procedures.MajorDecisions.Register;

/// <summary>
/// Brings a decision's register entry up to date with its instance's journal: each new record
/// becomes a row, and the summary columns follow. Safe to run any number of times, from anywhere —
/// a step completed through the generic task API reaches the register the same way.
/// </summary>
public sealed class DecisionProjection(IDbContextFactory<MajorDecisionsDbContext> dbFactory, TimeProvider clock)
{
    public async Task SyncAsync(Guid decisionId, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        var instance = await queries.GetInstanceAsync(decisionId, cancellationToken);
        if (decision is null || instance is null)
        {
            return;
        }
        var history = new DecisionHistory(decisionId, await queries.GetHistoryAsync(decisionId, cancellationToken));
        foreach (var entry in history.Entries.Where(e => e.Sequence > decision.SyncedSequence))
        {
            if (ToRecord(decision.Id, entry) is { } record)
            {
                db.Records.Add(record);
            }
            decision.SyncedSequence = entry.Sequence;
        }
        Summarise(decision, instance, history);
        decision.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request projected the same entries first (unique decision + sequence): it holds the same data.
        }
    }

    private static DecisionRecord? ToRecord(Guid decisionId, HistoryEntryView entry)
    {
        JsonNode? content = entry.Kind switch
        {
            "InstanceStarted" => entry.Data?["variables"],
            "TaskCompleted" when entry.ActivityId is not null && DecisionSteps.RecordVariables.TryGetValue(entry.ActivityId, out var variable)
                => entry.Data?["variables"]?[variable],
            // Steps of the consultation module: what their completion carried.
            "TaskCompleted" => new JsonObject
            {
                ["outcome"] = entry.Data?["outcome"]?.DeepClone(),
                ["comment"] = entry.Data?["comment"]?.DeepClone(),
                ["variables"] = entry.Data?["variables"]?.DeepClone(),
            },
            ProcedureStatement.JournalKind or MeetingMaterials.JournalKind or "MinimumPeriodShortened" => entry.Data,
            "MessageReceived" when entry.ActivityId == DecisionSteps.EvaluationTrigger => entry.Data?["variables"]?["evaluationRequest"],
            "TimerFired" when entry.ActivityId == DecisionSteps.EvaluationPeriod => new JsonObject { ["reason"] = "评估周期届满，自动启动决策后评估。" },
            _ => null,
        };
        if (content is null)
        {
            return null;
        }
        var kind = entry.Kind switch
        {
            "InstanceStarted" => "proposed",
            "TaskCompleted" => entry.ActivityId!,
            "MessageReceived" or "TimerFired" => "evaluation-request",
            _ => entry.Kind,
        };
        return new DecisionRecord
        {
            Id = Guid.CreateVersion7(),
            DecisionId = decisionId,
            Sequence = entry.Sequence,
            Kind = kind,
            TaskId = Guid.TryParse((string?)entry.Data?["taskId"], out var taskId) ? taskId : null,
            Content = EngineJson.Write(content.DeepClone()),
            RecordedBy = entry.Actor,
            RecordedAt = entry.At,
        };
    }

    private static void Summarise(Decision decision, InstanceView instance, DecisionHistory history)
    {
        decision.Stage = string.Join(',', instance.ActiveActivityIds);
        var start = history.StartDecision;
        decision.LeadUnit = (string?)start?["leadUnit"];
        if (start?["applicability"] is JsonObject)
        {
            decision.PublicParticipation = history.Applies(Applicability.PublicParticipation);
            decision.Hearing = history.Applies(Applicability.Hearing);
            decision.ExpertConsultation = history.Applies(Applicability.ExpertConsultation);
            decision.RiskAssessment = history.Applies(Applicability.RiskAssessment);
        }
        decision.RiskLevel = (string?)history.Latest(DecisionSteps.RiskAssessment)?.Record["level"];
        decision.LegalityOpinion = (string?)history.Latest(DecisionSteps.LegalityReview)?.Record["opinion"];
        var meeting = history.Latest(DecisionSteps.CollectiveDecision)?.Record;
        decision.MeetingOutcome = (string?)meeting?["outcome"];
        decision.DecidedOn = decision.MeetingOutcome is "adopt" or "adopt-with-changes" ? RecordCheck.DateOf(meeting?["meetingDate"]) : null;
        decision.PublishedOn = RecordCheck.DateOf(history.Latest(DecisionSteps.Publication)?.Record["publishedOn"]);
        decision.Status = StatusOf(instance, history, decision);
    }

    private static DecisionStatus StatusOf(InstanceView instance, DecisionHistory history, Decision decision)
    {
        if (instance.Status == InstanceStatus.Cancelled)
        {
            return DecisionStatus.Cancelled;
        }
        if (history.Latest(DecisionSteps.Archive) is not null)
        {
            return DecisionStatus.Archived;
        }
        if (history.StartDecision is not { } start)
        {
            return DecisionStatus.Proposed;
        }
        if ((bool?)start["started"] != true)
        {
            return DecisionStatus.NotStarted;
        }
        if (decision.MeetingOutcome == "reject")
        {
            return DecisionStatus.Rejected;
        }
        if ((string?)history.Latest(DecisionSteps.UnlawfulDisposition)?.Record["action"] == "terminate")
        {
            return DecisionStatus.Terminated;
        }
        if (decision.PublishedOn is not null)
        {
            return DecisionStatus.Published;
        }
        return decision.DecidedOn is not null ? DecisionStatus.Adopted : DecisionStatus.InProgress;
    }
}
