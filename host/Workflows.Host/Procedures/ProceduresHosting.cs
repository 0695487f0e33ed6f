using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Engine;
using Workflows.Procedures;
using Workflows.Procedures.Units;

namespace Workflows.Host.Procedures;

public static class ProceduresHosting
{
    /// <summary>
    /// The statutory procedures' recurring duties and quarterly digests, with the host's accounts
    /// as the directory of units. Needs the notifications module first.
    /// </summary>
    public static WorkflowEngineBuilder AddProceduresHosting(this WorkflowEngineBuilder engine)
    {
        engine.Services.Replace(ServiceDescriptor.Singleton<IUnitDirectory, AccountsUnitDirectory>());
        engine.AddProcedureDuties();
        return engine;
    }
}
