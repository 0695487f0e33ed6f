namespace Workflows.Host.Tests.Durability;

/// <summary>
/// Tests that start the host as a child process and kill it run alone, after the others: their
/// timing (a kill mid-load, timers falling due while the host is down) should not compete for the
/// CPU with a dozen in-process hosts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostProcessCollection
{
    public const string Name = "Host processes";
}
