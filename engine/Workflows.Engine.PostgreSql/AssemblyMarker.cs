namespace Workflows.Engine.PostgreSql;
internal static class AssemblyMarker;
