using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Workflows.Activities.Documents;
using Workflows.Engine.Runtime;
using Workflows.Engine.Runtime.Execution;
using Workflows.Host.Components.Shared;
using Workflows.Host.Resources;

namespace Workflows.Host.Components.Cases;

/// <summary>How the timeline words the journal: a label per entry kind and the details that matter to a reader.</summary>
public static class JournalText
{
    /// <summary>The entries a person follows a case by; the rest (tokens passing gateways and events) show on request.</summary>
    public static readonly IReadOnlySet<string> KeyKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        JournalKinds.InstanceStarted, JournalKinds.InstanceCompleted, JournalKinds.InstanceTerminated, JournalKinds.InstanceCancelled,
        JournalKinds.InstanceFaulted, JournalKinds.InstanceRetried, JournalKinds.TaskCreated, JournalKinds.TaskCompleted,
        JournalKinds.TaskCancelled, JournalKinds.TaskReminded, JournalKinds.TaskEscalated, JournalKinds.EscalationHandled,
        JournalKinds.MinimumPeriodShortened, JournalKinds.ClockPaused, JournalKinds.ClockResumed, JournalKinds.DeadlineRecomputed,
        JournalKinds.TaskClaimed, JournalKinds.TaskReleased, JournalKinds.CalledInstanceStarted, JournalKinds.CalledInstanceCompleted,
        JournalKinds.MessageReceived, JournalKinds.TimerFired, DocumentStore.JournalKind,
    };

    public static string Label(IStringLocalizer<UiText> text, string kind)
    {
        var label = text["Journal." + kind];
        return label.ResourceNotFound ? kind : label;
    }

    /// <summary>The entry's details worth reading: an outcome and opinion, a reason, a file and its hash.</summary>
    public static IEnumerable<string> Details(IStringLocalizer<UiText> text, HistoryEntryView entry)
    {
        if (entry.Data is not JsonObject data)
        {
            yield break;
        }
        if (entry.Kind == JournalKinds.TaskCompleted && Text(data, "outcome") is { } outcome)
        {
            yield return text["Journal.Detail.Outcome", OutcomeText.Of(text, outcome)];
        }
        if (Text(data, "comment") is { } comment)
        {
            yield return text["Journal.Detail.Comment", comment];
        }
        if (Text(data, "reason") is { } reason)
        {
            yield return text["Journal.Detail.Reason", reason];
        }
        if (Text(data, "fileName") is { } fileName)
        {
            yield return text["Journal.Detail.File", fileName, Text(data, "sha256") ?? ""];
        }
        if (Text(data, "message") is { } message)
        {
            yield return message;
        }
    }

    private static string? Text(JsonObject data, string name) =>
        data[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
