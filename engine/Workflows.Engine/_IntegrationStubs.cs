// TEMPORARY: replaced by the scripting, timers and calendar branches at merge.
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workflows.Engine.Bpmn.Model;

namespace Workflows.Engine.Scripting
{
    public sealed class ScriptOptions;
    public sealed class JintScriptEvaluator : IScriptEvaluator
    {
        public bool EvaluateCondition(string expression, JsonObject variables) => throw new NotImplementedException();
        public JsonNode? Evaluate(string expression, JsonObject variables) => throw new NotImplementedException();
        public ScriptResult Run(string script, JsonObject variables) => throw new NotImplementedException();
        public string? CheckSyntax(string source, bool isExpression) => throw new NotImplementedException();
    }
}

namespace Workflows.Engine.Timers
{
    public sealed record TimerOccurrence(DateTimeOffset DueAt, int? RemainingRepetitions);
    public sealed class TimerCalculator(Calendar.IWorkingDayCalendar calendar, IOptions<WorkflowEngineOptions> options)
    {
        public DateTimeOffset DueFrom(string rule, DateTimeOffset from) => throw new NotImplementedException(calendar.ToString() + options);
        public TimerOccurrence First(TimerKind kind, string expression, DateTimeOffset now) => throw new NotImplementedException();
        public TimerOccurrence? Next(TimerKind kind, string expression, DateTimeOffset previousDue, int? remainingRepetitions) => throw new NotImplementedException();
        public string? Validate(TimerKind kind, string expression) => throw new NotImplementedException();
        public string? ValidateDue(string rule) => throw new NotImplementedException();
    }
}

