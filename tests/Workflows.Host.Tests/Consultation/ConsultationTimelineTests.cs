namespace Workflows.Host.Tests.Consultation;

/// <summary>A class of its own: the scenario moves the simulated clock by five weeks.</summary>
public sealed class ConsultationTimelineTests(ParticipationHostFactory host) : IClassFixture<ParticipationHostFactory>
{
    [Fact]
    public Task PublicParticipation_RunsToTheEndOf20260224_ThenHearingAndExperts_WhenOpenedOn20260120For30Days() =>
        ParticipationScenario.RunAsync(host);
}

/// <summary>The same scenario on PostgreSQL: the module tables, their migrations and the guards' reads on the second provider.</summary>
public sealed class ParticipationPostgreSqlTests(PostgreSqlParticipationHostFactory host) : IClassFixture<PostgreSqlParticipationHostFactory>
{
    [Fact]
    public Task PublicParticipation_RunsThroughHearingAndExperts_WhenTheDatabaseIsPostgreSql() =>
        ParticipationScenario.RunAsync(host);
}
