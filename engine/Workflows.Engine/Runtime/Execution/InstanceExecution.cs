using System.Text.Json.Nodes;
using Workflows.Engine.Bpmn.Model;
using Workflows.Engine.Instances;
using Workflows.Engine.Journal;
using Workflows.Engine.Messages;
using Workflows.Engine.Tasks;
using Workflows.Engine.Timers;

namespace Workflows.Engine.Runtime.Execution;

/// <summary>The loaded state of one instance inside a step, and the agenda of tokens to move.</summary>
internal sealed class InstanceExecution
{
    private readonly Queue<Token> _agenda = new();

    public InstanceExecution(
        StepSession session,
        WorkflowInstance instance,
        ProcessModel process,
        List<Token> tokens,
        List<HumanTask> openTasks,
        List<WorkflowTimer> pendingTimers,
        List<MessageSubscription> subscriptions)
    {
        Session = session;
        Instance = instance;
        Process = process;
        Tokens = tokens;
        OpenTasks = openTasks;
        PendingTimers = pendingTimers;
        Subscriptions = subscriptions;
        Variables = EngineJson.ParseObject(instance.Variables);
    }

    public StepSession Session { get; }
    public WorkflowInstance Instance { get; }
    public ProcessModel Process { get; }
    public List<Token> Tokens { get; }
    public List<HumanTask> OpenTasks { get; }
    public List<WorkflowTimer> PendingTimers { get; }
    public List<MessageSubscription> Subscriptions { get; }
    public JsonObject Variables { get; }

    /// <summary>Set while a parent starts this instance synchronously: the parent resumes itself.</summary>
    public bool StartedInline { get; set; }

    public DateTimeOffset Now => Session.Now;

    public Token? FindToken(Guid id) => Tokens.Find(t => t.Id == id);

    public IEnumerable<Token> ChildrenOf(Guid? parentId) => Tokens.Where(t => t.ParentId == parentId);

    public Token NewToken(string activityId, Guid? parentId, string? arrivedVia = null)
    {
        var token = new Token
        {
            Id = Guid.CreateVersion7(),
            InstanceId = Instance.Id,
            ParentId = parentId,
            ActivityId = activityId,
            ArrivedVia = arrivedVia,
            State = TokenState.Active,
            CreatedAt = Now,
        };
        Tokens.Add(token);
        Session.Db.Tokens.Add(token);
        return token;
    }

    public void RemoveToken(Token token)
    {
        Tokens.Remove(token);
        Session.Db.Tokens.Remove(token);
    }

    public void Schedule(Token token)
    {
        token.State = TokenState.Active;
        _agenda.Enqueue(token);
    }

    public bool TryNext(out Token token) => _agenda.TryDequeue(out token!);

    /// <summary>Process variables overlaid with the local variables of the token's scopes, innermost last.</summary>
    public JsonObject ScopeVariables(Token? token)
    {
        var result = (JsonObject)Variables.DeepClone();
        var chain = new Stack<Token>();
        for (var current = token; current is not null; current = current.ParentId is { } p ? FindToken(p) : null)
        {
            chain.Push(current);
        }
        foreach (var scope in chain)
        {
            if (scope.LocalVariables is null)
            {
                continue;
            }
            foreach (var (name, value) in JsonNode.Parse(scope.LocalVariables)!.AsObject())
            {
                if (name.StartsWith("__", StringComparison.Ordinal))
                {
                    continue; // engine bookkeeping, not a variable
                }
                result[name] = value?.DeepClone();
            }
        }
        return result;
    }

    public JsonObject Locals(Token token) =>
        token.LocalVariables is null ? [] : JsonNode.Parse(token.LocalVariables)!.AsObject();

    public void SetLocals(Token token, JsonObject locals) => token.LocalVariables = EngineJson.Write(locals);

    public void MergeVariables(JsonObject? values)
    {
        if (values is null)
        {
            return;
        }
        foreach (var (name, value) in values)
        {
            Variables[name] = value?.DeepClone();
        }
    }

    /// <summary>Appends a hash-chained journal entry for this instance.</summary>
    public void Record(string kind, string? activityId, JsonObject? data = null, string? actor = null)
    {
        var entry = new JournalEntry
        {
            InstanceId = Instance.Id,
            Sequence = Instance.JournalSequence + 1,
            At = JournalChain.Truncate(Now),
            ActivityId = activityId,
            Kind = kind,
            Actor = actor ?? Session.Actor.UserName,
            Data = data is null ? "{}" : EngineJson.Write(data),
            PreviousHash = Instance.JournalSequence == 0 ? JournalChain.Genesis : Instance.JournalHash,
            Hash = "",
        };
        entry.Hash = JournalChain.ComputeHash(entry);
        Instance.JournalSequence = entry.Sequence;
        Instance.JournalHash = entry.Hash;
        Session.Db.Journal.Add(entry);
    }

    /// <summary>Writes variables back and bumps the revision so a concurrent step on this instance fails.</summary>
    public void Flush()
    {
        Instance.Variables = EngineJson.Write(Variables);
        Instance.Revision++;
    }
}
