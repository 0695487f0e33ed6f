using System.Text.Json.Nodes;
using Workflows.Engine.Outbox;
using Workflows.Engine.Persistence;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Runtime.Execution;

/// <summary>
/// One execution step: one database transaction, possibly touching several instances (a call
/// activity starts its child in the same step). What must happen after commit is collected here.
/// </summary>
internal sealed class StepSession(WorkflowDbContext db, DateTimeOffset now, WorkflowActor actor, IServiceProvider services)
{
    public WorkflowDbContext Db { get; } = db;
    public DateTimeOffset Now { get; } = now;
    public WorkflowActor Actor { get; } = actor;
    public IServiceProvider Services { get; } = services;

    public Dictionary<Guid, InstanceExecution> Instances { get; } = [];
    public List<WorkflowTimer> TimersToSchedule { get; } = [];
    public List<Guid> TimersToUnschedule { get; } = [];
    public List<Guid> OutboxMessages { get; } = [];

    public WorkflowTimer AddTimer(WorkflowTimer timer)
    {
        Db.Timers.Add(timer);
        TimersToSchedule.Add(timer);
        return timer;
    }

    public void CancelTimer(WorkflowTimer timer)
    {
        timer.Status = TimerStatus.Cancelled;
        if (!TimersToSchedule.Remove(timer))
        {
            TimersToUnschedule.Add(timer.Id);
        }
    }

    public Guid Enqueue(string type, JsonObject payload, Guid? instanceId)
    {
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Type = type,
            Payload = EngineJson.Write(payload),
            InstanceId = instanceId,
            CreatedAt = Now,
        };
        Db.Outbox.Add(message);
        OutboxMessages.Add(message.Id);
        return message.Id;
    }
}
